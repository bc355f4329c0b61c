/**
 * What an uploaded file really is, read from its first bytes and never from its name or the type the
 * browser claims: a renamed executable or an HTML page must not reach a patient's or a secretary's
 * screen as a "photo". Attachments (MSG-1) and documents (DOC-1) accept images a phone produces and PDF.
 *
 * Why a table of signatures and not the `file-type` package: its current major (22) needs Node ≥ 22
 * while Sourire runs on Node 20, it brings four dependencies and recognises hundreds of formats, and
 * the six types accepted here are identified by a handful of fixed bytes (ISO BMFF's `ftyp` box for
 * HEIC/HEIF is the only one that needs a loop). Anything not recognised is refused, so missing a
 * format fails safe.
 */

/** The content types Sourire stores. */
export type AcceptedContentType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'image/heic'
  | 'image/heif'
  | 'application/pdf';

export const acceptedContentTypes: readonly AcceptedContentType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
];

/** Why an upload is refused; the route turns each into a message in the caller's language. */
export type UploadRefusal =
  /** No bytes at all. */
  | 'empty'
  /** Larger than the limit. */
  | 'too_large'
  /** The bytes are not one of the accepted types (an executable, text, a video, AVIF...). */
  | 'type_not_allowed';

/** How many leading bytes `detectContentType` needs; fewer (a tiny file) is fine. */
export const contentSniffLength = 256;

/** The default size limit of one file (20 MiB): a phone photo or a scanned multi-page PDF fits. */
export const defaultMaxFileBytes = 20 * 1024 * 1024;

/** A file extension for each type, for download names. */
export const extensionOf: Record<AcceptedContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
};

function ascii(bytes: Uint8Array, from: number, length: number): string {
  if (bytes.length < from + length) return '';
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

// HEIF (ISO/IEC 23008-12) brands. A file is HEIC when a brand says its images are HEVC-coded; AVIF
// also declares the generic `mif1` brand, so its own brands are checked first and refused.
const hevcBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const heifBrands = new Set(['mif1', 'msf1']);
const avifBrands = new Set(['avif', 'avis']);

/** The major and compatible brands of an ISO BMFF file's leading `ftyp` box, or null without one. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (ascii(bytes, 4, 4) !== 'ftyp' || bytes.length < 16) return null;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (boxSize < 16) return null;
  const brands = [ascii(bytes, 8, 4)];
  const end = Math.min(boxSize, bytes.length);
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, 4));
  return brands;
}

function heifType(bytes: Uint8Array): 'image/heic' | 'image/heif' | null {
  const brands = ftypBrands(bytes);
  if (!brands || brands.some((brand) => avifBrands.has(brand))) return null;
  if (brands.some((brand) => hevcBrands.has(brand))) return 'image/heic';
  if (brands.some((brand) => heifBrands.has(brand))) return 'image/heif';
  return null;
}

/**
 * The type of a file from its first bytes (`contentSniffLength` is enough), or null when it is none
 * of the accepted types.
 */
export function detectContentType(head: Uint8Array): AcceptedContentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP' && /^VP8[ LX]$/.test(ascii(head, 12, 4)))
    return 'image/webp';
  // Readers tolerate bytes before the header, but a file made by a scanner or a phone starts with it;
  // requiring it at offset 0 keeps polyglot files (an HTML page with a PDF inside) out.
  if (/^%PDF-[12]$/.test(ascii(head, 0, 6))) return 'application/pdf';
  return heifType(head);
}

export type ContentCheck =
  | { ok: true; contentType: AcceptedContentType }
  | { ok: false; reason: UploadRefusal };

/**
 * Checks the first bytes of an upload: refused when empty or not one of `allowed` (every accepted type
 * by default; documents pass `['application/pdf']`).
 */
export function checkFileContent(
  head: Uint8Array,
  allowed: readonly AcceptedContentType[] = acceptedContentTypes,
): ContentCheck {
  if (head.length === 0) return { ok: false, reason: 'empty' };
  const contentType = detectContentType(head);
  if (!contentType || !allowed.includes(contentType)) return { ok: false, reason: 'type_not_allowed' };
  return { ok: true, contentType };
}

/** Checks a file's size against the limit: null when acceptable. */
export function checkFileSize(size: number, maxBytes: number = defaultMaxFileBytes): UploadRefusal | null {
  if (size <= 0) return 'empty';
  if (size > maxBytes) return 'too_large';
  return null;
}
