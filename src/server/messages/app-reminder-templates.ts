import type { Lang } from '../../contracts/i18n/lang';
import type { AppointmentFacts, Notice } from './appointment-templates';

/**
 * A reminder the patient set in the app (NOT-2): who the appointment is for (a parent may get it for a
 * child), when, with whom, where, and the app to open.
 */
export function appReminderNotice(lang: Lang, f: AppointmentFacts, appUrl: string): Notice {
  const who = `${f.practitioner}${f.speciality ? ` (${f.speciality})` : ''}`;
  if (lang === 'en') {
    const when = `on ${f.date} at ${f.time}`;
    return {
      sms: `${f.practice}: reminder, ${f.patient} has an appointment ${when} with ${f.practitioner}, ${f.address}. ${appUrl}`,
      subject: `Reminder: appointment ${when}`,
      text: [
        'Hello,',
        '',
        `This is the reminder you set in the app: ${f.patient} has an appointment ${when}.`,
        '',
        `Practitioner: ${who}`,
        `Reason: ${f.motif}`,
        `Address: ${f.address}`,
        `Directions: ${f.mapUrl}`,
        ...(f.instructionsAfter ? ['', f.instructionsAfter] : []),
        '',
        `Your appointments and reminders: ${appUrl}`,
        '',
        f.practice,
        f.practicePhone,
      ].join('\n'),
    };
  }
  const when = `le ${f.date} à ${f.time}`;
  return {
    sms: `${f.practice} : rappel, RDV de ${f.patient} ${when} avec ${f.practitioner}, ${f.address}. ${appUrl}`,
    subject: `Rappel : rendez-vous ${when}`,
    text: [
      'Bonjour,',
      '',
      `Voici le rappel que vous avez choisi dans l’application : ${f.patient} a rendez-vous ${when}.`,
      '',
      `Praticien : ${who}`,
      `Motif : ${f.motif}`,
      `Adresse : ${f.address}`,
      `Itinéraire : ${f.mapUrl}`,
      ...(f.instructionsAfter ? ['', f.instructionsAfter] : []),
      '',
      `Vos rendez-vous et vos rappels : ${appUrl}`,
      '',
      f.practice,
      f.practicePhone,
    ].join('\n'),
  };
}
