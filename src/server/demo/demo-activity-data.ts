import type { DocumentType } from '../../contracts/documents';

/**
 * What a few weeks of a practice leave behind, for the demo (issue 9 §4.19): conversations, documents
 * to sign and signed, a waiting list. Patients are the keys of `demo-data.ts`; moments are relative to
 * the seed's clock ("3 days ago at 18:40", "35 minutes ago"), so the demo reads the same on any day.
 */
export type DemoMoment = { daysAgo: number; at: string } | { minutesAgo: number };

export interface DemoMessage {
  when: DemoMoment;
  /** `patient`: the holder of `phoneOf` writes (a parent for a child); `staff`: the staff member */
  from: { patient: string } | { staff: string };
  body: string;
  /** a photo sent with it (patient side) */
  photo?: boolean;
  /** the key of a predefined reply used (staff side): its file comes with it */
  template?: string;
}

export interface DemoConversation {
  /** the patient whose thread it is (a child's thread is written by a parent) */
  patient: string;
  messages: DemoMessage[];
  /** the practice opened the thread after its last message */
  readByStaff: boolean;
  /** the family opened the practice's last replies in the app */
  readByPatient: boolean;
}

export const demoConversations: DemoConversation[] = [
  {
    patient: 'paul-durand',
    readByStaff: true,
    readByPatient: true,
    messages: [
      {
        when: { daysAgo: 6, at: '19:12' },
        from: { patient: 'paul-durand' },
        body: 'Bonjour, ma couronne en haut à gauche bouge un peu depuis hier soir. Pas de douleur. Faut-il venir rapidement ?',
      },
      {
        when: { daysAgo: 5, at: '09:04' },
        from: { staff: 'secretary' },
        body: 'Bonjour Monsieur Durand, sans douleur ce n’est pas une urgence. Évitez de mâcher de ce côté ; le Dr Bernard peut vous recevoir jeudi à 17 h 30. Cela vous convient-il ?',
      },
      {
        when: { daysAgo: 5, at: '09:31' },
        from: { patient: 'paul-durand' },
        body: 'Parfait, jeudi 17 h 30 me va très bien. Merci !',
      },
      {
        when: { daysAgo: 5, at: '09:40' },
        from: { staff: 'secretary' },
        body: 'C’est noté. Bonne journée !',
      },
    ],
  },
  {
    patient: 'helene-garnier',
    readByStaff: true,
    readByPatient: true,
    messages: [
      {
        when: { daysAgo: 9, at: '16:20' },
        from: { staff: 'moreau' },
        body: 'Bonjour Madame Garnier, comme convenu, votre devis pour la couronne est dans l’application, rubrique Documents. Vous pouvez le signer depuis votre téléphone.',
      },
      {
        when: { daysAgo: 8, at: '20:05' },
        from: { patient: 'helene-garnier' },
        body: 'Merci docteur, c’est signé. À bientôt.',
      },
    ],
  },
  {
    patient: 'jose-nunez',
    readByStaff: true,
    readByPatient: false,
    messages: [
      {
        when: { daysAgo: 2, at: '18:47' },
        from: { patient: 'jose-nunez' },
        body: 'Bonsoir, depuis l’extraction de lundi j’ai encore un peu mal quand je mange. Est-ce normal ?',
      },
      {
        when: { daysAgo: 1, at: '08:52' },
        from: { staff: 'secretary' },
        body: 'Bonjour Monsieur Núñez, une gêne de quelques jours est normale. Vous trouverez nos conseils en pièce jointe. Si la douleur augmente ou en cas de fièvre, appelez-nous : le Dr Moreau vous verra dans la journée.',
        template: 'extraction',
      },
    ],
  },
  {
    patient: 'lea-durand',
    readByStaff: false,
    readByPatient: true,
    messages: [
      {
        when: { daysAgo: 1, at: '21:15' },
        from: { patient: 'paul-durand' },
        body: 'Bonsoir, Léa a perdu un élastique de son appareil ce soir. Doit-elle attendre son prochain contrôle ou passer avant ?',
      },
    ],
  },
  {
    patient: 'zoe-lefebvre',
    readByStaff: false,
    readByPatient: true,
    messages: [
      {
        when: { minutesAgo: 95 },
        from: { patient: 'camille-roux' },
        body: 'Bonjour, Zoé a une dent de lait qui bouge beaucoup et lui fait mal quand elle mange. Pouvez-vous la voir cette semaine ?',
      },
    ],
  },
  {
    patient: 'chloe-fontaine',
    readByStaff: false,
    readByPatient: true,
    messages: [
      {
        when: { minutesAgo: 35 },
        from: { patient: 'chloe-fontaine' },
        body: 'Bonjour, ma gencive saigne au brossage depuis une semaine, je vous envoie une photo. Dois-je prendre rendez-vous ?',
        photo: true,
      },
    ],
  },
];

