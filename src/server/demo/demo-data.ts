import type { OpeningPeriod, RelationRole, StaffRole } from '../db/schema';

/**
 * A fictional French practice for the demo. Phones are in ARCEP's range reserved for fiction
 * (06 39 98 xx xx, 04 65 71 xx xx): they reach nobody. Emails use the reserved `.example` domain.
 */
export const demoPassword = 'sourire-demo';
export const demoSlug = 'cabinet-des-tilleuls';

export const demoPractice = {
  slug: demoSlug,
  name: 'Cabinet dentaire des Tilleuls',
  phone: '+33465710000',
  email: 'accueil@cabinet-tilleuls.example',
  addressLine: '12 rue des Tilleuls',
  postalCode: '69003',
  city: 'Lyon',
  country: 'FR' as const,
  timeZone: 'Europe/Paris',
  openingHours: [1, 2, 3, 4, 5].flatMap((weekday): OpeningPeriod[] => [
    { weekday, opens: '08:30', closes: '12:30' },
    { weekday, opens: '14:00', closes: '19:00' },
  ]),
};

export const demoLocations = [
  {
    key: 'lyon',
    name: 'Lyon 3e – Tilleuls',
    addressLine: '12 rue des Tilleuls',
    postalCode: '69003',
    city: 'Lyon',
  },
  {
    key: 'villeurbanne',
    name: 'Villeurbanne – Gratte-Ciel',
    addressLine: '5 avenue Henri Barbusse',
    postalCode: '69100',
    city: 'Villeurbanne',
  },
];

export interface DemoStaff {
  key: string;
  role: StaffRole;
  title: string | null;
  firstName: string;
  lastName: string;
  email: string;
  speciality: string | null;
  colour: string | null;
}

export const demoStaff: DemoStaff[] = [
  {
    key: 'admin',
    role: 'admin',
    title: null,
    firstName: 'Claire',
    lastName: 'Martin',
    email: 'claire.martin@cabinet-tilleuls.example',
    speciality: null,
    colour: null,
  },
  {
    key: 'bernard',
    role: 'practitioner',
    title: 'Dr',
    firstName: 'Sophie',
    lastName: 'Bernard',
    email: 'sophie.bernard@cabinet-tilleuls.example',
    speciality: 'Chirurgien-dentiste',
    colour: '#2563eb',
  },
  {
    key: 'haddad',
    role: 'practitioner',
    title: 'Dr',
    firstName: 'Karim',
    lastName: 'Haddad',
    email: 'karim.haddad@cabinet-tilleuls.example',
    speciality: 'Orthodontiste',
    colour: '#059669',
  },
  {
    key: 'moreau',
    role: 'practitioner',
    title: 'Dr',
    firstName: 'Julien',
    lastName: 'Moreau',
    email: 'julien.moreau@cabinet-tilleuls.example',
    speciality: 'Chirurgien-dentiste, implantologie',
    colour: '#b45309',
  },
  {
    key: 'secretary',
    role: 'secretary',
    title: null,
    firstName: 'Nadia',
    lastName: 'Lefèvre',
    email: 'nadia.lefevre@cabinet-tilleuls.example',
    speciality: null,
    colour: null,
  },
];

export interface DemoPatient {
  key: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  /** national format, as a secretary would type it */
  phone: string | null;
  email: string | null;
  addressLine: string;
  practitioner: 'bernard' | 'haddad' | 'moreau';
  /** [role, key of the responsable] */
  responsables?: [RelationRole, string][];
}

const family = (street: string) => ({ addressLine: street });

