/** Calendar feeds of practitioners. */
export const feedsFr = {
  'feeds.title': 'Mon agenda sur mon téléphone',
  'feeds.intro':
    'Retrouvez vos rendez-vous dans l’agenda de votre téléphone, grâce à une adresse privée : le mois passé et les six mois à venir, mis à jour tout seuls. C’est une copie en lecture seule : un rendez-vous se prend, se déplace ou s’annule toujours dans Sourire.',
  'feeds.shows.initials': 'Les patients y apparaissent par leurs initiales (« L. D. »).',
  'feeds.shows.full': 'Les patients y apparaissent par leur prénom et leur nom.',
  'feeds.shows.none': 'Les patients n’y apparaissent pas : seulement le motif.',
  'feeds.never': 'Jamais de téléphone, d’e-mail, de date de naissance ni de commentaire.',
  'feeds.none': 'Vous n’avez pas encore d’adresse d’agenda.',
  'feeds.activeSince': 'Votre adresse est active depuis le {date}.',
  'feeds.lostHint':
    'Pour votre sécurité, l’adresse n’est affichée qu’une fois, à sa création. Si vous l’avez perdue ou changez de téléphone, créez-en une nouvelle.',
  'feeds.create': 'Créer mon adresse',
  'feeds.regenerate': 'Créer une nouvelle adresse',
  'feeds.revoke': 'Révoquer l’adresse',
  'feeds.regenerateTitle': 'Créer une nouvelle adresse ?',
  'feeds.regenerateBody':
    'L’adresse actuelle cessera aussitôt de fonctionner : les téléphones qui l’utilisent n’afficheront plus vos rendez-vous. Il faudra ajouter la nouvelle adresse sur votre téléphone.',
  'feeds.regenerateConfirm': 'Créer une nouvelle adresse',
  'feeds.revokeTitle': 'Révoquer l’adresse ?',
  'feeds.revokeBody':
    'L’adresse cessera aussitôt de fonctionner : les téléphones qui l’utilisent n’afficheront plus vos rendez-vous. Vous pourrez en créer une autre plus tard.',
  'feeds.revokeConfirm': 'Révoquer',
  'feeds.revoked': 'L’adresse est révoquée : elle ne fonctionne plus.',
  'feeds.urlLabel': 'Votre adresse privée',
  'feeds.urlOnce':
    'Copiez-la maintenant : elle ne sera plus jamais affichée. Gardez-la pour vous — toute personne qui la connaît voit votre planning.',
  'feeds.copy': 'Copier l’adresse',
  'feeds.copied': 'Adresse copiée.',
  'feeds.copyFailed': 'La copie n’a pas fonctionné : sélectionnez l’adresse et copiez-la à la main.',
  'feeds.openHere': 'Ouvrir dans l’agenda de cet appareil',
  'feeds.localOnly':
    'Cette adresse désigne l’ordinateur du serveur lui-même (localhost) : elle ne fonctionne pas depuis un téléphone. Demandez à la personne qui installe Sourire de régler son adresse publique (PUBLIC_URL).',
  'feeds.howTo': 'Comment l’ajouter à mon téléphone ?',
  'feeds.iphone': 'Sur iPhone ou iPad',
  'feeds.iphone.1':
    'Créez l’adresse ci-dessus, puis touchez « Copier l’adresse » (ou ouvrez cette page sur l’iPhone et touchez « Ouvrir dans l’agenda de cet appareil »).',
  'feeds.iphone.2':
    'Ouvrez Réglages › Calendrier › Comptes (sur les versions récentes : Réglages › Apps › Calendrier › Comptes de calendrier).',
  'feeds.iphone.3': 'Touchez « Ajouter un compte » › « Autre » › « Ajouter un calendrier avec abonnement ».',
  'feeds.iphone.4': 'Collez l’adresse, touchez « Suivant », puis « Enregistrer ».',
  'feeds.android': 'Sur Android (Google Agenda)',
  'feeds.android.1':
    'Sur un ordinateur, ouvrez calendar.google.com avec le compte Google de votre téléphone (l’application du téléphone ne sait pas ajouter une adresse).',
  'feeds.android.2': 'À gauche, à côté de « Autres agendas », cliquez sur « + », puis « À partir de l’URL ».',
  'feeds.android.3': 'Collez l’adresse, puis cliquez sur « Ajouter un agenda ».',
  'feeds.android.4':
    'Sur le téléphone, l’agenda apparaît dans Google Agenda après quelques minutes. Google ne le met à jour que quelques fois par jour : un rendez-vous tout récent peut tarder à s’y afficher.',
  'feeds.admin.title': 'Les agendas des praticiens sur téléphone',
  'feeds.admin.intro':
    'Chaque praticien crée sa propre adresse privée depuis l’accueil de sa console. Vous pouvez en révoquer une, par exemple après la perte d’un téléphone ou un départ.',
  'feeds.admin.practitioner': 'Praticien',
  'feeds.admin.state': 'Adresse',
  'feeds.admin.active': 'Active depuis le {date}',
  'feeds.admin.inactive': 'Aucune',
  'feeds.admin.empty': 'Aucun praticien pour l’instant.',
  'feeds.admin.revokeTitle': 'Révoquer l’adresse de {name} ?',
  'feeds.admin.revokeBody':
    'L’adresse de {name} cessera aussitôt de fonctionner sur ses appareils. {name} pourra en créer une nouvelle depuis sa console.',
  'feeds.admin.revoked': 'L’adresse de {name} est révoquée.',
  'feeds.detail.legend':
    'Ce que les agendas des téléphones et la sauvegarde quotidienne montrent des patients',
  'feeds.detail.initials': 'Les initiales (« L. D. ») — recommandé',
  'feeds.detail.full': 'Le prénom et le nom',
  'feeds.detail.none': 'Rien : seulement le motif',
  'feeds.detail.save': 'Enregistrer',
  'feeds.detail.saved':
    'Réglage enregistré. Les agendas des téléphones suivront à leur prochaine mise à jour.',
  'feeds.backup':
    'Chaque nuit vers 2 h, Sourire enregistre aussi une copie du planning des 30 jours à venir sur le serveur du cabinet (dossier « exports » des données), en tableur (CSV) et en agenda (.ics). Les copies de plus de 30 jours sont effacées.',
} as const;
