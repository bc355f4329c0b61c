/** Strings every area uses. Each area merges them into its own dictionary. */
export const commonFr = {
  'common.appName': 'Sourire',
  'common.language': 'Langue',
  'common.lang.fr': 'Français',
  'common.lang.en': 'English',
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.networkError': 'Connexion impossible. Vérifiez votre réseau et réessayez.',
  'common.genericError': 'Une erreur est survenue. Réessayez dans un instant.',
  'common.required': 'obligatoire',
  'common.signOut': 'Se déconnecter',
  'common.back': 'Retour',
  'common.close': 'Fermer',
  'common.skipToContent': 'Aller au contenu',
} as const;

export type CommonKey = keyof typeof commonFr;

export const commonEn: Record<CommonKey, string> = {
  'common.appName': 'Sourire',
  'common.language': 'Language',
  'common.lang.fr': 'Français',
  'common.lang.en': 'English',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.networkError': 'Cannot connect. Check your network and try again.',
  'common.genericError': 'Something went wrong. Try again in a moment.',
  'common.required': 'required',
  'common.signOut': 'Sign out',
  'common.back': 'Back',
  'common.close': 'Close',
  'common.skipToContent': 'Skip to content',
};
