import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  patientDocumentListSchema,
  patientDocumentSchema,
  signDocumentBody,
} from '../../../contracts/documents';
import { codeChallengeSchema, resendCodeBody } from '../../../contracts/patient-auth';
import { patientAccess } from '../../http/access';
import { patientCtx, userAgent } from '../../http/ctx';
import { documentIdParams, sendDocumentFile } from './http';
import { listAppDocuments } from './list-app-documents';
import { openAppDocument } from './open-app-document';
import { signDocument } from './sign-document';
import { requestSignatureCode, resendSignatureCode } from './signature-code';

const tags = ['patient app'];
const documentsModule = { access: patientAccess, module: 'documents' as const };

/**
 * Patient-app routes of documents (DOC-1, DOC-3); the practice's `documents` switch guards them all.
 * @public
 */
export function appDocumentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patient/documents',
    {
      schema: {
        tags,
        summary: 'The family’s documents shared with this phone: to sign, signed, others',
        response: { 200: patientDocumentListSchema, ...errorResponses(401, 403) },
      },
      config: documentsModule,
    },
    async (request) => listAppDocuments(patientCtx(request)),
  );

  r.get(
    '/api/patient/documents/:id/file',
    {
      // a HEAD would open, audit and drop the file: downloads are GET only
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'Open a document (the signed PDF once signed); checked and audited on every download',
        params: documentIdParams,
        response: errorResponses(400, 401, 403, 404),
      },
      config: documentsModule,
    },
    async (request, reply) =>
      sendDocumentFile(reply, await openAppDocument(patientCtx(request), request.params.id)),
  );

  r.post(
    '/api/patient/documents/:id/signature/code',
    {
      schema: {
        tags,
        summary: 'Ask for the 6-digit code that signs this document, sent by SMS to this phone',
        params: documentIdParams,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
      config: documentsModule,
    },
    async (request) => requestSignatureCode(patientCtx(request), request.params.id),
  );

  r.post(
    '/api/patient/documents/:id/signature/code/resend',
    {
      schema: {
        tags,
        summary: 'A new code for the same signature (60 s after the previous one at the earliest)',
        params: documentIdParams,
        body: resendCodeBody,
        response: { 200: codeChallengeSchema, ...errorResponses(400, 401, 403, 404, 409, 410, 429) },
      },
      config: documentsModule,
    },
    async (request) => resendSignatureCode(patientCtx(request), request.params.id, request.body.challengeId),
  );

  r.post(
    '/api/patient/documents/:id/signature',
    {
      schema: {
        tags,
        summary: 'Sign with the code: the signed PDF carries the evidence page; the practice is notified',
        params: documentIdParams,
        body: signDocumentBody,
        response: { 200: patientDocumentSchema, ...errorResponses(400, 401, 403, 404, 409, 410) },
      },
      config: documentsModule,
    },
    async (request) =>
      signDocument(patientCtx(request), request.params.id, {
        ...request.body,
        userAgent: userAgent(request),
      }),
  );
}
