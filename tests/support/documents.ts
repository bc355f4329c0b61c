import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { StaffDocument } from '../../src/contracts/documents';
import type { Answer, TestClient } from './client';

/** A small real PDF with `pages` pages, its title written on the first. */
export async function makePdf(title: string, pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < pages; page += 1) {
    document
      .addPage()
      .drawText(page === 0 ? title : `${title} (${page + 1})`, { x: 50, y: 700, font, size: 14 });
  }
  return Buffer.from(await document.save());
}

export interface UploadFile {
  name: string;
  bytes: Buffer;
  /** what the browser claims; the server reads the content instead */
  type?: string;
}

/** A multipart/form-data body: the text fields first, then the `file` part, as a browser's FormData. */
export function multipartBody(
  fields: Record<string, string>,
  file?: UploadFile,
): { payload: Buffer; contentType: string } {
  const boundary = `----sourire-test-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function cookieHeader(client: TestClient, names: string[]): string {
  return names
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

const sessionCookieNames = ['sourire_staff', 'sourire_patient', 'sourire_secure'];

/** Staff upload a document for a patient through the multipart route. */
export async function uploadDocument(
  app: FastifyInstance,
  client: TestClient,
  patientId: string,
  fields: Record<string, string>,
  file: UploadFile | undefined,
  options: { lang?: string } = {},
): Promise<Answer<StaffDocument & { code?: string; message?: string }>> {
  const body = multipartBody(fields, file);
  const response = await app.inject({
    method: 'POST',
    url: `/api/console/patients/${patientId}/documents`,
    remoteAddress: client.ip,
    headers: {
      'content-type': body.contentType,
      cookie: cookieHeader(client, sessionCookieNames),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** Downloads a file with the client's cookies, keeping the bytes exact (the test client reads text). */
export async function download(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: Buffer; headers: Record<string, unknown>; json: () => unknown }> {
  const response = await app.inject({
    method: 'GET',
    url,
    remoteAddress: client.ip,
    headers: { cookie: cookieHeader(client, sessionCookieNames), ...headers },
  });
  return {
    status: response.statusCode,
    bytes: response.rawPayload,
    headers: response.headers,
    json: () => response.json(),
  };
}

/** Every file under a folder (the encrypted store of a test app), relative paths. */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Where the disk store keeps a file key (see disk-object-store.ts). */
export function storedPath(filesDir: string, key: string): string {
  return join(filesDir, key.slice(-4, -2), key.slice(-2), key);
}
