import type { Lang } from '../../contracts/i18n/lang';
import { ofPracticeFr } from '../../domain/practice-name';

/**
 * Texts of the messages Sourire sends, in French and English. Kept apart from the code that sends
 * them so wording can be reviewed in one place. SMS stay under 160 characters where possible.
 */

export function signInCodeSms(lang: Lang, v: { practice: string; code: string }): string {
  return lang === 'en'
    ? `${v.practice}: your code is ${v.code}. Valid 10 minutes. Never share it.`
    : `${v.practice} : votre code est ${v.code}. Valable 10 minutes. Ne le communiquez à personne.`;
}

export function staffInvitationEmail(
  lang: Lang,
  v: { firstName: string; practice: string; inviter: string; link: string; days: number },
): { subject: string; text: string } {
  if (lang === 'en') {
    return {
      subject: `Invitation to join ${v.practice} on Sourire`,
      text: [
        `Hello ${v.firstName},`,
        '',
        `${v.inviter} invites you to the staff console of ${v.practice} on Sourire.`,
        `To choose your password, open this link (valid ${v.days} days, usable once):`,
        v.link,
        '',
        'If you were not expecting this invitation, ignore this email.',
      ].join('\n'),
    };
  }
  return {
    subject: `Invitation à rejoindre ${v.practice} sur Sourire`,
    text: [
      `Bonjour ${v.firstName},`,
      '',
      `${v.inviter} vous invite dans la console ${ofPracticeFr(v.practice)} sur Sourire.`,
      `Pour choisir votre mot de passe, ouvrez ce lien (valable ${v.days} jours, utilisable une fois) :`,
      v.link,
      '',
      'Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ].join('\n'),
  };
}

export function staffPasswordResetEmail(
  lang: Lang,
  v: { firstName: string; practice: string; link: string; minutes: number },
): { subject: string; text: string } {
  if (lang === 'en') {
    return {
      subject: 'Sourire: choose a new password',
      text: [
        `Hello ${v.firstName},`,
        '',
        `Someone asked to reset your password for the staff console of ${v.practice} on Sourire.`,
        `To choose a new one, open this link (valid ${v.minutes} minutes, usable once):`,
        v.link,
        '',
        'If you did not ask for it, ignore this email: your password stays as it is.',
      ].join('\n'),
    };
  }
  return {
    subject: 'Sourire : choisir un nouveau mot de passe',
    text: [
      `Bonjour ${v.firstName},`,
      '',
      `Une réinitialisation de votre mot de passe de la console ${ofPracticeFr(v.practice)} sur Sourire a été demandée.`,
      `Pour en choisir un nouveau, ouvrez ce lien (valable ${v.minutes} minutes, utilisable une fois) :`,
      v.link,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ].join('\n'),
  };
}
