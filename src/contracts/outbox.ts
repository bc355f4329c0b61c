import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * How a message reached (or will reach) the patient: `push` when a device of the patient's app took its
 * Web Push form (`pushed_at` set), otherwise the SMS or email it was queued for.
 */
export const outboxListedChannelSchema = z
  .enum(['sms', 'email', 'push'])
  .describe('push when the patient app received it by Web Push, otherwise its SMS or email channel');
export type OutboxListedChannel = z.infer<typeof outboxListedChannelSchema>;

export const outboxQuerySchema = pageQuerySchema.extend({
  channel: outboxListedChannelSchema.optional().describe('sms or email'),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).optional().describe('Delivery state'),
});

export const outboxMessageSchema = z.object({
  id: z.uuid().describe('The message'),
  channel: outboxListedChannelSchema.describe('sms or email'),
  recipient: z.string().describe('Phone (E.164) or email address'),
  kind: z.string().describe('Which notice'),
  subject: z.string().nullable().describe('Subject of an email, or null'),
  body: z
    .string()
    .nullable()
    .describe(
      'Null when the message holds a secret and has left the outbox; while held, its one-time codes read "[code masqué]"/"[code hidden]" outside demo mode',
    ),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).describe('Delivery state'),
  attempts: z.number().int().describe('Delivery attempts so far'),
  lastError: z.string().nullable().describe('The last delivery error, or null'),
  createdAt: z.iso.datetime().describe('When it was created, ISO 8601 in UTC'),
  sentAt: z.iso.datetime().nullable().describe('When it was sent, ISO 8601 in UTC, or null'),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
