import type { Lang } from '../../../contracts/i18n/lang';
import type { Config } from '../../config';
import { demoSlug } from '../../demo/demo-data';
import { isLocalServer } from '../../demo/seed-demo';

/**
 * Whether the console outbox shows the one-time codes of messages held for lack of a provider (sign-in,
 * booking, signature and secure-link codes) and the links that act for someone. Only in demo mode, so that
 * with no provider an admin cannot sign in, sign documents or take an account as someone else:
 * - never with `DEMO=false`;
 * - under `NODE_ENV=test` (the test suites read codes there);
 * - in development only on a server local to this machine (`HOST` and `PUBLIC_URL`, as for the demo): an
 *   install reachable by others that forgot `NODE_ENV=production` hides them too;
 * - otherwise (production, or development reachable by others) only with `DEMO=true` and only for the
 *   seeded demo practice (a showroom), never for another practice of that server.
 */
export function outboxShowsCodes(
  config: Pick<Config, 'env' | 'demo' | 'host' | 'publicUrl'>,
  practiceSlug: string,
): boolean {
  if (config.demo === 'never') return false;
  if (config.env === 'test') return true;
  if (config.env === 'development' && isLocalServer(config)) return true;
  return config.demo === 'always' && practiceSlug === demoSlug;
}

/** Every one-time code Sourire sends is six digits (`newSixDigitCode`): any run of exactly six digits. */
const sixDigits = /(?<!\d)\d{6}(?!\d)/g;

/**
 * The secret part of links that act for someone: staff invitation, password reset and first-admin links,
 * a patient's manage, waiting-list offer and secure-document links, calendar feeds.
 */
const secretLinks =
  /(\/(?:console\/(?:invitation|reset|setup)#(?:token=)?|rdv\/(?:gerer|offre|document)\/|api\/feeds\/))[A-Za-z0-9._~%=-]+/g;

/**
 * The text as an admin may read it outside demo mode: one-time codes and the tokens of links that act for
 * someone else masked, so that holding messages for lack of a provider gives no one another's access.
 */
export function maskSecrets(text: string, lang: Lang): string {
  const linkMasked = text.replace(secretLinks, `$1${lang === 'en' ? '[link hidden]' : '[lien masqué]'}`);
  return maskCodes(linkMasked, lang);
}

/** The text with its one-time codes replaced by "[code masqué]" / "[code hidden]", in the reader's language. */
export function maskCodes(text: string, lang: Lang): string {
  return text.replace(sixDigits, lang === 'en' ? '[code hidden]' : '[code masqué]');
}