/** The administrator's predefined replies (MSG-2). */
export const demoReplyTemplates: { key: string; title: string; body: string; withAdviceSheet: boolean }[] = [
  {
    key: 'extraction',
    title: 'Conseils après une extraction',
    body: 'Bonjour, une gêne de quelques jours est normale après une extraction. Vous trouverez nos conseils en pièce jointe. Si la douleur augmente ou en cas de fièvre, appelez-nous.',
    withAdviceSheet: true,
  },
  {
    key: 'documents',
    title: 'Document à signer dans l’application',
    body: 'Bonjour, votre document est disponible dans l’application, rubrique Documents. Vous pouvez le lire et le signer depuis votre téléphone.',
    withAdviceSheet: false,
  },
  {
    key: 'emergency',
    title: 'Urgence : appelez le cabinet',
    body: 'Bonjour, pour une douleur forte ou un gonflement, appelez-nous dès l’ouverture : nous gardons chaque jour des créneaux d’urgence. En dehors des heures d’ouverture, composez le 15.',
    withAdviceSheet: false,
  },
];

export interface DemoDocument {
  patient: string;
  type: DocumentType;
  title: string;
  /** when it was shared */
  sharedDaysAgo: number;
  lines: string[];
  requiresSignature: boolean;
  /** signed in the app by this person (the patient, or a parent for a child), days ago */
  signed?: { by: string; daysAgo: number };
}

export const demoDocuments: DemoDocument[] = [
  {
    patient: 'lea-durand',
    type: 'quote',
    title: 'Devis – traitement orthodontique',
    sharedDaysAgo: 3,
    requiresSignature: true,
    lines: [
      'Traitement orthodontique actif, semestre 1 (TO90) : 850,00 €',
      'Traitement orthodontique actif, semestre 2 (TO90) : 850,00 €',
      'Contention (TO75) : 300,00 €',
      'Total : 2 000,00 €   Remboursement Sécurité sociale estimé : 387,00 €',
      'Signature d’un parent ou du responsable légal.',
    ],
  },
  {
    patient: 'jose-nunez',
    type: 'informed_consent',
    title: 'Consentement éclairé – pose d’implant',
    sharedDaysAgo: 2,
    requiresSignature: true,
    lines: [
      'Acte prévu : pose d’un implant en position 36, sous anesthésie locale.',
      'Risques expliqués : douleur, œdème, saignement, échec d’ostéo-intégration.',
      'J’ai pu poser mes questions et disposer d’un délai de réflexion.',
    ],
  },
  {
    patient: 'gregoire-dupuis',
    type: 'quote',
    title: 'Devis – prothèse amovible complète',
    sharedDaysAgo: 1,
    requiresSignature: true,
    lines: [
      'Prothèse amovible complète maxillaire (HBLD031) : 1 100,00 €',
      'Total : 1 100,00 €   Reste à charge estimé : 0,00 € (100 % Santé)',
    ],
  },
  {
    patient: 'helene-garnier',
    type: 'quote',
    title: 'Devis – couronne céramique 26',
    sharedDaysAgo: 9,
    requiresSignature: true,
    signed: { by: 'helene-garnier', daysAgo: 8 },
    lines: [
      'Couronne céramo-métallique sur dent 26 (HBLD634) : 540,00 €',
      'Total : 540,00 €   Remboursement Sécurité sociale estimé : 84,00 €',
    ],
  },
  {
    patient: 'hugo-durand',
    type: 'informed_consent',
    title: 'Consentement – scellement des sillons',
    sharedDaysAgo: 12,
    requiresSignature: true,
    signed: { by: 'marie-durand', daysAgo: 11 },
    lines: [
      'Acte prévu : scellement des sillons des molaires définitives (prévention des caries).',
      'Acte indolore, sans anesthésie, pris en charge avant 16 ans.',
    ],
  },
  {
    patient: 'paul-durand',
    type: 'invoice',
    title: 'Facture – consultation et radiographie',
    sharedDaysAgo: 5,
    requiresSignature: false,
    lines: [
      'Consultation (C) : 30,00 €',
      'Radiographie rétro-alvéolaire (HBQK002) : 14,00 €',
      'Total : 44,00 € – réglé',
    ],
  },
];

/** Patients waiting for an earlier appointment: motif key, practitioner key or any, window in days from today. */
export const demoWaitlist: {
  patient: string;
  motif: string;
  practitioner: 'bernard' | 'haddad' | 'moreau' | null;
  fromDays: number;
  toDays: number;
}[] = [
  { patient: 'francoise-lambert', motif: 'controle', practitioner: null, fromDays: 0, toDays: 21 },
  { patient: 'antoine-perrin', motif: 'detartrage', practitioner: 'bernard', fromDays: 1, toDays: 14 },
  { patient: 'ines-nunez', motif: 'ortho-suivi', practitioner: 'haddad', fromDays: 0, toDays: 30 },
  { patient: 'noel-mercier', motif: 'couronne', practitioner: 'moreau', fromDays: 3, toDays: 28 },
];
