import type { DocumentType, StaffDocument, Visibility } from '../../../contracts/documents';
import { ApiError } from '../../shared/api';
import { activeLang } from '../../shared/i18n';

/** The console's document routes (src/contracts/documents.ts). */
export const documentPaths = {
  settings: '/api/console/settings/documents',
  ofPatient: (patientId: string) => `/api/console/patients/${patientId}/documents`,
  one: (id: string) => `/api/console/documents/${id}`,
  file: (id: string, version: 'current' | 'original' | 'signed' = 'current') =>
    `/api/console/documents/${id}/file?version=${version}`,
  pending: '/api/console/signatures/pending',
  evidence: (id: string) => `/api/console/documents/${id}/signature`,
  verify: (id: string) => `/api/console/documents/${id}/signature/verify`,
  secureLinks: (id: string) => `/api/console/documents/${id}/secure-links`,
  revokeLink: (linkId: string) => `/api/console/secure-links/${linkId}/revoke`,
};

export interface UploadInput {
  type: DocumentType;
  title: string;
  requiresSignature: boolean;
  letterToProfessional: boolean;
  /** null: the type's default */
  visibility: Visibility | null;
  file: File;
}

export interface UploadHandle {
  done: Promise<StaffDocument>;
  abort: () => void;
}

/**
 * Sends a PDF to a patient's documents as multipart, the text fields first (the server checks them
 * before reading the file). XMLHttpRequest rather than fetch: only it reports upload progress.
 * Refusals become the same `ApiError` as the JSON client's, message in the UI's language.
 */
export function uploadDocument(
  patientId: string,
  input: UploadInput,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const form = new FormData();
  form.append('type', input.type);
  form.append('title', input.title);
  form.append('requiresSignature', String(input.requiresSignature));
  form.append('letterToProfessional', String(input.letterToProfessional));
  if (input.visibility) form.append('visibility', JSON.stringify(input.visibility));
  form.append('file', input.file, input.file.name);

  const request = new XMLHttpRequest();
  const done = new Promise<StaffDocument>((resolve, reject) => {
    request.open('POST', documentPaths.ofPatient(patientId));
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', activeLang());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        resolve(body as StaffDocument);
        return;
      }
      reject(ApiError.fromAnswer(request.status, body, request.statusText));
    };
    request.onerror = () => reject(ApiError.network());
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
