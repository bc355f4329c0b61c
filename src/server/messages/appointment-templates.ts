import type { Lang } from '../../contracts/i18n/lang';

/** What every appointment message says (BOOK-4, NOT-1), already formatted for the patient. */
export interface AppointmentFacts {
  practice: string;
  practicePhone: string;
  /** "Dr Sophie Bernard" */
  practitioner: string;
  speciality: string | null;
  /** "lundi 30 novembre 2026" */
  date: string;
  /** "09:00" */
  time: string;
  minutes: number;
  motif: string;
  address: string;
  mapUrl: string;
  instructionsAfter: string | null;
  manageUrl: string | null;
  bookingUrl: string;
  patient: string;
}

export type NoticeEvent =
  | 'confirmation'
  | 'reminder'
  | 'moved'
  | 'cancelled_by_practice'
  | 'cancelled_by_patient';

export interface Notice {
  sms: string;
  subject: string;
  text: string;
}

/** SMS and email of an appointment event, in French or English. */
export function appointmentNotice(lang: Lang, event: NoticeEvent, f: AppointmentFacts): Notice {
  return lang === 'en' ? english(event, f) : french(event, f);
}

function french(event: NoticeEvent, f: AppointmentFacts): Notice {
  const when = `le ${f.date} à ${f.time}`;
  const who = `${f.practitioner}${f.speciality ? ` (${f.speciality})` : ''}`;
  const details = [
    `Patient : ${f.patient}`,
    `Praticien : ${who}`,
    `Date : ${f.date} à ${f.time} (${f.minutes} min)`,
    `Motif : ${f.motif}`,
    `Adresse : ${f.address}`,
    `Itinéraire : ${f.mapUrl}`,
  ];
  const manage = f.manageUrl ? ['', `Modifier ou annuler en ligne : ${f.manageUrl}`] : [];
  const after = f.instructionsAfter ? ['', f.instructionsAfter] : [];
  const sign = ['', f.practice, f.practicePhone];
  switch (event) {
    case 'confirmation':
      return {
        sms: `${f.practice} : RDV confirmé ${when} avec ${f.practitioner}, ${f.address}.${f.manageUrl ? ` Gérer : ${f.manageUrl}` : ''}`,
        subject: `Rendez-vous confirmé ${when}`,
        text: [
          'Bonjour,',
          '',
          'Votre rendez-vous est confirmé.',
          '',
          ...details,
          ...after,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'reminder':
      return {
        sms: `${f.practice} : rappel, RDV ${when} avec ${f.practitioner}, ${f.address}.${f.manageUrl ? ` Gérer : ${f.manageUrl}` : ''}`,
        subject: `Rappel : rendez-vous ${when}`,
        text: [
          'Bonjour,',
          '',
          'Nous vous rappelons votre rendez-vous.',
          '',
          ...details,
          ...after,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'moved':
      return {
        sms: `${f.practice} : votre RDV est déplacé ${when} avec ${f.practitioner}.${f.manageUrl ? ` Gérer : ${f.manageUrl}` : ''}`,
        subject: `Rendez-vous déplacé ${when}`,
        text: [
          'Bonjour,',
          '',
          'Votre rendez-vous a été modifié. Voici le nouveau rendez-vous.',
          '',
          ...details,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'cancelled_by_practice':
      return {
        sms: `${f.practice} : nous devons annuler votre RDV du ${f.date} à ${f.time}. Reprenez rendez-vous : ${f.bookingUrl} ou ${f.practicePhone}.`,
        subject: `Rendez-vous du ${f.date} annulé`,
        text: [
          'Bonjour,',
          '',
          `Le cabinet doit annuler votre rendez-vous du ${f.date} à ${f.time} avec ${f.practitioner}. Nous vous prions de nous en excuser.`,
          `Pour reprendre rendez-vous : ${f.bookingUrl} ou par téléphone au ${f.practicePhone}.`,
          ...sign,
        ].join('\n'),
      };
    case 'cancelled_by_patient':
      return {
        sms: `${f.practice} : votre RDV du ${f.date} à ${f.time} est bien annulé.`,
        subject: `Annulation du rendez-vous du ${f.date}`,
        text: [
          'Bonjour,',
          '',
          `Votre rendez-vous du ${f.date} à ${f.time} avec ${f.practitioner} est annulé.`,
          `Pour reprendre rendez-vous : ${f.bookingUrl}`,
          ...sign,
        ].join('\n'),
      };
  }
}

function english(event: NoticeEvent, f: AppointmentFacts): Notice {
  const when = `on ${f.date} at ${f.time}`;
  const who = `${f.practitioner}${f.speciality ? ` (${f.speciality})` : ''}`;
  const details = [
    `Patient: ${f.patient}`,
    `Practitioner: ${who}`,
    `Date: ${f.date} at ${f.time} (${f.minutes} min)`,
    `Motif: ${f.motif}`,
    `Address: ${f.address}`,
    `Directions: ${f.mapUrl}`,
  ];
  const manage = f.manageUrl ? ['', `Change or cancel online: ${f.manageUrl}`] : [];
  const after = f.instructionsAfter ? ['', f.instructionsAfter] : [];
  const sign = ['', f.practice, f.practicePhone];
  switch (event) {
    case 'confirmation':
      return {
        sms: `${f.practice}: appointment confirmed ${when} with ${f.practitioner}, ${f.address}.${f.manageUrl ? ` Manage: ${f.manageUrl}` : ''}`,
        subject: `Appointment confirmed ${when}`,
        text: [
          'Hello,',
          '',
          'Your appointment is confirmed.',
          '',
          ...details,
          ...after,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'reminder':
      return {
        sms: `${f.practice}: reminder, appointment ${when} with ${f.practitioner}, ${f.address}.${f.manageUrl ? ` Manage: ${f.manageUrl}` : ''}`,
        subject: `Reminder: appointment ${when}`,
        text: [
          'Hello,',
          '',
          'This is a reminder of your appointment.',
          '',
          ...details,
          ...after,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'moved':
      return {
        sms: `${f.practice}: your appointment is moved to ${f.date} at ${f.time} with ${f.practitioner}.${f.manageUrl ? ` Manage: ${f.manageUrl}` : ''}`,
        subject: `Appointment moved ${when}`,
        text: [
          'Hello,',
          '',
          'Your appointment has changed. Here is the new appointment.',
          '',
          ...details,
          ...manage,
          ...sign,
        ].join('\n'),
      };
    case 'cancelled_by_practice':
      return {
        sms: `${f.practice}: we must cancel your appointment on ${f.date} at ${f.time}. Book again: ${f.bookingUrl} or ${f.practicePhone}.`,
        subject: `Appointment on ${f.date} cancelled`,
        text: [
          'Hello,',
          '',
          `The practice has to cancel your appointment on ${f.date} at ${f.time} with ${f.practitioner}. We apologise.`,
          `To book again: ${f.bookingUrl} or call ${f.practicePhone}.`,
          ...sign,
        ].join('\n'),
      };
    case 'cancelled_by_patient':
      return {
        sms: `${f.practice}: your appointment on ${f.date} at ${f.time} is cancelled.`,
        subject: `Appointment on ${f.date} cancelled`,
        text: [
          'Hello,',
          '',
          `Your appointment on ${f.date} at ${f.time} with ${f.practitioner} is cancelled.`,
          `To book again: ${f.bookingUrl}`,
          ...sign,
        ].join('\n'),
      };
  }
}
