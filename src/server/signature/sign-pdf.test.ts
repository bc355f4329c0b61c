import { Readable } from 'node:stream';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFRawStream,
  type PDFStream,
  StandardFonts,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { SignatureError } from './errors';
import { hashStream, sha256Hex } from './hash';
import { inspectPdf } from './load-pdf';
import { type SignatureEvidence, signPdf } from './sign-pdf';
import { readSignatureMetadata } from './signature-metadata';
import { verifySignedPdf } from './verify-signed-pdf';

async function quote(pages = 2): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.setTitle('Devis DEV-2025-014');
  for (let index = 1; index <= pages; index += 1) {
    document.addPage().drawText(`Devis — page ${index}`, { x: 50, y: 700, size: 14, font });
  }
  return document.save();
}

function evidenceFor(original: Uint8Array, overrides: Partial<SignatureEvidence> = {}): SignatureEvidence {
  return {
    referenceId: '0190f3a2-7b1c-7cde-8f00-1234567890ab',
    documentTitle: 'Devis implant 36',
    signerName: 'Léa Durand',
    phone: '+33639981001',
    // the night clocks go forward in France: 01:30 UTC is 03:30 in Paris
    signedAt: new Date('2025-03-30T01:30:00Z'),
    timeZone: 'Europe/Paris',
    originalSha256: sha256Hex(original),
    practiceName: 'Cabinet dentaire des Tilleuls',
    ...overrides,
  };
}

/** The text drawn on a page with the standard fonts (hex strings of Windows-1252 codes). Tests only. */
async function pageText(bytes: Uint8Array, pageIndex: number): Promise<string> {
  const document = await PDFDocument.load(bytes);
  const contents = document.getPage(pageIndex).node.Contents();
  const streams: PDFStream[] =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => document.context.lookup(ref) as PDFStream)
      : contents
        ? [contents]
        : [];
  // Windows-1252 differs from Latin-1 in 0x80–0x9F; the few the evidence page can use:
  const cp1252: Record<number, string> = { 128: '€', 133: '…', 145: '‘', 146: '’', 149: '•', 150: '–' };
  const decode = (hex: string) =>
    Array.from(Buffer.from(hex, 'hex'), (code) => cp1252[code] ?? String.fromCharCode(code)).join('');
  let text = '';
  for (const stream of streams) {
    const raw = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
    for (const match of Buffer.from(raw)
      .toString('latin1')
      .matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
      text += `${decode(match[1]!)}\n`;
    }
  }
  return text;
}

const failedChecks = (verification: Awaited<ReturnType<typeof verifySignedPdf>>) =>
  verification.checks.filter((entry) => !entry.passed).map((entry) => entry.check);

