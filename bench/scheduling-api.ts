// Scheduling API benchmark: "find a slot" and patient search through the HTTP API, on an in-memory
// PGlite and, when DATABASE_URL is set, on PostgreSQL (a fresh `sourire_bench_<random>` database on that
// server, dropped at the end). Prints `name: value unit` lines, the machine last.
//
//   npx tsx bench/scheduling-api.ts                      # PGlite, plus PostgreSQL if DATABASE_URL is set
//   BENCH_EXPLAIN=1 npx tsx bench/scheduling-api.ts      # also EXPLAIN (ANALYZE, BUFFERS) the endpoints' queries
//   BENCH_EXPLAIN=full …                                 # … and print the full plans of the slow ones
//   BENCH_KEEP_DB=1 …                                    # keep the PostgreSQL database (printed) for psql
//   BENCH_DB=pglite … / BENCH_DB=postgres …              # one database only
//
// Data, generated deterministically (same rows on every run; dates relative to today): the benchmarked
// practice has 12 practitioners (Mon–Fri 09:00–12:00 and 14:00–18:00, Europe/Paris, 15-min grid),
// 100,000 patients in families (French names with accents, household phones, parents linked to their
// children, e-mails) and a share of the 50,000 appointments; a second practice (6 practitioners,
// 5,000 patients) holds the rest. Appointments cover ~2 years (18 months back, 6 months ahead), never
// overlap per practitioner (the exclusion constraint holds), some are cancelled. Loaded with multi-row
// INSERTs of 2,000 rows, then ANALYZE.
//
// Requests go through real HTTP (Node's fetch, keep-alive) to the app listening on 127.0.0.1, one at a
// time, signed in as the practice's secretary; warm-up requests are not counted.

import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { nameKeys } from '../src/domain/phonetic';
import { dayMs, localMs, weekdayOf } from '../src/domain/time/local-date';
import { ZoneConverter } from '../src/domain/time/zone-converter';
import { buildApp } from '../src/server/app';
import { parseEnv, toConfig } from '../src/server/config';
import { type AppDeps, systemClock } from '../src/server/context';
import { type Database, type Db, openDatabase } from '../src/server/db/client';
import * as schema from '../src/server/db/schema';
import { fileStorageFromConfig } from '../src/server/files/from-config';
import { localBus } from '../src/server/live/live-bus';
import { hashPassword } from '../src/server/modules/auth/passwords';

const APPOINTMENTS = 50_000;
const PATIENTS = 100_000;
const OTHER_PATIENTS = 5_000;
const PRACTITIONERS = 12;
const OTHER_PRACTITIONERS = 6;
const BATCH = 2_000;
const WARMUP = 30;
const RUNS = 300;
const SLOT_TARGET_MS = 50;
const SEARCH_TARGET_MS = 30;
const TIME_ZONE = 'Europe/Paris';
const SECRETARY_EMAIL = 'nadia.lefevre@bench-tilleuls.example';
const SECRETARY_PASSWORD = 'bench-password-123';
const explainMode = process.env.BENCH_EXPLAIN ?? '';
/** BENCH_KEEP_DB=1 keeps the PostgreSQL database for psql experiments (drop it yourself). */
const keepDatabase = process.env.BENCH_KEEP_DB === '1';
/** BENCH_DB=pglite or BENCH_DB=postgres runs one database only. */
const only = process.env.BENCH_DB ?? '';

// ---------------------------------------------------------------------------------------------------
// Deterministic data

/** mulberry32: a small seeded generator, so every run loads the same rows. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const hex = (digits: number) => {
    let out = '';
    while (out.length < digits) out += int(0x10000).toString(16).padStart(4, '0');
    return out.slice(0, digits);
  };
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`.toLowerCase();
  return { next, int, pick, uuid };
}

/** Comma-separated names → list (kept compact; the formatter would put one per line). */
const list = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

