import { commonEn } from '../../shared/messages';
import { accountEn } from './account.en';
import { agendaEn } from './agenda.en';
import { appSideEn } from './app-side.en';
import { documentsEn } from './documents.en';
import { feedsEn } from './feeds.en';
import type { ConsoleKey } from './fr';
import { messagesEn } from './messages.en';
import { patientsEn } from './patients.en';
import { settingsEn } from './settings.en';
import { setupEn } from './setup.en';
import { shellEn } from './shell.en';
import { waitlistEn } from './waitlist.en';

export const consoleEn: Record<ConsoleKey, string> = {
  ...commonEn,
  ...shellEn,
  ...settingsEn,
  ...patientsEn,
  ...agendaEn,
  ...waitlistEn,
  ...feedsEn,
  ...appSideEn,
  ...documentsEn,
  ...messagesEn,
  ...setupEn,
  ...accountEn,
};
