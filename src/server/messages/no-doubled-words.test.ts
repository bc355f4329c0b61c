import { describe, expect, it } from 'vitest';
import { langs } from '../../contracts/i18n/lang';
import { doubledWord } from '../../domain/practice-name';
import { demoPractice } from '../demo/demo-data';
import { appReminderNotice } from './app-reminder-templates';
import { type AppointmentFacts, appointmentNotice, type NoticeEvent } from './appointment-templates';
import {
  documentSignedEmail,
  secureLinkCodeSms,
  secureLinkEmail,
  secureLinkSms,
  signatureCodeSms,
} from './document-templates';
import { messageNotice } from './message-notice-templates';
import { signInAttackEmail } from './staff-security-templates';
import { signInCodeSms, staffInvitationEmail } from './templates';
import { waitlistOfferMessage } from './waitlist-templates';

const events: NoticeEvent[] = [
  'confirmation',
  'reminder',
  'moved',
  'cancelled_by_practice',
  'cancelled_by_patient',
];

/** Every text Sourire sends from these templates, for one practice name. */
function renderedTexts(practice: string): string[] {
  const facts: AppointmentFacts = {
    practice,
    practicePhone: '04 65 71 00 00',
    practitioner: 'Dr Sophie Bernard',
    speciality: 'Chirurgien-dentiste',
    date: 'lundi 7 décembre 2026',
    time: '09:00',
    minutes: 30,
    motif: 'Consultation de contrôle',
    address: '12 rue des Tilleuls, 69003 Lyon',
    mapUrl: 'https://www.openstreetmap.org/search?query=12%20rue%20des%20Tilleuls',
    instructionsAfter: 'Pensez à apporter votre carte Vitale.',
    manageUrl: 'https://sourire.example/rdv/gerer/abc',
    bookingUrl: 'https://sourire.example/rdv/cabinet-des-tilleuls',
    patient: 'Léa Durand',
  };
  const link = 'https://sourire.example/l/abc';
  const url = 'https://sourire.example/app/messagerie/abc';
  const expiresAt = new Date('2026-12-20T10:00:00Z');
  return langs.flatMap((lang) => {
    const notices = [
      ...events.map((event) => appointmentNotice(lang, event, facts)),
      appReminderNotice(lang, facts, 'https://sourire.example/app'),
      messageNotice(lang, { practice, url }),
      waitlistOfferMessage(lang, {
        ...facts,
        shortDate: 'lun. 07/12',
        link,
        expires: 'lundi 7 décembre à 21:00',
      }),
    ];
    const emails = [
      staffInvitationEmail(lang, { firstName: 'Nadia', practice, inviter: 'Claire Martin', link, days: 7 }),
      secureLinkEmail(lang, { practice, link, expiresAt, timeZone: 'Europe/Paris' }),
      documentSignedEmail(lang, { link }),
      signInAttackEmail(lang, { practice, email: 'nadia@test.example' }),
    ];
    return [
      ...notices.flatMap((notice) => [notice.sms, notice.subject, notice.text]),
      ...emails.flatMap((email) => [email.subject, email.text]),
      messageNotice(lang, { practice, url }).push.body,
      signInCodeSms(lang, { practice, code: '123456' }),
      signatureCodeSms(lang, { practice, code: '123456' }),
      secureLinkCodeSms(lang, { practice, code: '123456' }),
      secureLinkSms(lang, { practice, link, expiresAt, timeZone: 'Europe/Paris' }),
    ];
  });
}

describe('messages never say a word twice in a row (issue 9 §4.18)', () => {
  it.each([
    demoPractice.name,
    'Cabinet dentaire des Lilas',
    'Dr Martin',
    'Centre dentaire du Léman',
    'Clinique du Parc',
    'Zahnarztpraxis Müller',
    'Sourire',
  ])('for %s', (practice) => {
    const doubled = renderedTexts(practice)
      .map((text) => ({ text, word: doubledWord(text) }))
      .filter((found) => found.word !== null);
    expect(doubled).toEqual([]);
  });

  it('names the demo practice once where a message says whose it is', () => {
    const texts = renderedTexts(demoPractice.name).join('\n');
    expect(texts).toContain(`la liste d’attente du ${demoPractice.name}.`);
    expect(texts).toContain(`dans la console du ${demoPractice.name} sur Sourire.`);
    expect(texts.toLowerCase()).not.toContain('cabinet cabinet');
  });
});
