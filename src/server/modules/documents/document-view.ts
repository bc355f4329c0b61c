import type {
  DocumentSettings,
  DocumentStatus,
  PatientDocument,
  StaffDocument,
} from '../../../contracts/documents';
import { effectiveVisibility, reachesApp } from '../../../domain/documents/sharing';
import type { documents } from '../../db/schema';

export type DocumentRow = typeof documents.$inferSelect;

export function documentStatus(row: Pick<DocumentRow, 'requiresSignature' | 'signedAt'>): DocumentStatus {
  if (row.signedAt) return 'signed';
  return row.requiresSignature ? 'to_sign' : 'shared';
}

/** A document as staff see it, with the visibility that applies and whether it reaches the app. */
export function toStaffDocument(
  row: DocumentRow,
  settings: DocumentSettings,
  uploader: { id: string; firstName: string; lastName: string } | null,
): StaffDocument {
  return {
    id: row.id,
    patientId: row.patientId,
    type: row.type,
    title: row.title,
    size: row.size,
    sha256: row.sha256,
    pageCount: row.pageCount,
    status: documentStatus(row),
    requiresSignature: row.requiresSignature,
    letterToProfessional: row.letterToProfessional,
    visibilityOverride: row.visibility,
    visibility: effectiveVisibility(row, settings),
    sharedInApp: reachesApp(row, settings),
    uploadedBy: uploader ? { id: uploader.id, name: `${uploader.firstName} ${uploader.lastName}` } : null,
    createdAt: row.createdAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
  };
}

export function toPatientDocument(row: DocumentRow, canSign: boolean): PatientDocument {
  return {
    id: row.id,
    patientId: row.patientId,
    type: row.type,
    title: row.title,
    size: row.size,
    status: documentStatus(row),
    canSign,
    createdAt: row.createdAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
  };
}

/** A download name from the title: letters, digits and a few signs, never a path. */
export function downloadName(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${base || 'document'}.${extension}`;
}
