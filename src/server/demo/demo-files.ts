import { deflateSync } from 'node:zlib';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/** A one-page PDF as a practice prints it: its name, the title, the patient, then the lines. */
export async function demoPdf(content: {
  practice: string;
  title: string;
  patient: string;
  date: string;
  lines: readonly string[];
}): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.setTitle(content.title);
  document.setCreator('Sourire (démo)');
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const page = document.addPage([595, 842]);
  page.drawText(content.practice, { x: 50, y: 780, font: bold, size: 12, color: rgb(0.15, 0.39, 0.92) });
  page.drawText(content.title, { x: 50, y: 730, font: bold, size: 18 });
  page.drawText(`Patient : ${content.patient}`, { x: 50, y: 700, font: regular, size: 11 });
  page.drawText(`Date : ${content.date}`, { x: 50, y: 684, font: regular, size: 11 });
  content.lines.forEach((line, index) => {
    page.drawText(line, { x: 50, y: 640 - index * 18, font: regular, size: 11 });
  });
  page.drawText('Document de démonstration : il ne concerne aucune personne réelle.', {
    x: 50,
    y: 60,
    font: regular,
    size: 8,
    color: rgb(0.4, 0.4, 0.4),
  });
  return Buffer.from(await document.save());
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A small real PNG, as a phone's photo stands in for in the demo: a soft pink gradient (a gum, seen
 * from far enough away). Made here so the demo needs no binary file in the repository.
 */
export function demoPhoto(width = 96, height = 64): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      row[1 + x * 3] = 230 - Math.round((y / height) * 40);
      row[2 + x * 3] = 150 - Math.round((x / width) * 30);
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
