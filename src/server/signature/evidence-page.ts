import { type PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { maskPhone } from '../../domain/phone';

/** What the evidence page states, in French and English. */
export interface EvidencePageContent {
  referenceId: string;
  documentTitle: string;
  signerName: string;
  /** The patient, when a responsable signs for them (a minor). */
  onBehalfOf?: string | undefined;
  /** E.164; printed masked. */
  phone: string;
  signedAt: Date;
  /** The practice's IANA time zone, in which the date and time are written. */
  timeZone: string;
  originalSha256: string;
  practiceName?: string | undefined;
}

const a4: [number, number] = [595.28, 841.89];
const margin = 56;
const ink = rgb(0.1, 0.1, 0.12);
const muted = rgb(0.38, 0.38, 0.42);

/** Date and time in the practice's zone, with the zone's abbreviation or offset. */
export function signedAtText(signedAt: Date, timeZone: string): { fr: string; en: string } {
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'long' }).format(signedAt);
  return { fr: format('fr-FR'), en: format('en-GB') };
}

/**
 * The standard fonts (embedded by name, no font file, no network) only cover Windows-1252. Anything
 * outside is written with fewer accents (ễ → ê, ş → s, ł → l) or as "?", and odd spaces as a space; the
 * exact Unicode name is kept in the document's metadata.
 */
function encodable(font: PDFFont): (text: string) => string {
  const characters = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.normalize('NFC'), (character) => {
      const code = character.codePointAt(0)!;
      if (characters.has(code)) return character;
      if (/\s/.test(character)) return ' ';
      // drop accents from the last until the font has the letter: ễ → ê, ć → c
      const [base = '', ...marks] = Array.from(character.normalize('NFD'));
      for (let kept = marks.length - 1; kept >= 0 && marks.length > 0; kept -= 1) {
        const candidate = (base + marks.slice(0, kept).join('')).normalize('NFC');
        if (Array.from(candidate).every((c) => characters.has(c.codePointAt(0)!))) return candidate;
      }
      // letters without a decomposition that the font lacks
      const fallback: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ı: 'i' };
      return fallback[character] ?? '?';
    }).join('');
}

/** Cuts text into lines no wider than `width`; a word longer than a line (a hash) is cut anywhere. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  private y: number;
  private readonly width: number;

  constructor(
    private readonly page: PDFPage,
    private readonly clean: (text: string) => string,
  ) {
    this.y = page.getHeight() - margin;
    this.width = page.getWidth() - 2 * margin;
  }

  text(text: string, font: PDFFont, size: number, color = ink, gapAfter = 0): void {
    for (const line of wrap(this.clean(text), font, size, this.width)) {
      this.y -= size * 1.3;
      this.page.drawText(line, { x: margin, y: this.y, size, font, color });
    }
    this.y -= gapAfter;
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(): void {
    this.y -= 6;
    this.page.drawLine({
      start: { x: margin, y: this.y },
      end: { x: margin + this.width, y: this.y },
      thickness: 0.5,
      color: muted,
    });
    this.y -= 6;
  }
}

/** Appends the evidence page (A4) to `document`. */
export async function addEvidencePage(document: PDFDocument, content: EvidencePageContent): Promise<void> {
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const mono = await document.embedFont(StandardFonts.Courier);
  const page = document.addPage(a4);
  const write = new Writer(page, encodable(regular));
  const when = signedAtText(content.signedAt, content.timeZone);

  write.text('Certificat de signature électronique', bold, 17);
  write.text('Electronic signature certificate', regular, 12, muted, 8);
  write.rule();

  const field = (labelFr: string, labelEn: string, values: string[], font = regular) => {
    write.gap(6);
    write.text(`${labelFr} / ${labelEn}`, bold, 9, muted);
    for (const value of values) write.text(value, font, 11);
  };
  field('Document', 'Document', [content.documentTitle]);
  field(
    'Signataire',
    'Signed by',
    content.onBehalfOf
      ? [content.signerName, `pour / on behalf of : ${content.onBehalfOf}`]
      : [content.signerName],
  );
  field('Date et heure', 'Date and time', [when.fr, when.en, `(${content.timeZone})`]);
  field('Code de confirmation envoyé par SMS au', 'Confirmation code sent by SMS to', [
    maskPhone(content.phone),
  ]);
  field(
    'Empreinte SHA-256 du document original',
    'SHA-256 fingerprint of the original document',
    [content.originalSha256.slice(0, 32), content.originalSha256.slice(32)],
    mono,
  );
  field('Référence', 'Reference', [content.referenceId], mono);

  write.gap(10);
  write.rule();
  write.gap(4);
  write.text(
    'Le signataire a pris connaissance du document désigné ci-dessus et l’a signé électroniquement en ' +
      'saisissant le code à usage unique reçu par SMS au numéro indiqué. L’empreinte SHA-256 identifie le ' +
      'document original : toute modification, même d’un seul caractère, en change la valeur.',
    regular,
    9.5,
    ink,
    6,
  );
  write.text(
    'The signer read the document identified above and signed it electronically by entering the one-time ' +
      'code received by SMS at the number shown. The SHA-256 fingerprint identifies the original document: ' +
      'any change, even of a single character, changes its value.',
    regular,
    9.5,
    muted,
  );
  if (content.practiceName) {
    write.gap(14);
    write.text(content.practiceName, bold, 9, muted);
  }
}
