import { z } from 'zod';
import { pageQuerySchema } from './common';

export const outboxQuerySchema = pageQuerySchema.extend({
  channel: z.enum(['sms', 'email']).optional(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']).optional(),
});

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  body: z.string().nullable().describe('Null when the message holds a secret and has left the outbox'),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'held']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
