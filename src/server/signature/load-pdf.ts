import { PDFDocument } from 'pdf-lib';
import { SignatureError } from './errors';

/**
 * Reads a PDF for signing or checking. Its metadata is left as it is (pdf-lib would otherwise stamp
 * its own producer and dates). Encrypted PDFs are refused: rewriting them would drop the protection or
 * fail. A PDF with no page is refused too: there is nothing to sign.
 */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  let document: PDFDocument;
  let pageCount: number;
  try {
    // Encryption is checked on the loaded document: pdf-lib's own EncryptedPDFError is compiled to ES5
    // and fails `instanceof`.
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    // pdf-lib reads leniently: a file with a header and no document structure only fails here
    pageCount = document.getPageCount();
  } catch (cause) {
    throw new SignatureError('PDF_INVALID', { cause });
  }
  if (document.isEncrypted) throw new SignatureError('PDF_ENCRYPTED');
  if (pageCount === 0) throw new SignatureError('PDF_INVALID');
  return document;
}

/**
 * Checks that an uploaded PDF can later be signed (readable, not encrypted, has pages): the documents
 * route calls it when a document "to sign" is shared, so the patient never meets a PDF that cannot be.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<{ pageCount: number }> {
  return { pageCount: (await loadPdf(bytes)).getPageCount() };
}
