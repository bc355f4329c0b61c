import type { z } from 'zod';
import type { secureOpenSchema } from '../../../contracts/documents';
import { enc } from '../booking-api';

/** The public routes of one secure link (DOC-5); the token is the only key. */
export const securePaths = (token: string) => {
  const base = `/api/public/secure/${enc(token)}`;
  return {
    info: base,
    code: `${base}/code`,
    resend: `${base}/code/resend`,
    open: `${base}/open`,
    /** Served only to the browser that opened the link with the code (a cookie scoped to the link). */
    file: `${base}/file`,
  };
};

/** The answer of a right code: the document's title and until when this browser may download it. */
export type SecureOpenResult = z.infer<typeof secureOpenSchema>;
