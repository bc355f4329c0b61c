import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import { patientAccess } from '../../http/access';
import { patientCtx } from '../../http/ctx';
import { pushEndpointQuery, pushKeySchema, pushSubscriptionBody } from './push-schemas';
import { pushPublicKey, subscribePush, unsubscribePush } from './subscribe-push';

const tags = ['patient app'];

/**
 * Web Push in the patient app (issue 9 §3.14): the server's key, and this device's subscription.
 * @public
 */
export function pushRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patient/push/key',
    {
      schema: {
        tags,
        summary: "The server's VAPID public key, to subscribe this device to notifications",
        response: { 200: pushKeySchema, ...errorResponses(401) },
      },
      config: { access: patientAccess },
    },
    async (request) => pushPublicKey(patientCtx(request)),
  );

  r.post(
    '/api/patient/push/subscriptions',
    {
      schema: {
        tags,
        summary: "Store this device's push subscription (notifications allowed in the app)",
        body: pushSubscriptionBody,
        response: { 201: okSchema, ...errorResponses(400, 401) },
      },
      config: { access: patientAccess },
    },
    async (request, reply) => {
      await subscribePush(patientCtx(request), request.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.delete(
    '/api/patient/push/subscriptions',
    {
      schema: {
        tags,
        summary: "Forget one of the signed-in phone's push subscriptions (404 for any other)",
        querystring: pushEndpointQuery,
        response: { 200: okSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: patientAccess },
    },
    async (request) => {
      await unsubscribePush(patientCtx(request), request.query.endpoint);
      return { ok: true as const };
    },
  );
}
