import type { DocumentType } from '../../../contracts/documents';
import type { PatientKey } from '../i18n/fr';

/** The app's document routes (src/contracts/documents.ts). */
export const documentPaths = {
  list: '/api/patient/documents',
  file: (id: string) => `/api/patient/documents/${encodeURIComponent(id)}/file`,
  code: (id: string) => `/api/patient/documents/${encodeURIComponent(id)}/signature/code`,
  resend: (id: string) => `/api/patient/documents/${encodeURIComponent(id)}/signature/code/resend`,
  sign: (id: string) => `/api/patient/documents/${encodeURIComponent(id)}/signature`,
};

/** Each document type's name; the Record keeps it in step with the contract's types. */
export const documentTypeLabel: Record<DocumentType, PatientKey> = {
  quote: 'doc.type.quote',
  informed_consent: 'doc.type.informed_consent',
  invoice: 'doc.type.invoice',
  letter: 'doc.type.letter',
  external_scanned: 'doc.type.external_scanned',
  other: 'doc.type.other',
};
