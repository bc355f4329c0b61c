import type { DocumentSettings, DocumentType, Visibility } from '../../contracts/documents';

/** What the sharing rules need of a document. */
export interface ShareableDocument {
  type: DocumentType;
  requiresSignature: boolean;
  letterToProfessional: boolean;
  /** the document's own visibility; null: its type's */
  visibility: Visibility | null;
}

/** How the phone reading the app is related to the document's patient. */
export interface Reader {
  /** the phone is the patient's own mobile */
  ownPhone: boolean;
  /** the phone is a mobile of one of the patient's responsables (parent, guarantor) */
  responsable: boolean;
}

/** The visibility that applies: the document's own, or its type's default. */
export function effectiveVisibility(document: ShareableDocument, settings: DocumentSettings): Visibility {
  return document.visibility ?? settings.types[document.type];
}

/**
 * Whether a document reaches the patient app at all (DOC-2), before asking who reads it. "Share only
 * signed documents" overrides the rest: a document without a signature stays in the practice, while one
 * to sign is shared (it could never be signed otherwise). A letter to another professional is never
 * shared when the practice excludes them.
 */
export function reachesApp(document: ShareableDocument, settings: DocumentSettings): boolean {
  if (settings.shareOnlySigned && !document.requiresSignature) return false;
  if (settings.excludeLettersToProfessionals && document.type === 'letter' && document.letterToProfessional)
    return false;
  const visibility = effectiveVisibility(document, settings);
  return visibility.patient || visibility.responsables;
}

/**
 * Whether this reader sees the document in the app: the patient through their own phone when shared
 * with the patient, a responsable through theirs when shared with responsables. A household phone that
 * is both reads with either right.
 */
export function visibleTo(document: ShareableDocument, settings: DocumentSettings, reader: Reader): boolean {
  if (!reachesApp(document, settings)) return false;
  const visibility = effectiveVisibility(document, settings);
  return (reader.ownPhone && visibility.patient) || (reader.responsable && visibility.responsables);
}

/**
 * Whether a person is a minor on `today` (both `YYYY-MM-DD`, today in the practice's time zone): one
 * turns 18 on the 18th anniversary (1 March when born on 29 February, in a common year).
 */
export function isMinor(birthDate: string, today: string): boolean {
  const year = Number(birthDate.slice(0, 4));
  return `${String(year + 18).padStart(4, '0')}${birthDate.slice(4)}` > today;
}
