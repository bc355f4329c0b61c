/** Strings of the patient app's notifications (Web Push permission, notices), in French. */
export const pushFr = {
  'push.title': 'Notifications sur cet appareil',
  'push.why':
    'Recevez une notification quand le cabinet vous répond et pour vos rappels de rendez-vous. Elle dit seulement « Nouveau message » ou « Rappel de rendez-vous », jamais le contenu ni vos soins.',
  'push.fallback': 'Sans notification, nous vous prévenons par SMS ou par e-mail, comme aujourd’hui.',
  'push.enable': 'Activer les notifications',
  'push.askHint': 'Votre navigateur va vous demander l’autorisation.',
  'push.on': 'Les notifications sont activées sur cet appareil.',
  'push.disable': 'Désactiver les notifications',
  'push.off': 'Notifications désactivées sur cet appareil : nous vous prévenons par SMS ou par e-mail.',
  'push.denied':
    'Les notifications sont refusées pour ce site : nous vous prévenons par SMS ou par e-mail. Pour changer d’avis, autorisez les notifications de ce site dans les réglages de votre navigateur, puis revenez sur cette page.',
  'push.unsupported':
    'Ce navigateur ne permet pas les notifications : nous vous prévenons par SMS ou par e-mail. Sur iPhone ou iPad, ajoutez d’abord l’application à l’écran d’accueil (Partager › Sur l’écran d’accueil), puis ouvrez-la depuis son icône.',
  'push.failed':
    'Les notifications n’ont pas pu être activées sur cet appareil. Réessayez plus tard ; en attendant, nous vous prévenons par SMS ou par e-mail.',
  'push.checking': 'Vérification des notifications…',
} as const;
