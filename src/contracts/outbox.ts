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
  channel: outboxListedChannelSchema.optional(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).optional(),
});

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: outboxListedChannelSchema,
  recipient: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  body: z
    .string()
    .nullable()
    .describe(
      'Null when the message holds a secret and has left the outbox; while held, its one-time codes read "[code masqué]"/"[code hidden]" outside demo mode',
    ),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