const lastNames = list(`
  Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel,
  Lefèvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine,
  Rousseau, Vincent, Muller, Lefebvre, Faure, André, Mercier, Blanc, Guérin, Boyer, Garnier,
  Chevalier, François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas, Henry,
  Roussel, Mathieu, Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël, Meyer,
  Dufour, Meunier, Brun, Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud,
  Martinez, Gérard, Roche, Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, Fabre,
  Aubert, Lemoine, Renaud, Dumas, Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey,
  Leclerc, Payet, Rolland, Leclercq, Guillaume, Lecomte, Lopez, Jean, Dupuy, Guillot, Hubert, Berger,
  Carpentier, Sanchez, Dupuis, Moulin, Louis, Deschamps, Huet, Vasseur, Perez, Boucher, Fleury,
  Royer, Klein, Jacquet, Adam, Paris, Poirier, Marty, Aubry, Guyot, Carré, Charles, Renault,
  Charpentier, Ménard, Maillard, Baron, Bertin, Bailly, Hervé, Schneider, Fernandez, Le Gall, Collet,
  Léger, Bouvier, Julien, Prévost, Millet, Perrot, Daniel, Le Roux, Cousin, Germain, Breton, Besson,
  Langlois, Rémy, Le Goff, Pelletier, Lévêque, Perrier, Leblanc, Barré, Lebrun, Marchal, Weber,
  Mallet, Hamon, Boulanger, Jacob, Monnier, Michaud, Rodriguez, Guichard, Gillet, Étienne, Grondin,
  Poulain, Tessier, Chevallier, Collin, Chauvin, Da Silva, Bouchet, Gay, Lemaître, Bénard, Maréchal,
  Humbert, Reynaud, Antoine, Hoarau, Perret, Barthélemy, Cordier, Pichon, Lejeune, Gilbert, Lamy,
  Delaunay, Pasquier, Carlier, Laporte, Thévenin, Frémont, Bégué, Nguyen, Haddad, Benali, Mézière,
  Dufresne, Théron, Jégou, Kerbrat, Le Bihan, Cloarec, D'Amico, N'Diaye, Núñez, Müller, Gonçalves,
  Ferreira, Araújo, Desjardins, Lécuyer, Hébert, Béranger, Crépin, Déprez, Fénelon, Gréau, Jouët,
  Lenôtre
`);

const femaleNames = list(`
  Marie, Léa, Chloé, Emma, Manon, Camille, Inès, Jade, Louise, Zoé, Lina, Anaïs, Sarah, Juliette,
  Clémence, Maëlys, Océane, Élodie, Émilie, Hélène, Cécile, Gaëlle, Noémie, Mélanie, Aurélie, Sophie,
  Nathalie, Isabelle, Sylvie, Françoise, Brigitte, Agnès, Thérèse, Geneviève, Anne, Claire, Lucie,
  Amélie, Justine, Margaux, Pauline, Céline, Valérie, Laëtitia, Solène, Maëva, Héloïse, Bérénice,
  Fatima, Yasmine
`);

const maleNames = list(`
  Jean, Lucas, Hugo, Louis, Gabriel, Arthur, Jules, Raphaël, Maël, Noé, Théo, Nathan, Mathéo,
  Timothée, Clément, Baptiste, Thomas, Nicolas, Julien, Sébastien, Jérôme, Stéphane, Frédéric,
  Benoît, Loïc, Gaël, Joël, Hervé, René, André, François, Pierre, Philippe, Michel, Alain, Bernard,
  Éric, Cédric, Jérémy, Grégory, Rémi, Anthony, Karim, Mehdi, Youssef, Mohamed, Amaury, Aurélien,
  Valentin, Léon
`);

/**
 * The long tail of surnames: ~13,000 French-sounding names built from syllables (Belchot, Bréqueau,
 * Thévaudière…), each carried by a handful of patients, as in a real practice.
 */
const rareLastNames = (() => {
  const roots = list(`
    Bel, Ber, Bou, Cha, Che, Cor, Dau, Del, Fav, Four, Gal, Gar, Gil, Gou, Gra, Jou, Lab, Lam, Lan, Lar,
    Mal, Mar, Mor, Pel, Per, Pey, Ren, Rou, Sau, Ta, Ver, Vil, Vau, Bru, Bré, Cré, Fé, Gré, Mé, Pré, Thé,
    Vé, Gué, Lé
  `);
  const middles = ['', 'n', 'r', 'l', 'ch', 'v', 'qu', 'g', 'b', 'ss', 'd', 't'];
  const endings = list(`
    eau, et, ot, ier, ière, ard, in, on, aud, ault, ès, ère, el, and, oux, y, at, ois, ac, enne, elle,
    ette, illon, ignac, ou, aux
  `);
  const names = new Set<string>();
  for (const root of roots)
    for (const middle of middles) for (const ending of endings) names.add(`${root}${middle}${ending}`);
  for (const common of lastNames) names.delete(common);
  return [...names];
})();

/**
 * A surname: a quarter of patients carry one of the common names above, weighted so that Martin is
 * about 0.8 % of patients (twice its national frequency: a heavier case); the rest a rare name.
 */
const commonWeights = (() => {
  let sum = 0;
  return lastNames.map((_, rank) => {
    sum += 1 / (rank + 10);
    return sum;
  });
})();
function pickSurname(g: ReturnType<typeof generator>): string {
  if (g.next() >= 0.25) return g.pick(rareLastNames);
  const target = g.next() * (commonWeights.at(-1) ?? 1);
  const rank = commonWeights.findIndex((cumulative) => cumulative >= target);
  return lastNames[Math.max(0, rank)] as string;
}

const mailDomains = list(`
  gmail.com, orange.fr, free.fr, laposte.net, hotmail.fr, wanadoo.fr, sfr.fr, yahoo.fr
`);
const cities = [
  ['69003', 'Lyon'],
  ['69006', 'Lyon'],
  ['69007', 'Lyon'],
  ['69100', 'Villeurbanne'],
  ['69500', 'Bron'],
  ['69300', 'Caluire-et-Cuire'],
  ['69200', 'Vénissieux'],
  ['69130', 'Écully'],
] as const;

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface PatientData {
  id: string;
  practiceId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  mobilePhone: string | null;
  email: string | null;
  postalCode: string;
  city: string;
  ownPractitionerId: string | null;
  archived: boolean;
}

