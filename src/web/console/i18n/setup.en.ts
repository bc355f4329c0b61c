import type { setupFr } from './setup.fr';

export const setupEn: Record<keyof typeof setupFr, string> = {
  'setup.title': 'Create your practice',
  'setup.intro':
    'This one-time link creates the practice and its first administrator. The rest of the team is then invited from the console.',
  'setup.practiceSection': 'The practice',
  'setup.adminSection': 'The administrator',
  'setup.practiceName': 'Practice name',
  'setup.practiceNameHint': 'As patients will see it, for example “Lakeside Dental Practice”.',
  'setup.country': 'Country',
  'setup.country.FR': 'France',
  'setup.country.CH': 'Switzerland',
  'setup.timeZone': 'Time zone',
  'setup.timeZone.paris': 'Europe/Paris (France)',
  'setup.timeZone.zurich': 'Europe/Zurich (Switzerland)',
  'setup.firstName': 'First name',
  'setup.lastName': 'Last name',
  'setup.email': 'Email address',
  'setup.emailHint': 'It is the name you sign in with.',
  'setup.password': 'Password',
  'setup.passwordHint': 'At least 10 characters. A sentence is safer and easier to remember.',
  'setup.submit': 'Create the practice and sign in',
  'setup.invalid':
    'This link no longer works: it was used, it expired or a newer link replaced it. If the practice exists, sign in; otherwise restart the server or run “npm run admin:create” for a new link.',
  'setup.signIn': 'Go to sign-in',
};
