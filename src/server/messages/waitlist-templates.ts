import type { Lang } from '../../contracts/i18n/lang';
import { ofPracticeFr } from '../../domain/practice-name';

/** What a waiting-list offer says (RDV-10), already formatted for the patient. */
export interface WaitlistOfferFacts {
  practice: string;
  practicePhone: string;
  /** "Dr Sophie Bernard" */
  practitioner: string;
  /** "lundi 30 novembre 2026" */
  date: string;
  /** "lun. 30/11", for the SMS */
  shortDate: string;
  /** "09:00" */
  time: string;
  minutes: number;
  motif: string;
  address: string;
  /** first name of the patient the slot is for (a parent may receive it for a child) */
  patient: string;
  /** the personal link to accept */
  link: string;
  /** "lundi 30 novembre à 21:00" */
  expires: string;
}

export interface WaitlistOfferMessage {
  sms: string;
  subject: string;
  text: string;
}

/**
 * The offer of a freed slot to a waiting patient, by SMS and email. The SMS stays short and in the GSM
 * alphabet (é and à are in it, the typographic apostrophe is not): the link takes a third of it.
 */
export function waitlistOfferMessage(lang: Lang, f: WaitlistOfferFacts): WaitlistOfferMessage {
  if (lang === 'en') {
    return {
      sms: `${f.practice}: a slot opened up ${f.shortDate} ${f.time} with ${f.practitioner}. First to accept gets it: ${f.link}`,
      subject: `A slot opened up on ${f.date} at ${f.time}`,
      text: [
        'Hello,',
        '',
        `You are on the waiting list of ${f.practice}. An appointment has become free:`,
        '',
        `Patient: ${f.patient}`,
        `Practitioner: ${f.practitioner}`,
        `Date: ${f.date} at ${f.time} (${f.minutes} min)`,
        `Motif: ${f.motif}`,
        `Address: ${f.address}`,
        '',
        `To take it, open this link (valid until ${f.expires}):`,
        f.link,
        '',
        'Other waiting patients received this offer too: the first to accept gets the appointment.',
        `If it does not suit you, ignore this message. To leave the waiting list, call ${f.practicePhone || 'the practice'}.`,
        '',
        f.practice,
        f.practicePhone,
      ].join('\n'),
    };
  }
  return {
    sms: `${f.practice} : un RDV s'est libéré ${f.shortDate} à ${f.time} avec ${f.practitioner}. Le 1er qui accepte l'obtient : ${f.link}`,
    subject: `Un rendez-vous s’est libéré le ${f.date} à ${f.time}`,
    text: [
      'Bonjour,',
      '',
      `Vous êtes sur la liste d’attente ${ofPracticeFr(f.practice)}. Un rendez-vous vient de se libérer :`,
      '',
      `Patient : ${f.patient}`,
      `Praticien : ${f.practitioner}`,
      `Date : ${f.date} à ${f.time} (${f.minutes} min)`,
      `Motif : ${f.motif}`,
      `Adresse : ${f.address}`,
      '',
      `Pour le prendre, ouvrez ce lien (valable jusqu’au ${f.expires}) :`,
      f.link,
      '',
      'D’autres patients en attente ont reçu cette proposition : le premier qui accepte obtient le rendez-vous.',
      `S’il ne vous convient pas, ignorez ce message. Pour quitter la liste d’attente, appelez le ${f.practicePhone || 'cabinet'}.`,
      '',
      f.practice,
      f.practicePhone,
    ].join('\n'),
  };
}