export const demoPatients: DemoPatient[] = [
  // Durand: two parents, two children
  {
    key: 'paul-durand',
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1980-03-14',
    phone: '06 39 98 10 01',
    email: 'paul.durand@mail.example',
    ...family('8 rue Paul Bert'),
    practitioner: 'bernard',
  },
  {
    key: 'marie-durand',
    lastName: 'Durand',
    firstName: 'Marie',
    birthDate: '1982-07-22',
    phone: '06 39 98 10 02',
    email: 'marie.durand@mail.example',
    ...family('8 rue Paul Bert'),
    practitioner: 'bernard',
  },
  {
    key: 'lea-durand',
    lastName: 'Durand',
    firstName: 'Léa',
    birthDate: '2012-05-03',
    phone: null,
    email: null,
    ...family('8 rue Paul Bert'),
    practitioner: 'haddad',
    responsables: [
      ['parent1', 'paul-durand'],
      ['parent2', 'marie-durand'],
      ['guarantor', 'paul-durand'],
    ],
  },
  {
    key: 'hugo-durand',
    lastName: 'Durand',
    firstName: 'Hugo',
    birthDate: '2015-09-18',
    phone: null,
    email: null,
    ...family('8 rue Paul Bert'),
    practitioner: 'bernard',
    responsables: [
      ['parent1', 'paul-durand'],
      ['parent2', 'marie-durand'],
    ],
  },
  // Núñez
  {
    key: 'jose-nunez',
    lastName: 'Núñez',
    firstName: 'José',
    birthDate: '1975-11-02',
    phone: '06 39 98 10 03',
    email: 'jose.nunez@mail.example',
    ...family('21 cours Gambetta'),
    practitioner: 'moreau',
  },
  {
    key: 'ana-nunez',
    lastName: 'Núñez',
    firstName: 'Ana',
    birthDate: '1978-01-30',
    phone: '06 39 98 10 04',
    email: 'ana.nunez@mail.example',
    ...family('21 cours Gambetta'),
    practitioner: 'moreau',
  },
  {
    key: 'ines-nunez',
    lastName: 'Núñez',
    firstName: 'Inès',
    birthDate: '2010-12-12',
    phone: null,
    email: null,
    ...family('21 cours Gambetta'),
    practitioner: 'haddad',
    responsables: [
      ['parent1', 'jose-nunez'],
      ['parent2', 'ana-nunez'],
    ],
  },
  // Roux / Lefebvre: separated parents, each with their own phone
  {
    key: 'camille-roux',
    lastName: 'Roux',
    firstName: 'Camille',
    birthDate: '1985-04-09',
    phone: '06 39 98 10 05',
    email: 'camille.roux@mail.example',
    ...family('3 place Bellecour'),
    practitioner: 'bernard',
  },
  {
    key: 'thomas-lefebvre',
    lastName: 'Lefebvre',
    firstName: 'Thomas',
    birthDate: '1983-06-17',
    phone: '06 39 98 10 06',
    email: 'thomas.lefebvre@mail.example',
    ...family('40 rue Garibaldi'),
    practitioner: 'moreau',
  },
  {
    key: 'zoe-lefebvre',
    lastName: 'Lefebvre',
    firstName: 'Zoé',
    birthDate: '2014-02-28',
    phone: null,
    email: null,
    ...family('3 place Bellecour'),
    practitioner: 'haddad',
    responsables: [
      ['parent1', 'camille-roux'],
      ['parent2', 'thomas-lefebvre'],
      ['guarantor', 'camille-roux'],
    ],
  },
  {
    key: 'noe-lefebvre',
    lastName: 'Lefebvre',
    firstName: 'Noé',
    birthDate: '2017-08-05',
    phone: null,
    email: null,
    ...family('3 place Bellecour'),
    practitioner: 'bernard',
    responsables: [
      ['parent1', 'camille-roux'],
      ['parent2', 'thomas-lefebvre'],
    ],
  },
  // Benali: three children
  {
    key: 'samir-benali',
    lastName: 'Benali',
    firstName: 'Samir',
    birthDate: '1979-09-23',
    phone: '06 39 98 10 07',
    email: 'samir.benali@mail.example',
    ...family('15 rue de la Part-Dieu'),
    practitioner: 'moreau',
  },
  {
    key: 'yasmine-benali',
    lastName: 'Benali',
    firstName: 'Yasmine',
    birthDate: '1981-12-01',
    phone: '06 39 98 10 08',
    email: 'yasmine.benali@mail.example',
    ...family('15 rue de la Part-Dieu'),
    practitioner: 'bernard',
  },
  {
    key: 'adam-benali',
    lastName: 'Benali',
    firstName: 'Adam',
    birthDate: '2011-03-15',
    phone: null,
    email: null,
    ...family('15 rue de la Part-Dieu'),
    practitioner: 'haddad',
    responsables: [
      ['parent1', 'samir-benali'],
      ['parent2', 'yasmine-benali'],
    ],
  },
  {
    key: 'lina-benali',
    lastName: 'Benali',
    firstName: 'Lina',
    birthDate: '2013-10-10',
    phone: null,
    email: null,
    ...family('15 rue de la Part-Dieu'),
    practitioner: 'haddad',
    responsables: [
      ['parent1', 'samir-benali'],
      ['parent2', 'yasmine-benali'],
    ],
  },
  {
    key: 'rayan-benali',
    lastName: 'Benali',
    firstName: 'Rayan',
    birthDate: '2019-06-21',
    phone: null,
    email: null,
    ...family('15 rue de la Part-Dieu'),
    practitioner: 'bernard',
    responsables: [
      ['parent1', 'samir-benali'],
      ['parent2', 'yasmine-benali'],
    ],
  },
  // Petit: one parent
  {
    key: 'sophie-petit',
    lastName: 'Petit',
    firstName: 'Sophie',
    birthDate: '1990-05-05',
    phone: '06 39 98 10 09',
    email: 'sophie.petit@mail.example',
    ...family('2 rue Duguesclin'),
    practitioner: 'bernard',
  },
  {
    key: 'jules-petit',
    lastName: 'Petit',
    firstName: 'Jules',
    birthDate: '2016-01-20',
    phone: null,
    email: null,
    ...family('2 rue Duguesclin'),
    practitioner: 'bernard',
    responsables: [['parent1', 'sophie-petit']],
  },
  // Garnier: a couple sharing the household phone
  {
    key: 'helene-garnier',
    lastName: 'Garnier',
    firstName: 'Hélène',
    birthDate: '1968-02-14',
    phone: '06 39 98 10 10',
    email: 'helene.garnier@mail.example',
    ...family('9 quai Claude Bernard'),
    practitioner: 'moreau',
  },
  {
    key: 'bernard-garnier',
    lastName: 'Garnier',
    firstName: 'Bernard',
    birthDate: '1965-08-30',
    phone: '06 39 98 10 10',
    email: null,
    ...family('9 quai Claude Bernard'),
    practitioner: 'moreau',
  },
  // People on their own
  ...(
    [
      ['francoise-lambert', 'Lambert', 'Françoise', '1952-10-11', '11', 'bernard'],
      ['jean-pierre-morel', 'Morel', 'Jean-Pierre', '1960-04-04', '12', 'moreau'],
      ['chloe-fontaine', 'Fontaine', 'Chloé', '1995-07-07', '13', 'bernard'],
      ['loic-le-gall', 'Le Gall', 'Loïc', '1988-12-24', '14', 'moreau'],
      ['emilie-chevalier', 'Chevalier', 'Émilie', '1992-03-03', '15', 'bernard'],
      ['mathieu-girard', 'Girard', 'Mathieu', '1987-11-11', '16', 'moreau'],
      ['agnes-rousseau', 'Rousseau', 'Agnès', '1958-06-06', '17', 'bernard'],
      ['noel-mercier', 'Mercier', 'Noël', '1970-12-25', '18', 'moreau'],
      ['oceane-blanc', 'Blanc', 'Océane', '1999-09-09', '19', 'haddad'],
      ['karim-diallo', 'Diallo', 'Karim', '1984-02-02', '20', 'bernard'],
      ['elodie-faure', 'Faure', 'Élodie', '1991-08-18', '21', 'moreau'],
      ['antoine-perrin', 'Perrin', 'Antoine', '1976-05-27', '22', 'bernard'],
      ['manon-gauthier', 'Gauthier', 'Manon', '2001-01-15', '23', 'haddad'],
      ['lucas-muller', 'Muller', 'Lucas', '1997-04-22', '24', 'moreau'],
      ['celine-bonnet', 'Bonnet', 'Céline', '1980-10-30', '25', 'bernard'],
      ['gregoire-dupuis', 'Dupuis', 'Grégoire', '1949-07-14', '26', 'moreau'],
      ['sarah-cohen', 'Cohen', 'Sarah', '1986-03-19', '27', 'bernard'],
      ['nathalie-andre', 'André', 'Nathalie', '1973-09-09', '28', 'moreau'],
      ['baptiste-roche', 'Roche', 'Baptiste', '1994-12-02', '29', 'bernard'],
      ['maelle-caron', 'Caron', 'Maëlle', '2003-06-30', '30', 'haddad'],
    ] as const
  ).map(
    ([key, lastName, firstName, birthDate, suffix, practitioner], index): DemoPatient => ({
      key,
      lastName,
      firstName,
      birthDate,
      phone: `06 39 98 10 ${suffix}`,
      email: `${key.replace(/-/g, '.')}@mail.example`,
      addressLine: `${index + 1} rue de la République`,
      practitioner,
    }),
  ),
];
