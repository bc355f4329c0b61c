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
