import { commonFr } from '../../shared/messages';
import { accountFr } from './account.fr';
import { agendaFr } from './agenda.fr';
import { appSideFr } from './app-side.fr';
import { documentsFr } from './documents.fr';
import { feedsFr } from './feeds.fr';
import { messagesFr } from './messages.fr';
import { patientsFr } from './patients.fr';
import { settingsFr } from './settings.fr';
import { setupFr } from './setup.fr';
import { shellFr } from './shell.fr';
import { waitlistFr } from './waitlist.fr';

/** The console's French dictionary, one file per feature so they can be edited apart. */
export const consoleFr = {
  ...commonFr,
  ...shellFr,
  ...settingsFr,
  ...patientsFr,
  ...agendaFr,
  ...waitlistFr,
  ...feedsFr,
  ...appSideFr,
  ...documentsFr,
  ...messagesFr,
  ...setupFr,
  ...accountFr,
} as const;

export type ConsoleKey = keyof typeof consoleFr;