describe('signPdf', () => {
  it('adds one page stating the signer, the time in the practice zone, the masked phone, the hash and the reference', async () => {
    const original = await quote(2);
    const evidence = evidenceFor(original);
    const signed = await signPdf(original, evidence);

    expect(signed.sha256).toBe(sha256Hex(signed.bytes));
    expect((await PDFDocument.load(signed.bytes)).getPageCount()).toBe(3);

    const text = await pageText(signed.bytes, 2);
    expect(text).toContain('Certificat de signature électronique');
    expect(text).toContain('Electronic signature certificate');
    expect(text).toContain('Devis implant 36');
    expect(text).toContain('Léa Durand');
    expect(text).toContain('30 mars 2025 à 03:30:00 UTC+2');
    expect(text).toContain('30 March 2025 at 03:30:00 CEST');
    expect(text).toContain('(Europe/Paris)');
    expect(text).toContain('+33 6 •• •• •• 01');
    expect(text).not.toContain('39 98 10 01');
    expect(text.replace(/\n/g, '')).toContain(evidence.originalSha256);
    expect(text).toContain(evidence.referenceId);
    expect(text).toContain('Cabinet dentaire des Tilleuls');
  });

  it('keeps the original pages untouched in content', async () => {
    const original = await quote(2);
    const signed = await signPdf(original, evidenceFor(original));
    expect(await pageText(signed.bytes, 0)).toBe(await pageText(original, 0));
    expect(await pageText(signed.bytes, 1)).toBe(await pageText(original, 1));
  });

  it('stores the evidence in the PDF metadata too, with the exact Unicode name', async () => {
    const original = await quote(1);
    const evidence = evidenceFor(original, { signerName: 'Łukasz Żółć-Nguyễn' });
    const signed = await PDFDocument.load((await signPdf(original, evidence)).bytes, {
      updateMetadata: false,
    });
    expect(readSignatureMetadata(signed)).toEqual({
      referenceId: evidence.referenceId,
      originalSha256: evidence.originalSha256,
      signerName: 'Łukasz Żółć-Nguyễn',
      signedAt: '2025-03-30T01:30:00.000Z',
    });
    expect(signed.getSubject()).toContain('Łukasz Żółć-Nguyễn');
    expect(signed.getTitle()).toBe('Devis DEV-2025-014');
    expect(signed.getModificationDate()?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('writes names the standard font cannot show with their base letters', async () => {
    const original = await quote(1);
    const signed = await signPdf(original, evidenceFor(original, { signerName: 'Łukasz Żółć-Nguyễn' }));
    expect(await pageText(signed.bytes, 1)).toContain('Lukasz Zólc-Nguyên');
  });

  it('states who a responsable signs for, and the time in Zurich', async () => {
    const original = await quote(1);
    const signed = await signPdf(
      original,
      evidenceFor(original, {
        signerName: 'Marc Durand',
        onBehalfOf: 'Léa Durand',
        timeZone: 'Europe/Zurich',
        signedAt: new Date('2025-01-15T09:05:00Z'),
        phone: '+41791234567',
      }),
    );
    const text = await pageText(signed.bytes, 1);
    expect(text).toContain('pour / on behalf of : Léa Durand');
    expect(text).toContain('15 janvier 2025 à 10:05:00 UTC+1');
    expect(text).toContain('+41 7• ••• •• 67');
  });

  it('gives the same bytes for the same inputs', async () => {
    const original = await quote(1);
    const first = await signPdf(original, evidenceFor(original));
    const second = await signPdf(original, evidenceFor(original));
    expect(first.sha256).toBe(second.sha256);
  });

  it('refuses bytes that are not the document shown to the signer', async () => {
    const original = await quote(1);
    const other = await quote(3);
    await expect(signPdf(other, evidenceFor(original))).rejects.toSatisfy(
      (error) => error instanceof SignatureError && error.code === 'ORIGINAL_MISMATCH',
    );
  });

  it('refuses what is not a readable PDF, and an encrypted PDF', async () => {
    const garbage = Buffer.from('%PDF-1.7 but nothing else');
    await expect(signPdf(garbage, evidenceFor(garbage))).rejects.toSatisfy(
      (error) => error instanceof SignatureError && error.code === 'PDF_INVALID',
    );

    const document = await PDFDocument.create();
    document.addPage();
    document.context.trailerInfo.Encrypt = document.context.obj({ Filter: 'Standard', V: 2, R: 3 });
    const encrypted = await document.save({ useObjectStreams: false });
    await expect(signPdf(encrypted, evidenceFor(encrypted))).rejects.toSatisfy(
      (error) => error instanceof SignatureError && error.code === 'PDF_ENCRYPTED',
    );
    await expect(inspectPdf(encrypted)).rejects.toThrow(SignatureError);
    expect(await inspectPdf(await quote(2))).toEqual({ pageCount: 2 });
  });
});

describe('verifySignedPdf', () => {
  async function signedQuote() {
    const original = await quote(2);
    const evidence = evidenceFor(original);
    const signed = await signPdf(original, evidence);
    const record = {
      referenceId: evidence.referenceId,
      originalSha256: evidence.originalSha256,
      signedSha256: signed.sha256,
    };
    return { original, signed: signed.bytes, record };
  }

  it('verifies a signed PDF against its evidence record and its original', async () => {
    const { original, signed, record } = await signedQuote();
    const verification = await verifySignedPdf(signed, record, original);
    expect(verification.valid).toBe(true);
    expect(verification.checks.map((entry) => entry.check)).toEqual([
      'signed_file_hash',
      'signed_file_metadata',
      'original_file_hash',
      'page_count',
    ]);
    expect((await verifySignedPdf(signed, record)).valid).toBe(true);
  });

  it('fails when one byte of the signed file changes', async () => {
    const { original, signed, record } = await signedQuote();
    for (const position of [10, Math.floor(signed.length / 2), signed.length - 2]) {
      const altered = Uint8Array.from(signed);
      altered[position] = altered[position]! ^ 0x01;
      const verification = await verifySignedPdf(altered, record, original);
      expect(verification.valid).toBe(false);
      expect(failedChecks(verification)).toContain('signed_file_hash');
    }
  });

  it('fails when one byte of the stored original changes', async () => {
    const { original, signed, record } = await signedQuote();
    const altered = Uint8Array.from(original);
    altered[20] = altered[20]! ^ 0x01;
    expect(failedChecks(await verifySignedPdf(signed, record, altered))).toContain('original_file_hash');
  });

  it('fails against another record, and for a file that was never signed', async () => {
    const { original, signed, record } = await signedQuote();
    expect(failedChecks(await verifySignedPdf(signed, { ...record, referenceId: 'another' }))).toEqual([
      'signed_file_metadata',
    ]);
    const unsigned = await verifySignedPdf(
      original,
      { ...record, signedSha256: sha256Hex(original) },
      original,
    );
    expect(failedChecks(unsigned)).toEqual(['signed_file_metadata', 'page_count']);
  });
});

describe('hashStream', () => {
  it('hashes a stream read in pieces like the bytes at once, and counts them', async () => {
    const bytes = Buffer.alloc(300_000, 7);
    const pieces = [bytes.subarray(0, 1), bytes.subarray(1, 70_000), bytes.subarray(70_000)];
    expect(await hashStream(Readable.from(pieces))).toEqual({ sha256: sha256Hex(bytes), size: 300_000 });
    expect(await hashStream(Readable.from([]))).toEqual({ sha256: sha256Hex(new Uint8Array()), size: 0 });
  });
});
