import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema } from '../../../contracts/common';
import {
  documentFileQuery,
  documentSettingsSchema,
  documentUpdateBody,
  pendingSignaturePageSchema,
  pendingSignatureQuery,
  secureLinkBody,
  secureLinkListSchema,
  secureLinkSchema,
  signatureEvidenceSchema,
  signatureVerificationSchema,
  staffDocumentListSchema,
  staffDocumentSchema,
} from '../../../contracts/documents';
import { idField } from '../../../contracts/fields';
import { adminOnly, anyStaff } from '../../http/access';
import { staffCtx } from '../../http/ctx';
import { deleteDocument } from './delete-document';
import { getDocumentSettings, updateDocumentSettings } from './document-settings';
import { documentIdParams, parseUploadFields, sendDocumentFile, uploadPart } from './http';
import { listPendingSignatures } from './list-pending-signatures';
import { listStaffDocuments } from './list-staff-documents';
import { openStaffDocument } from './open-staff-document';
import { createSecureLink, listSecureLinks, revokeSecureLink } from './secure-links';
import { getSignatureEvidence, verifySignature } from './signature-evidence';
import { updateDocument } from './update-document';
import { uploadDocument } from './upload-document';

const tags = ['documents'];

/**
 * Console routes of documents, signatures and secure links (DOC-1…DOC-5); see contracts/documents.ts.
 * @public
 */
export function documentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/console/settings/documents',
    {
      schema: {
        tags: ['settings'],
        summary: 'Sharing rules of documents: visibility per type, "only signed", letters to professionals',
        response: { 200: documentSettingsSchema, ...errorResponses(401) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      const ctx = staffCtx(request);
      return getDocumentSettings(ctx.db, ctx.practiceId);
    },
  );

  r.put(
    '/api/console/settings/documents',
    {
      schema: {
        tags: ['settings'],
        summary: 'Save the sharing rules of documents (admin); every field is required',
        body: documentSettingsSchema,
        response: { 200: documentSettingsSchema, ...errorResponses(400, 401, 403) },
      },
      config: { access: adminOnly },
    },
    async (request) => updateDocumentSettings(staffCtx(request), request.body),
  );

  r.get(
    '/api/console/patients/:patientId/documents',
    {
      schema: {
        tags,
        summary: 'A patient’s documents, newest first (audited)',
        params: z.object({ patientId: idField }),
        response: { 200: staffDocumentListSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => listStaffDocuments(staffCtx(request), request.params.patientId),
  );

  r.post(
    '/api/console/patients/:patientId/documents',
    {
      schema: {
        tags,
        summary:
          'Share a PDF with a patient: multipart/form-data with the fields type, title, requiresSignature, letterToProfessional, visibility (JSON) first, then the `file` part. The type is read from the content (PDF only); nothing is stored on refusal.',
        params: z.object({ patientId: idField }),
        response: { 201: staffDocumentSchema, ...errorResponses(400, 401, 404, 415) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) => {
      const ctx = staffCtx(request);
      const { part, fields } = await uploadPart(request);
      try {
        const parsed = parseUploadFields(fields);
        const document = await uploadDocument(ctx, {
          patientId: request.params.patientId,
          type: parsed.type,
          title: parsed.title,
          requiresSignature: parsed.requiresSignature,
          letterToProfessional: parsed.letterToProfessional,
          visibility: parsed.visibilityOverride,
          upload: { stream: part.file, filename: part.filename },
        });
        return reply.status(201).send(document);
      } finally {
        // a refusal before the file was read: drop its bytes so the request can end
        if (!part.file.readableEnded) part.file.on('error', () => undefined).resume();
      }
    },
  );

  r.patch(
    '/api/console/documents/:id',
    {
      schema: {
        tags,
        summary: 'Change a document’s title, its own visibility (null: its type’s) or the letter flag',
        params: documentIdParams,
        body: documentUpdateBody,
        response: { 200: staffDocumentSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => updateDocument(staffCtx(request), request.params.id, request.body),
  );

  r.delete(
    '/api/console/documents/:id',
    {
      schema: {
        tags,
        summary: 'Remove a document shared by mistake, with its file; a signed document stays (409)',
        params: documentIdParams,
        response: { 200: okSchema, ...errorResponses(400, 401, 404, 409) },
      },
      config: { access: anyStaff },
    },
    async (request) => {
      await deleteDocument(staffCtx(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/console/documents/:id/file',
    {
      // a HEAD would open, audit and drop the file: downloads are GET only
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'Download a document (the signed PDF once signed, unless version=original); audited',
        params: documentIdParams,
        querystring: documentFileQuery,
        response: errorResponses(400, 401, 404),
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      sendDocumentFile(
        reply,
        await openStaffDocument(staffCtx(request), request.params.id, request.query.version),
      ),
  );

  r.get(
    '/api/console/signatures/pending',
    {
      schema: {
        tags,
        summary: 'Documents waiting for a signature, every patient, longest waiting first (DOC-4)',
        querystring: pendingSignatureQuery,
        response: { 200: pendingSignaturePageSchema, ...errorResponses(400, 401) },
      },
      config: { access: anyStaff },
    },
    async (request) => listPendingSignatures(staffCtx(request), request.query),
  );

  r.get(
    '/api/console/documents/:id/signature',
    {
      schema: {
        tags,
        summary: 'The evidence of a signed document: signer, for whom, when, IP, user agent, phone, hashes',
        params: documentIdParams,
        response: { 200: signatureEvidenceSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => getSignatureEvidence(staffCtx(request), request.params.id),
  );

  r.post(
    '/api/console/documents/:id/signature/verify',
    {
      schema: {
        tags,
        summary:
          'Read both stored files again and recompute the hashes and the evidence: valid or not, and why',
        params: documentIdParams,
        response: { 200: signatureVerificationSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => verifySignature(staffCtx(request), request.params.id),
  );

  r.post(
    '/api/console/documents/:id/secure-links',
    {
      schema: {
        tags,
        summary:
          'Send the document through the secure channel: a link by SMS or email (never the file), opened with an SMS code',
        params: documentIdParams,
        body: secureLinkBody,
        response: { 201: secureLinkSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request, reply) =>
      reply.status(201).send(await createSecureLink(staffCtx(request), request.params.id, request.body)),
  );

  r.get(
    '/api/console/documents/:id/secure-links',
    {
      schema: {
        tags,
        summary: 'The secure links of a document and every opening (when, IP, user agent)',
        params: documentIdParams,
        response: { 200: secureLinkListSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => listSecureLinks(staffCtx(request), request.params.id),
  );

  r.post(
    '/api/console/secure-links/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a secure link: it answers 410 from now on',
        params: documentIdParams,
        response: { 200: secureLinkSchema, ...errorResponses(400, 401, 404) },
      },
      config: { access: anyStaff },
    },
    async (request) => revokeSecureLink(staffCtx(request), request.params.id),
  );
}
