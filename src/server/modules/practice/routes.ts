import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import { slugField } from '../../../contracts/fields';
import { practiceListSchema, publicPracticeSchema } from '../../../contracts/practice';
import { publicAccess } from '../../http/access';
import { getPublicPractice, listPractices } from './public-practice';

const tags = ['practice'];

/** @public */
export function practiceRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/public/practices',
    {
      schema: {
        tags,
        summary: 'Practices hosted here (name and city only)',
        response: { 200: practiceListSchema },
      },
      config: { access: publicAccess },
    },
    async () => ({ items: await listPractices(app.deps.db) }),
  );

  r.get(
    '/api/public/practices/:slug',
    {
      schema: {
        tags,
        summary: 'Public details of a practice: address, phone, hours, locations',
        params: z.object({ slug: slugField }),
        response: { 200: publicPracticeSchema, ...errorResponses(400, 404) },
      },
      config: { access: publicAccess },
    },
    async (request) => getPublicPractice(app.deps.db, request.params.slug),
  );
}
