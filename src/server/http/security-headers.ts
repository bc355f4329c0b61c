import type { FastifyInstance } from 'fastify';

/**
 * The pages' Content-Security-Policy. The built pages load only their own scripts and style sheets
 * (checked on `dist/web`: no inline script or `<style>`, no external origin); React sets `style` props
 * through the CSSOM, which `style-src` does not govern. PDFs and photos open as their own documents,
 * never in a frame, and the patient app's service worker and manifest come from this origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Swagger UI (`/api/docs`, staff only by default) adds `<style>` elements at run time: its page alone may
 * apply inline styles. Scripts stay its own files.
 */
export const apiDocsContentSecurityPolicy = contentSecurityPolicy.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);

/** Browsers keep to https for a year once they have seen it, subdomains too. */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/**
 * Headers of every answer (issue 10 §5):
 * - HTML pages: the CSP above (Swagger UI's page its variant), and no framing;
 * - every answer: no MIME sniffing, referrer kept to the site, and HSTS when the public address is https
 *   (an http install, in development or behind nothing, must stay reachable over http);
 * - API answers: `Cache-Control: no-store`, since most carry personal data, unless the route chose its
 *   own caching (the calendar feed, the file downloads, the live streams).
 * Registered before every plugin and route, so each of them inherits it. Hijacked answers (the live
 * streams) skip `onSend` and carry their own headers.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const https = options.publicUrl.startsWith('https://');
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      const docs = request.url.startsWith('/api/docs');
      reply.header('content-security-policy', docs ? apiDocsContentSecurityPolicy : contentSecurityPolicy);
      reply.header('x-frame-options', 'DENY');
    }
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (https) reply.header('strict-transport-security', strictTransportSecurity);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