interface RelationData {
  patientId: string;
  responsableId: string;
  role: 'parent1' | 'parent2';
}

/** Patients in households: one or two adults, 0–3 children sharing the household phone. */
function makePatients(
  seed: number,
  practiceId: string,
  count: number,
  practitionerIds: string[],
  thisYear: number,
) {
  const g = generator(seed);
  const patients: PatientData[] = [];
  const relations: RelationData[] = [];
  const usedPhones = new Set<string>();
  const newPhone = () => {
    for (;;) {
      const phone = `+33${g.next() < 0.8 ? 6 : 7}${String(g.int(100_000_000)).padStart(8, '0')}`;
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };
  const birth = (fromYear: number, toYear: number) =>
    `${fromYear + g.int(toYear - fromYear + 1)}-${String(1 + g.int(12)).padStart(2, '0')}-${String(1 + g.int(28)).padStart(2, '0')}`;
  const email = (first: string, last: string) =>
    `${fold(first).replace(/[^a-z]/g, '')}${g.next() < 0.5 ? '.' : ''}${fold(last).replace(/[^a-z]/g, '')}${g.next() < 0.4 ? g.int(100) : ''}@${g.pick(mailDomains)}`;
  const person = (
    last: string,
    first: string,
    birthDate: string,
    phone: string | null,
    withEmail: boolean,
    place: readonly [string, string],
  ): PatientData => ({
    id: g.uuid(),
    practiceId,
    lastName: last,
    firstName: first,
    birthDate,
    mobilePhone: phone,
    email: withEmail ? email(first, last) : null,
    postalCode: place[0],
    city: place[1],
    ownPractitionerId: g.next() < 0.85 ? g.pick(practitionerIds) : null,
    archived: g.next() < 0.01,
  });

  while (patients.length < count) {
    const place = g.pick(cities);
    const familyName = pickSurname(g);
    const single = g.next() < 0.3;
    const adults: PatientData[] = [];
    const household = newPhone();
    const firstAdultFemale = g.next() < 0.55;
    adults.push(
      person(
        g.next() < 0.06 ? `${familyName}-${pickSurname(g)}` : familyName,
        g.pick(firstAdultFemale ? femaleNames : maleNames),
        birth(thisYear - 85, thisYear - 20),
        g.next() < 0.93 ? household : null,
        g.next() < 0.75,
        place,
      ),
    );
    if (!single) {
      adults.push(
        person(
          g.next() < 0.7 ? familyName : pickSurname(g),
          g.pick(firstAdultFemale ? maleNames : femaleNames),
          birth(thisYear - 80, thisYear - 20),
          g.next() < 0.9 ? newPhone() : null,
          g.next() < 0.7,
          place,
        ),
      );
    }
    const children = single ? (g.next() < 0.3 ? 1 + g.int(2) : 0) : g.int(4);
    patients.push(...adults);
    for (let index = 0; index < children && patients.length < count; index += 1) {
      const born = birth(thisYear - 17, thisYear - 1);
      const teen = thisYear - Number(born.slice(0, 4)) >= 14;
      const child = person(
        familyName,
        g.pick(g.next() < 0.5 ? femaleNames : maleNames),
        born,
        teen && g.next() < 0.5 ? newPhone() : null,
        teen && g.next() < 0.3,
        place,
      );
      patients.push(child);
      adults.forEach((adult, position) => {
        relations.push({
          patientId: child.id,
          responsableId: adult.id,
          role: position === 0 ? 'parent1' : 'parent2',
        });
      });
    }
  }
  patients.length = count;
  const kept = new Set(patients.map((patient) => patient.id));
  return {
    patients,
    relations: relations.filter(
      (relation) => kept.has(relation.patientId) && kept.has(relation.responsableId),
    ),
  };
}

interface AppointmentData {
  practiceId: string;
  practitionerId: string;
  locationId: string;
  motifId: string;
  patientId: string;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
}

interface AgendaSetup {
  practiceId: string;
  locationId: string;
  practitionerIds: string[];
  motifs: { id: string; durationMinutes: number }[];
  patientIds: string[];
  /** local days (day numbers) each practitioner is on holiday */
  holidays: Map<string, Set<number>>;
}

/**
 * Candidate appointments of every practitioner, every weekday of the window, packed in the opening
 * ranges without overlap; then exactly `count` of them, drawn at random, are kept.
 */
function makeAppointments(
  seed: number,
  agendas: AgendaSetup[],
  firstDay: number,
  lastDay: number,
  count: number,
) {
  const g = generator(seed);
  const zone = new ZoneConverter(TIME_ZONE, firstDay * dayMs, (lastDay + 1) * dayMs);
  const candidates: AppointmentData[] = [];
  for (const agenda of agendas) {
    for (const practitionerId of agenda.practitionerIds) {
      const off = agenda.holidays.get(practitionerId) ?? new Set<number>();
      for (let day = firstDay; day <= lastDay; day += 1) {
        if (weekdayOf(day) > 5 || off.has(day)) continue;
        for (const [open, close] of [
          [540, 720],
          [840, 1080],
        ] as const) {
          let minute = open;
          while (minute < close) {
            if (g.next() < 0.8) {
              const motif = g.pick(agenda.motifs);
              if (minute + motif.durationMinutes <= close) {
                candidates.push({
                  practiceId: agenda.practiceId,
                  practitionerId,
                  locationId: agenda.locationId,
                  motifId: motif.id,
                  patientId: g.pick(agenda.patientIds),
                  startsAt: zone.toInstant(localMs(day, minute)),
                  endsAt: zone.toInstant(localMs(day, minute + motif.durationMinutes)),
                  cancelled: g.next() < 0.05,
                });
                minute += motif.durationMinutes;
                continue;
              }
            }
            minute += 15;
          }
        }
      }
    }
  }
  if (candidates.length < count) throw new Error(`only ${candidates.length} candidate appointments`);
  // Partial Fisher–Yates: the first `count` entries become a uniform sample.
  for (let index = 0; index < count; index += 1) {
    const other = index + g.int(candidates.length - index);
    const swap = candidates[index] as AppointmentData;
    candidates[index] = candidates[other] as AppointmentData;
    candidates[other] = swap;
  }
  return { appointments: candidates.slice(0, count), candidates: candidates.length };
}

// ---------------------------------------------------------------------------------------------------
// Loading

type Value = string | number | boolean | null;
const literal = (value: Value) =>
  value === null ? 'NULL' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);

