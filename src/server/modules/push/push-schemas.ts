import { z } from 'zod';

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/)
    .refine((value) => Buffer.from(value, 'base64url').length === bytes, { message: 'invalid_format' })
    .describe(what);

/** The browser's PushSubscription as `JSON.stringify(subscription)` gives it. */
export const pushSubscriptionBody = z
  .object({
    endpoint: z.url().max(2000).describe('The push service URL of this browser (PushSubscription.endpoint)'),
    expirationTime: z.number().nullable().optional().describe('Ignored: the push service ends it with a 410'),
    keys: z
      .object({
        p256dh: base64url(65, "The browser's P-256 public key, base64url"),
        auth: base64url(16, 'The auth secret, base64url'),
      })
      .describe('The keys that encrypt the notifications for this browser'),
  })
  .describe('A Web Push subscription of this device');

export const pushEndpointQuery = z.object({
  endpoint: z.url().max(2000).describe('The endpoint of the subscription to forget'),
});

export const pushKeySchema = z.object({
  publicKey: z.string().describe("The server's VAPID public key (applicationServerKey), base64url"),
});
