import type { Lang } from '../../contracts/i18n/lang';

/**
 * Texts of the documents module (issue 6): signature codes, secure links, the practice's notice of a
 * signature. None of them carries a document or health information: a code, a link, or a pointer to
 * the console.
 */

export function signatureCodeSms(lang: Lang, v: { practice: string; code: string }): string {
  return lang === 'en'
    ? `${v.practice}: to sign your document, enter the code ${v.code}. Valid 10 minutes. Never share it.`
    : `${v.practice} : pour signer votre document, saisissez le code ${v.code}. Valable 10 minutes. Ne le communiquez à personne.`;
}

export function secureLinkCodeSms(lang: Lang, v: { practice: string; code: string }): string {
  return lang === 'en'
    ? `${v.practice}: to open the document sent to you, enter the code ${v.code}. Valid 10 minutes.`
    : `${v.practice} : pour ouvrir le document transmis, saisissez le code ${v.code}. Valable 10 minutes.`;
}

function dateText(lang: Lang, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { timeZone, dateStyle: 'long' }).format(
    at,
  );
}

/** The link of the secure results channel (DOC-5): the document itself never travels. */
export function secureLinkSms(
  lang: Lang,
  v: { practice: string; link: string; expiresAt: Date; timeZone: string },
): string {
  const until = dateText(lang, v.expiresAt, v.timeZone);
  return lang === 'en'
    ? `${v.practice} sent you a document. Open it until ${until} (a code will be sent to this phone): ${v.link}`
    : `${v.practice} vous a transmis un document. Ouvrez-le jusqu’au ${until} (un code sera envoyé sur ce téléphone) : ${v.link}`;
}

export function secureLinkEmail(
  lang: Lang,
  v: { practice: string; link: string; expiresAt: Date; timeZone: string },
): { subject: string; text: string } {
  const until = dateText(lang, v.expiresAt, v.timeZone);
  if (lang === 'en') {
    return {
      subject: `${v.practice}: a document for you`,
      text: [
        'Hello,',
        '',
        `${v.practice} sent you a document. For your privacy it is not attached to this email:`,
        `open it from this link until ${until}. A code will be sent by SMS to your mobile phone.`,
        v.link,
        '',
        'If you were not expecting this message, ignore it.',
      ].join('\n'),
    };
  }
  return {
    subject: `${v.practice} : un document pour vous`,
    text: [
      'Bonjour,',
      '',
      `${v.practice} vous a transmis un document. Pour votre confidentialité, il n’est pas joint à ce message :`,
      `ouvrez-le depuis ce lien jusqu’au ${until}. Un code vous sera envoyé par SMS sur votre mobile.`,
      v.link,
      '',
      'Si vous n’attendiez pas ce message, ignorez-le.',
    ].join('\n'),
  };
}

/**
 * The practice's notice of a new signature, to its own address. No name, no title: only where to look,
 * so nothing about a patient travels by email.
 */
export function documentSignedEmail(lang: Lang, v: { link: string }): { subject: string; text: string } {
  if (lang === 'en') {
    return {
      subject: 'A document was signed in the app',
      text: ['A patient signed a document in the app.', 'See it in the console:', v.link].join('\n'),
    };
  }
  return {
    subject: 'Un document a été signé dans l’application',
    text: [
      'Un patient a signé un document dans l’application.',
      'Retrouvez-le dans la console :',
      v.link,
    ].join('\n'),
  };
}
