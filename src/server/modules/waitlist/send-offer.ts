import type { Lang } from '../../../contracts/i18n/lang';
import { formatPhone } from '../../../domain/phone';
import type { Ctx } from '../../context';
import type { locations, motifs, staff } from '../../db/schema';
import { waitlistOfferMessage } from '../../messages/waitlist-templates';
import { enqueueMessage } from '../outbox/enqueue-message';
import type { Practice } from '../practice/find-practice';

export interface OfferSetting {
  practice: Practice;
  motif: typeof motifs.$inferSelect;
  practitioner: typeof staff.$inferSelect;
  location: typeof locations.$inferSelect;
  start: Date;
  end: Date;
  expiresAt: Date;
}

export interface OfferRecipient {
  offerId: string;
  token: string;
  patientId: string;
  firstName: string;
  lang: Lang;
  sms: string | null;
  email: string | null;
  /** an SMS asked in the night waits for the morning */
  smsAt: Date;
}

/**
 * Queues an offer's SMS and email in the job's transaction, one idempotency key per offer and channel,
 * so a retried job never sends an offer twice. Returns the channels queued.
 */
export async function sendOffer(
  ctx: Ctx,
  setting: OfferSetting,
  recipient: OfferRecipient,
): Promise<('sms' | 'email')[]> {
  const { practice } = setting;
  const message = waitlistOfferMessage(recipient.lang, describeOffer(ctx, setting, recipient));
  const common = {
    practiceId: practice.id,
    kind: 'waitlist_offer',
    sensitive: true,
    patientId: recipient.patientId,
  };
  const sent: ('sms' | 'email')[] = [];
  if (recipient.sms) {
    const id = await enqueueMessage(
      ctx.db,
      {
        ...common,
        channel: 'sms',
        recipient: recipient.sms,
        body: message.sms,
        idempotencyKey: `waitlist-offer:${recipient.offerId}:sms`,
        notBefore: recipient.smsAt,
      },
      ctx.now,
    );
    if (id) sent.push('sms');
  }
  if (recipient.email) {
    const id = await enqueueMessage(
      ctx.db,
      {
        ...common,
        channel: 'email',
        recipient: recipient.email,
        subject: message.subject,
        body: message.text,
        idempotencyKey: `waitlist-offer:${recipient.offerId}:email`,
      },
      ctx.now,
    );
    if (id) sent.push('email');
  }
  return sent;
}

function describeOffer(ctx: Ctx, setting: OfferSetting, recipient: OfferRecipient) {
  const { practice, practitioner, location, motif, start, end, expiresAt } = setting;
  const locale = recipient.lang === 'en' ? 'en-GB' : 'fr-FR';
  const format = (options: Intl.DateTimeFormatOptions, at: Date) =>
    new Intl.DateTimeFormat(locale, { timeZone: practice.timeZone, ...options }).format(at);
  return {
    practice: practice.name,
    practicePhone: practice.phone ? formatPhone(practice.phone, practice.country) : '',
    practitioner: [practitioner.title, practitioner.firstName, practitioner.lastName]
      .filter(Boolean)
      .join(' '),
    date: format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, start),
    shortDate: format({ weekday: 'short', day: '2-digit', month: '2-digit' }, start),
    time: format({ hour: '2-digit', minute: '2-digit' }, start),
    minutes: Math.round((end.getTime() - start.getTime()) / 60_000),
    motif: motif.name,
    address: `${location.addressLine}, ${location.postalCode} ${location.city}`,
    patient: recipient.firstName,
    link: `${ctx.deps.config.publicUrl}/rdv/offre/${recipient.token}`,
    expires: format(
      { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
      expiresAt,
    ),
  };
}
