import type { Lang } from '../../contracts/i18n/lang';
import { ofPracticeFr } from '../../domain/practice-name';

/**
 * "You have a new message from <practice>" (issue 9 §3.14): the practice answered in the app. No content
 * of the message, nothing about care: only who wrote and the link to the thread in the app, since an SMS
 * or a lock screen is read by whoever holds the phone. French names the practice through `ofPracticeFr`
 * ("du Cabinet dentaire des Tilleuls", "de l’Espace dentaire", "du cabinet du Dr Martin"); the SMS drops
 * "Vous avez" so that it stays short with a long practice name.
 */
export function messageNotice(
  lang: Lang,
  v: { practice: string; url: string },
): { sms: string; subject: string; text: string; push: { title: string; body: string } } {
  if (lang === 'en') {
    return {
      sms: `You have a new message from ${v.practice}. Read it in the app: ${v.url}`,
      subject: `New message from ${v.practice}`,
      text: [
        'Hello,',
        '',
        `You have a new message from ${v.practice}.`,
        `Read it in the app: ${v.url}`,
        '',
        v.practice,
      ].join('\n'),
      push: { title: v.practice, body: `You have a new message from ${v.practice}` },
    };
  }
  const from = ofPracticeFr(v.practice);
  return {
    sms: `Nouveau message ${from}. Lisez-le dans l’application : ${v.url}`,
    subject: `Nouveau message ${from}`,
    text: [
      'Bonjour,',
      '',
      `Vous avez un nouveau message ${from}.`,
      `Lisez-le dans l’application : ${v.url}`,
      '',
      v.practice,
    ].join('\n'),
    push: { title: v.practice, body: `Vous avez un nouveau message ${from}` },
  };
}

/** The push form of an app reminder: no date, no practitioner, no motif on a lock screen. */
export function appReminderPush(lang: Lang, v: { practice: string }): { title: string; body: string } {
  return lang === 'en'
    ? { title: v.practice, body: 'Appointment reminder' }
    : { title: v.practice, body: 'Rappel de rendez-vous' };
}
