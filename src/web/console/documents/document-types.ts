import type { DocumentType } from '../../../contracts/documents';

// The web imports only types from the contracts, so zod stays out of the bundle; the compiler checks
// that this list names every type of the contract.
const everyType: Record<DocumentType, true> = {
  quote: true,
  informed_consent: true,
  invoice: true,
  letter: true,
  external_scanned: true,
  other: true,
};

/** The document types in the order the forms offer them. */
export const documentTypeList = Object.keys(everyType) as DocumentType[];
