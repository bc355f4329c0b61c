import type { Lang } from '../../contracts/i18n/lang';
import { ofPracticeFr } from '../../domain/practice-name';

/**
 * Texts of the security notices sent to a practice's admins (issue 10 §1), in the practice's language.
 * They name the account at risk, never a password or an address the attempts came from.
 */

/** Many wrong passwords on one staff account from several addresses: tries are slowed, nobody is locked out. */
export function signInAttackEmail(
  lang: Lang,
  v: { practice: string; email: string },
): { subject: string; text: string } {
  if (lang === 'en') {
    return {
      subject: `Sourire: repeated sign-in attempts on ${v.email}`,
      text: [
        'Hello,',
        '',
        `The account ${v.email} of the staff console of ${v.practice} received many wrong passwords from several addresses.`,
        'Attempts are slowed down; its owner can still sign in with the right password.',
        'If these attempts do not come from them, make sure the account has a long password of its own.',
      ].join('\n'),
    };
  }
  return {
    subject: `Sourire : tentatives de connexion répétées sur ${v.email}`,
    text: [
      'Bonjour,',
      '',
      `Le compte ${v.email} de la console ${ofPracticeFr(v.practice)} a reçu de nombreux mots de passe erronés depuis plusieurs adresses.`,
      'Les essais sont ralentis ; la personne peut toujours se connecter avec son mot de passe.',
      'Si ces essais ne viennent pas d’elle, vérifiez que le compte a un mot de passe long et qui lui est propre.',
    ].join('\n'),
  };
}

/**
 * Many wrong second-step codes on one staff account: whoever tries them got past the password. Sent to
 * the member and to the admins; the second step is slowed, then refused for the rest of the day.
 */
export function codeGuessingEmail(
  lang: Lang,
  v: { practice: string; email: string },
): { subject: string; text: string } {
  if (lang === 'en') {
    return {
      subject: `Sourire: the password of ${v.email} is known to someone else`,
      text: [
        'Hello,',
        '',
        `Someone signed in to the staff console of ${v.practice} with the right password of ${v.email}, then tried many wrong two-step codes.`,
        'The password of this account is therefore known to someone else: change it now (Account page), and use it nowhere else.',
        'The codes tried are slowed down, then refused until the end of the day; an admin can also reset the two-step sign-in of the account.',
      ].join('\n'),
    };
  }
  return {
    subject: `Sourire : le mot de passe de ${v.email} est connu d’un tiers`,
    text: [
      'Bonjour,',
      '',
      `Quelqu’un s’est connecté à la console ${ofPracticeFr(v.practice)} avec le bon mot de passe de ${v.email}, puis a essayé de nombreux codes de vérification erronés.`,
      'Le mot de passe de ce compte est donc connu d’un tiers : changez-le dès maintenant (page Mon compte), et ne l’utilisez nulle part ailleurs.',
      'Les codes essayés sont ralentis, puis refusés jusqu’à la fin de la journée ; un administrateur peut aussi réinitialiser la connexion en deux étapes du compte.',
    ].join('\n'),
  };
}