async function insertRows(db: Db, table: string, columns: string, rows: Value[][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const values = rows
      .slice(start, start + BATCH)
      .map((row) => `(${row.map(literal).join(',')})`)
      .join(',\n');
    await db.execute(sql.raw(`INSERT INTO ${table} (${columns}) VALUES ${values}`));
  }
}

interface Dataset {
  practiceId: string;
  motifIds: { short: string; long: string };
  patients: PatientData[];
  counts: { patients: number; relations: number; appointments: number; practitioners: number };
}

async function load(db: Db, today: number): Promise<Dataset> {
  const thisYear = new Date(today * dayMs).getUTCFullYear();
  const firstDay = today - 548;
  const lastDay = today + 182;
  const firstIso = new Date(firstDay * dayMs).toISOString().slice(0, 10);
  const setups: AgendaSetup[] = [];
  const allPatients: PatientData[] = [];
  const allRelations: RelationData[] = [];
  let benchPractice = '';
  let motifIds = { short: '', long: '' };

  const specs = [
    {
      slug: 'bench-tilleuls',
      name: 'Cabinet dentaire des Tilleuls (bench)',
      practitioners: PRACTITIONERS,
      patients: PATIENTS,
    },
    {
      slug: 'bench-voisin',
      name: 'Centre dentaire voisin (bench)',
      practitioners: OTHER_PRACTITIONERS,
      patients: OTHER_PATIENTS,
    },
  ];
  for (const [index, spec] of specs.entries()) {
    const g = generator(1000 + index);
    const [practice] = await db
      .insert(schema.practices)
      .values({ slug: spec.slug, name: spec.name, city: 'Lyon', slotGridMinutes: 15 })
      .returning();
    if (!practice) throw new Error('practice not created');
    const [location] = await db
      .insert(schema.locations)
      .values({
        practiceId: practice.id,
        name: 'Cabinet principal',
        addressLine: `${10 + index} rue des Tilleuls`,
        postalCode: '69003',
        city: 'Lyon',
      })
      .returning();
    if (!location) throw new Error('location not created');
    const motifRows = await db
      .insert(schema.motifs)
      .values([
        { practiceId: practice.id, name: 'Contrôle', durationMinutes: 30, position: 0 },
        { practiceId: practice.id, name: 'Détartrage', durationMinutes: 30, position: 1 },
        { practiceId: practice.id, name: 'Urgence', durationMinutes: 15, position: 2 },
        { practiceId: practice.id, name: 'Soin carie', durationMinutes: 45, position: 3 },
        { practiceId: practice.id, name: 'Dévitalisation', durationMinutes: 60, position: 4 },
        { practiceId: practice.id, name: 'Pose de couronne', durationMinutes: 90, position: 5 },
      ])
      .returning();
    const practitioners = await db
      .insert(schema.staff)
      .values(
        Array.from({ length: spec.practitioners }, (_, position) => {
          const female = g.next() < 0.5;
          const firstName = g.pick(female ? femaleNames : maleNames);
          const lastName = lastNames[(position * 7 + index * 3) % lastNames.length] as string;
          return {
            practiceId: practice.id,
            email: `${fold(firstName).replace(/[^a-z]/g, '')}.${fold(lastName).replace(/[^a-z]/g, '')}.${position}@${spec.slug}.example`,
            role: 'practitioner' as const,
            title: 'Dr',
            firstName,
            lastName,
          };
        }),
      )
      .returning();
    const practitionerIds = practitioners.map((member) => member.id);
    await db.insert(schema.openingRanges).values(
      practitionerIds.flatMap((practitionerId) =>
        [
          [540, 720],
          [840, 1080],
        ].map(([startMinute, endMinute]) => ({
          practiceId: practice.id,
          practitionerId,
          locationId: location.id,
          firstDay: firstIso,
          startMinute: startMinute as number,
          endMinute: endMinute as number,
          weekdays: [1, 2, 3, 4, 5],
          intervalWeeks: 1,
        })),
      ),
    );
    // A week of holidays every 13 weeks per practitioner (staggered), as one-off absences.
    const holidays = new Map<string, Set<number>>();
    const absenceRows: (typeof schema.absences.$inferInsert)[] = [];
    const zone = new ZoneConverter(TIME_ZONE, firstDay * dayMs, (lastDay + 8) * dayMs);
    practitionerIds.forEach((practitionerId, position) => {
      const off = new Set<number>();
      const firstMonday = firstDay - (weekdayOf(firstDay) - 1) + 7 * (position % 13);
      for (let monday = firstMonday; monday <= lastDay; monday += 91) {
        for (let day = monday; day < monday + 5; day += 1) off.add(day);
        absenceRows.push({
          practiceId: practice.id,
          practitionerId,
          title: 'Congés',
          startsAt: new Date(zone.toInstant(localMs(monday, 0))),
          endsAt: new Date(zone.toInstant(localMs(monday + 7, 0))),
        });
      }
      holidays.set(practitionerId, off);
    });
    await db.insert(schema.absences).values(absenceRows);

    if (index === 0) {
      benchPractice = practice.id;
      motifIds = {
        short: motifRows.find((motif) => motif.name === 'Contrôle')?.id ?? '',
        long: motifRows.find((motif) => motif.name === 'Dévitalisation')?.id ?? '',
      };
      const passwordHash = await hashPassword(SECRETARY_PASSWORD);
      await db.insert(schema.staff).values([
        {
          practiceId: practice.id,
          email: SECRETARY_EMAIL,
          passwordHash,
          role: 'secretary',
          firstName: 'Nadia',
          lastName: 'Lefèvre',
        },
        {
          practiceId: practice.id,
          email: 'claire.martin@bench-tilleuls.example',
          role: 'admin',
          firstName: 'Claire',
          lastName: 'Martin',
        },
      ]);
    }

    const { patients, relations } = makePatients(
      2000 + index,
      practice.id,
      spec.patients,
      practitionerIds,
      thisYear,
    );
    allPatients.push(...patients);
    allRelations.push(...relations);
    setups.push({
      practiceId: practice.id,
      locationId: location.id,
      practitionerIds,
      motifs: motifRows.map((motif) => ({ id: motif.id, durationMinutes: motif.durationMinutes })),
      patientIds: patients.filter((patient) => !patient.archived).map((patient) => patient.id),
      holidays,
    });
  }

  const now = new Date(systemClock.now()).toISOString();
  await insertRows(
    db,
    'patients',
    'id, practice_id, last_name, first_name, phonetic_keys, birth_date, mobile_phone, email, postal_code, city, country, own_practitioner_id, archived_at, created_at, updated_at',
    allPatients.map((patient) => [
      patient.id,
      patient.practiceId,
      patient.lastName,
      patient.firstName,
      `{${nameKeys(patient.lastName, patient.firstName).join(',')}}`,
      patient.birthDate,
      patient.mobilePhone,
      patient.email,
      patient.postalCode,
      patient.city,
      'FR',
      patient.ownPractitionerId,
      patient.archived ? now : null,
      now,
      now,
    ]),
  );
  const practiceOf = new Map(allPatients.map((patient) => [patient.id, patient.practiceId]));
  await insertRows(
    db,
    'patient_relations',
    'practice_id, patient_id, responsable_id, role',
    allRelations.map((relation) => [
      practiceOf.get(relation.patientId) ?? '',
      relation.patientId,
      relation.responsableId,
      relation.role,
    ]),
  );

  const { appointments } = makeAppointments(3000, setups, firstDay, lastDay, APPOINTMENTS);
  const nowMs = systemClock.now().getTime();
  await insertRows(
    db,
    'appointments',
    'practice_id, practitioner_id, location_id, motif_id, patient_id, starts_at, ends_at, status, cancelled_at, cancelled_by, channel, created_at, updated_at',
    appointments.map((appointment) => {
      const past = appointment.endsAt < nowMs;
      const created = new Date(appointment.startsAt - 20 * dayMs).toISOString();
      return [
        appointment.practiceId,
        appointment.practitionerId,
        appointment.locationId,
        appointment.motifId,
        appointment.patientId,
        new Date(appointment.startsAt).toISOString(),
        new Date(appointment.endsAt).toISOString(),
        appointment.cancelled ? 'cancelled' : past ? 'seen' : 'unknown',
        appointment.cancelled ? created : null,
        appointment.cancelled ? 'patient' : null,
        appointment.patientId.charCodeAt(0) % 3 === 0 ? 'online' : 'staff',
        created,
        created,
      ];
    }),
  );
  await db.execute(sql.raw('ANALYZE'));
  return {
    practiceId: benchPractice,
    motifIds,
    patients: allPatients.filter((patient) => patient.practiceId === benchPractice),
    counts: {
      patients: allPatients.length,
      relations: allRelations.length,
      appointments: appointments.length,
      practitioners: PRACTITIONERS + OTHER_PRACTITIONERS,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Requests

interface Probe {
  kind: string;
  url: string;
}

/** Patient searches a front desk types: names with and without accents, typos, phones, dates, e-mails. */
function searchProbes(patients: PatientData[]): Probe[] {
  const g = generator(4000);
  const live = patients.filter((patient) => !patient.archived);
  const sample = (filter: (patient: PatientData) => boolean) => {
    const matching = live.filter(filter);
    return matching[g.int(matching.length)] as PatientData;
  };
  const spaced = (e164: string) => `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  const withPhone = sample((patient) => patient.mobilePhone !== null);
  const withPhone2 = sample((patient) => patient.mobilePhone !== null);
  const withMail = sample((patient) => patient.email !== null);
  const withMail2 = sample((patient) => patient.email !== null);
  const someone = sample(() => true);
  const someone2 = sample(() => true);
  const list: [string, string][] = [
    ['last_name_accents', 'Lefèvre'],
    ['last_name_no_accents', 'lefevre'],
    ['last_name_accents', 'Guérin'],
    ['last_name_no_accents', 'guerin'],
    ['last_name_no_accents', 'noel'],
    ['last_name_common', 'Martin'],
    ['last_name_common', 'moreau'],
    ['last_name_prefix', 'Rouss'],
    ['last_name_rare', 'Thévenin'],
    ['last_name_and_first', `${fold(someone.lastName)} ${fold(someone.firstName)}`],
    ['typo', 'Fourier'],
    ['typo', 'Chevalllier'],
    ['typo', 'Leclair'],
    ['phonetic', 'lefebvre'],
    ['phonetic', 'dupond'],
    ['phonetic', 'legall'],
    ['phonetic', 'mathieu'],
    ['first_name', 'Anaïs'],
    ['first_name', 'timothee'],
    ['phone_spaced', spaced(withPhone.mobilePhone ?? '')],
    ['phone_spaced', spaced(withPhone2.mobilePhone ?? '')],
    ['phone_partial', spaced(withPhone.mobilePhone ?? '').slice(0, 11)],
    ['birth_date', someone.birthDate.split('-').reverse().join('/')],
    ['birth_date', someone2.birthDate.split('-').reverse().join('/')],
    ['email_fragment', (withMail.email ?? '').replace(/@.*$/, '@')],
    ['email_fragment', (withMail2.email ?? '').slice(0, (withMail2.email ?? '').indexOf('@') + 3)],
  ];
  return list.map(([kind, q]) => ({ kind, url: `/api/console/patients?q=${encodeURIComponent(q)}` }));
}

/** "Find a slot", any practitioner, 7 days, from various days of the next two months, two motifs. */
function slotProbes(motifIds: Dataset['motifIds'], today: number): Probe[] {
  const probes: Probe[] = [];
  for (let offset = 0; offset < 56; offset += 1) {
    const from = new Date((today + offset) * dayMs - 3600_000).toISOString();
    const long = offset % 4 === 3;
    probes.push({
      kind: long ? 'motif_60min' : 'motif_30min',
      url: `/api/console/slots?motifId=${long ? motifIds.long : motifIds.short}&from=${encodeURIComponent(from)}&days=7`,
    });
  }
  return probes;
}

interface Sample {
  kind: string;
  url: string;
  ms: number;
}

async function signIn(base: string): Promise<string> {
  const answer = await fetch(`${base}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SECRETARY_EMAIL, password: SECRETARY_PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('sourire_staff='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function measure(
  base: string,
  cookie: string,
  probes: Probe[],
  check: (body: unknown) => number,
): Promise<{ samples: Sample[]; items: number }> {
  const samples: Sample[] = [];
  let items = 0;
  for (let index = 0; index < WARMUP + RUNS; index += 1) {
    const probe = probes[index % probes.length] as Probe;
    const started = performance.now();
    const answer = await fetch(`${base}${probe.url}`, { headers: { cookie } });
    const body: unknown = await answer.json();
    const ms = performance.now() - started;
    if (answer.status !== 200)
      throw new Error(`${probe.url} answered ${answer.status}: ${JSON.stringify(body)}`);
    if (index >= WARMUP) {
      samples.push({ kind: probe.kind, url: probe.url, ms });
      items += check(body);
    }
  }
  return { samples, items };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const load1 = () => (loadavg()[0] ?? 0).toFixed(2);

// ---------------------------------------------------------------------------------------------------
// EXPLAIN of the queries an endpoint runs

interface Captured {
  sql: string;
  params: unknown[];
}

type Raw = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

function rawOf(database: Database): Raw {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  return async (text, params) => {
    const result = await (client as PGlite).query<Record<string, unknown>>(text, params);
    return result.rows;
  };
}

function loggedDb(database: Database, logger: Logger): Db {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  return database.kind === 'pglite'
    ? (drizzlePglite({ client: client as PGlite, schema, casing: 'snake_case', logger }) as unknown as Db)
    : (drizzleNodePg({ client: client as pg.Pool, schema, casing: 'snake_case', logger }) as unknown as Db);
}

async function explainEndpoint(
  endpoint: string,
  dbLabel: string,
  app: FastifyInstance,
  capture: { list: Captured[] | null },
  raw: Raw,
  cookie: string,
  url: string,
) {
  capture.list = [];
  const answer = await app.inject({ method: 'GET', url, headers: { cookie } });
  const captured = capture.list;
  capture.list = null;
  if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}`);
  let total = 0;
  let selects = 0;
  for (const [index, query] of captured.entries()) {
    if (!/^\s*select\b/i.test(query.sql)) continue;
    selects += 1;
    const plan = (await raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params)).map((row) =>
      String(row['QUERY PLAN']),
    );
    const timeOf = (prefix: string) =>
      Number(plan.find((line) => line.startsWith(prefix))?.match(/[\d.]+/)?.[0] ?? 0);
    const execution = timeOf('Execution Time');
    total += execution + timeOf('Planning Time');
    if (execution < 1 && explainMode !== 'full') continue;
    const nodes = plan
      .filter((line) => /(Scan|Join|Nested Loop|SubPlan|BitmapOr|Append|Aggregate)/.test(line))
      .map((line) =>
        line
          .replace(/^[\s->]+/, '')
          .replace(/\s*\(cost=[^)]*\)/, '')
          .replace(/\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)\)/, '($1 ms, $2 rows × $3)'),
      );
    console.log(
      `explain{${dbLabel},endpoint=${endpoint},query=${index + 1}}: ${execution.toFixed(2)} ms — ${query.sql
        .replace(/\s+/g, ' ')
        .replace(/^select .*? from /i, 'select … from ')
        .slice(0, 160)} — plan: ${nodes.join(' / ')}`,
    );
    if (explainMode === 'full') {
      console.log(`  sql: ${query.sql}`);
      console.log(`  params: ${JSON.stringify(query.params)}`);
      for (const line of plan) console.log(`  | ${line}`);
    }
  }
  console.log(
    `explain_total_ms{${dbLabel},endpoint=${endpoint}}: ${total.toFixed(2)} ms (EXPLAIN ANALYZE execution + planning of its ${selects} SELECTs; ${captured.length - selects} other statements)`,
  );
}

// ---------------------------------------------------------------------------------------------------
// One database

async function benchDatabase(dbKind: 'pglite' | 'postgres', database: Database) {
  const today = Math.floor(systemClock.now().getTime() / dayMs);
  const migrateStarted = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - migrateStarted;
  const loadStarted = performance.now();
  const data = await load(database.db, today);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const autovacuum =
    dbKind === 'pglite'
      ? 'none in PGlite'
      : String((await rawOf(database)('SHOW autovacuum', []))[0]?.autovacuum ?? '?');
  console.log(
    `load_time_s{db=${dbKind}}: ${loadSeconds.toFixed(1)} s (${data.counts.patients} patients, ${data.counts.relations} parent links, ${data.counts.appointments} appointments, ${data.counts.practitioners} practitioners in 2 practices, multi-row INSERTs of ${BATCH} + ANALYZE; migrations ${(migrateMs / 1000).toFixed(1)} s; autovacuum ${autovacuum}; load ${load1()})`,
  );

  const capture: { list: Captured[] | null } = { list: null };
  const logger: Logger = {
    logQuery: (query, params) => {
      capture.list?.push({ sql: query, params });
    },
  };
  const config = toConfig(
    parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' }),
    () => randomBytes(32).toString('hex'),
  );
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind,
    clock: systemClock,
    transports: { email: null, sms: null },
    kickOutbox: () => {},
    migrationState: () => database.migrationState(),
    live: localBus(),
    files: fileStorageFromConfig(config.files),
  };
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookie = await signIn(base);

    const slots = await measure(base, cookie, slotProbes(data.motifIds, today), (body) => {
      const page = body as { slots: unknown[] };
      return page.slots.length;
    });
    const slotTimes = slots.samples.map((sample) => sample.ms);
    const slotLoad = load1();
    const slotP99 = percentile(slotTimes, 99);
    console.log(
      `find_slot_api_p50_ms{db=${dbKind}}: ${percentile(slotTimes, 50).toFixed(1)} ms (${RUNS} requests after ${WARMUP} warm-up, real HTTP, any practitioner of ${PRACTITIONERS}, days=7, ${Math.round(slots.items / RUNS)} slots per answer on average)`,
    );
    console.log(
      `find_slot_api_p99_ms{db=${dbKind}}: ${slotP99.toFixed(1)} ms (target ≤ ${SLOT_TARGET_MS} ms: ${slotP99 <= SLOT_TARGET_MS ? 'met' : 'MISSED'}; max ${Math.max(...slotTimes).toFixed(1)} ms; load ${slotLoad})`,
    );

    const probes = searchProbes(data.patients);
    const traced = await buildApp({ ...deps, db: loggedDb(database, logger) }, { logger: false });
    await traced.ready();
    const raw = rawOf(database);
    try {
      if (explainMode || slotP99 > SLOT_TARGET_MS) {
        const worst = slots.samples.reduce((a, b) => (b.ms > a.ms ? b : a));
        await explainEndpoint('slots', `db=${dbKind}`, traced, capture, raw, cookie, worst.url);
      }
      // First as loaded (ANALYZE only: GIN indexes still hold their pending lists, as on PGlite, which has
      // no autovacuum), then after a VACUUM (what autovacuum does on a PostgreSQL server).
      for (const state of ['analyzed', 'vacuumed'] as const) {
        if (state === 'vacuumed') {
          const started = performance.now();
          await database.db.execute(sql.raw('VACUUM ANALYZE patients'));
          await database.db.execute(sql.raw('VACUUM ANALYZE patient_relations'));
          console.log(
            `vacuum_patients_s{db=${dbKind}}: ${((performance.now() - started) / 1000).toFixed(1)} s (VACUUM ANALYZE patients, patient_relations: flushes the GIN pending lists)`,
          );
        }
        const label = state === 'analyzed' ? `db=${dbKind}` : `db=${dbKind},after=vacuum`;
        const search = await measure(
          base,
          cookie,
          probes,
          (body) => (body as { items: unknown[] }).items.length,
        );
        const searchTimes = search.samples.map((sample) => sample.ms);
        const searchLoad = load1();
        const searchP99 = percentile(searchTimes, 99);
        console.log(
          `patient_search_p50_ms{${label}}: ${percentile(searchTimes, 50).toFixed(1)} ms (${RUNS} requests after ${WARMUP} warm-up, real HTTP, ${probes.length} queries in turn, ${(search.items / RUNS).toFixed(1)} results per answer on average)`,
        );
        console.log(
          `patient_search_p99_ms{${label}}: ${searchP99.toFixed(1)} ms (target ≤ ${SEARCH_TARGET_MS} ms: ${searchP99 <= SEARCH_TARGET_MS ? 'met' : 'MISSED'}; max ${Math.max(...searchTimes).toFixed(1)} ms; load ${searchLoad})`,
        );
        const byKind = new Map<string, Sample[]>();
        for (const sample of search.samples)
          byKind.set(sample.kind, [...(byKind.get(sample.kind) ?? []), sample]);
        const kinds = [...byKind]
          .map(([kind, samples]) => {
            const worst = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
            const times = samples.map((sample) => sample.ms);
            return { kind, p50: percentile(times, 50), worst, n: samples.length };
          })
          .sort((a, b) => b.worst.ms - a.worst.ms);
        for (const { kind, p50, worst, n } of kinds) {
          const q = new URL(worst.url, base).searchParams.get('q') ?? '';
          console.log(
            `patient_search_by_kind_ms{${label},kind=${kind}}: ${p50.toFixed(1)} ms p50, ${worst.ms.toFixed(1)} ms max (${n} requests; slowest q=${JSON.stringify(q)})`,
          );
        }
        if (explainMode || searchP99 > SEARCH_TARGET_MS) {
          for (const { kind, worst } of kinds.slice(0, explainMode ? kinds.length : 3)) {
            await explainEndpoint(`patients:${kind}`, label, traced, capture, raw, cookie, worst.url);
          }
        }
      }
    } finally {
      await traced.close();
    }
  } finally {
    await app.close();
    await deps.live.close();
  }
}

// ---------------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length > 0)
    await cleanups
      .pop()?.()
      .catch(() => {});
}
process.on('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

async function main() {
  console.log(
    'transport: real HTTP — Fastify listening on 127.0.0.1:<random port>, Node fetch (keep-alive), one request at a time',
  );
  if (only !== 'postgres') {
    const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
    cleanups.push(() => pglite.close());
    await benchDatabase('pglite', pglite);
    await cleanUp();
  }

  const url = process.env.DATABASE_URL;
  if (only === 'pglite') {
    console.log('postgres: skipped (BENCH_DB=pglite)');
  } else if (url) {
    const name = `sourire_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      if (keepDatabase) console.log(`postgres_database_kept: ${name} (drop it with: dropdb ${name})`);
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const target = new URL(url);
    target.pathname = `/${name}`;
    const postgres = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
    cleanups.push(() => postgres.close());
    await benchDatabase('postgres', postgres);
    await cleanUp();
  } else {
    console.log('postgres: skipped (DATABASE_URL not set)');
  }
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
}

main()
  .catch(async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
