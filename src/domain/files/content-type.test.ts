import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  checkFileContent,
  checkFileSize,
  contentSniffLength,
  defaultMaxFileBytes,
  detectContentType,
} from './content-type';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(Uint8Array.from(part)),
    ),
  );

const u32be = (value: number) => [
  (value >>> 24) & 255,
  (value >>> 16) & 255,
  (value >>> 8) & 255,
  value & 255,
];
const u32le = (value: number) => u32be(value).reverse();

/** A complete, valid 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = bytes(type, data);
    return bytes(u32be(data.length), body, u32be(crc32(body)));
  };
  const header = bytes(u32be(1), u32be(1), [8, 2, 0, 0, 0]);
  const pixels = deflateSync(Uint8Array.from([0, 255, 255, 255]));
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  );
}

/** The start of a JPEG (SOI, JFIF APP0 segment), as a camera writes it. */
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

/** A RIFF container holding a lossless WebP (VP8L) bitstream header. */
const webp = bytes(
  'RIFF',
  u32le(26),
  'WEBP',
  'VP8L',
  u32le(14),
  [0x2f, 0, 0, 0, 0, 0x10, 7, 0x10, 0x11, 0x11],
);

/** An ISO BMFF `ftyp` box with a major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(u32be(16 + 4 * compatible.length), 'ftyp', major, u32be(0), ...compatible);

async function tinyPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  return document.save();
}

describe('detectContentType', () => {
  it('recognises a JPEG', () => {
    expect(detectContentType(jpeg)).toBe('image/jpeg');
  });

  it('recognises a PNG', () => {
    expect(detectContentType(tinyPng())).toBe('image/png');
  });

  it('recognises a WebP', () => {
    expect(detectContentType(webp)).toBe('image/webp');
  });

  it('recognises an iPhone HEIC photo and a generic HEIF image', () => {
    expect(detectContentType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(detectContentType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(detectContentType(ftyp('mif1', 'mif1', 'miaf'))).toBe('image/heif');
  });

  it('recognises a PDF made by pdf-lib', async () => {
    expect(detectContentType(await tinyPdf())).toBe('application/pdf');
  });

  it('needs only the first bytes', async () => {
    expect(detectContentType((await tinyPdf()).subarray(0, contentSniffLength))).toBe('application/pdf');
  });

  it('refuses other ISO BMFF files: AVIF (which also declares mif1) and MP4 videos', () => {
    expect(detectContentType(ftyp('avif', 'mif1', 'miaf'))).toBeNull();
    expect(detectContentType(ftyp('isom', 'isom', 'mp42'))).toBeNull();
    expect(detectContentType(bytes(u32be(8), 'ftypheic'))).toBeNull();
  });

  it('refuses a RIFF file that is not WebP (a WAV sound)', () => {
    expect(detectContentType(bytes('RIFF', u32le(36), 'WAVEfmt ', u32le(16)))).toBeNull();
  });

  it('refuses a PDF header that does not start the file', () => {
    expect(detectContentType(bytes('<html>%PDF-1.7'))).toBeNull();
  });
});

describe('checkFileContent', () => {
  it('accepts each accepted type and says which it is', async () => {
    expect(checkFileContent(jpeg)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkFileContent(await tinyPdf())).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('refuses a Windows executable renamed to .jpg (MZ header)', () => {
    const executable = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], new Uint8Array(48), 'PE');
    expect(checkFileContent(executable)).toEqual({ ok: false, reason: 'type_not_allowed' });
  });

  it('refuses an empty file', () => {
    expect(checkFileContent(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses plain text, HTML, SVG, a ZIP and a GIF', () => {
    for (const sample of [
      bytes('Bonjour docteur, voici ma radio.'),
      bytes('<!DOCTYPE html><html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      bytes('PK', [3, 4, 20, 0]),
      bytes('GIF89a', [1, 0, 1, 0]),
    ]) {
      expect(checkFileContent(sample)).toEqual({ ok: false, reason: 'type_not_allowed' });
    }
  });

  it('refuses a type outside the ones a route allows (an image where only PDF is)', () => {
    expect(checkFileContent(jpeg, ['application/pdf'])).toEqual({ ok: false, reason: 'type_not_allowed' });
  });
});

describe('checkFileSize', () => {
  it('accepts up to the limit and refuses beyond it, or nothing', () => {
    expect(checkFileSize(defaultMaxFileBytes)).toBeNull();
    expect(checkFileSize(defaultMaxFileBytes + 1)).toBe('too_large');
    expect(checkFileSize(1_001, 1_000)).toBe('too_large');
    expect(checkFileSize(0)).toBe('empty');
  });
});
