import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doubledWord, nameSaysPractice, ofPracticeFr } from './practice-name';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

describe('ofPracticeFr', () => {
  it.each([
    ['Cabinet dentaire des Lilas', 'du Cabinet dentaire des Lilas'],
    ['cabinet du Dr Roy', 'du cabinet du Dr Roy'],
    ['Centre dentaire Bellecour', 'du Centre dentaire Bellecour'],
    ['Clinique du Parc', 'de la Clinique du Parc'],
    ['Maison de santé des Pentes', 'de la Maison de santé des Pentes'],
    ['Espace Sourire', 'de l’Espace Sourire'],
    ['Le Cabinet des Lilas', 'du Cabinet des Lilas'],
    ['La Clinique du Lac', 'de la Clinique du Lac'],
    ['L’Institut dentaire', 'de l’Institut dentaire'],
    ['Zahnarztpraxis Müller', 'de Zahnarztpraxis Müller'],
    ['Kinderzahnarztpraxis Bern', 'de Kinderzahnarztpraxis Bern'],
    ['Practice Smith', 'de Practice Smith'],
    ['Dr Martin', 'du cabinet du Dr Martin'],
    ['Drs Martin et Petit', 'du cabinet des Drs Martin et Petit'],
    ['Sourire', 'du cabinet Sourire'],
    ['Le Sourire', 'du cabinet Le Sourire'],
    ['  Cabinet des Tilleuls  ', 'du Cabinet des Tilleuls'],
  ])('%s → %s', (name, phrase) => {
    expect(ofPracticeFr(name)).toBe(phrase);
  });

  it('says what a name is only when it does not say it already', () => {
    expect(nameSaysPractice('Cabinet dentaire des Tilleuls')).toBe(true);
    expect(nameSaysPractice('CENTRE DENTAIRE X')).toBe(true);
    expect(nameSaysPractice('Dr Martin')).toBe(false);
    expect(nameSaysPractice('Sourire')).toBe(false);
    expect(nameSaysPractice('')).toBe(false);
  });

  const kind = fc.constantFrom(
    'Cabinet',
    'cabinet',
    'CABINET',
    'Centre',
    'Clinique',
    'Praxis',
    'Zahnarztpraxis',
    'Le Cabinet',
    'La Clinique',
  );
  // distinct words, so that a doubled word can only come from the phrase itself
  const rest = fc
    .uniqueArray(
      fc.constantFrom(
        'dentaire',
        'des',
        'Lilas',
        'du',
        'Parc',
        'Bellecour',
        'Sourire',
        'Martin',
        'Müller',
        'Saint-Jean',
        'Gare',
        'Léman',
        'd’Ainay',
        'Dr',
        'Smile',
      ),
      { maxLength: 4 },
    )
    .map((words) => words.join(' '));

  it('never says the kind of place twice, whatever follows the kind word', () => {
    fc.assert(
      fc.property(kind, rest, (first, tail) => {
        const name = `${first} ${tail}`.trim();
        const phrase = ofPracticeFr(name);
        expect(phrase.toLowerCase()).not.toMatch(/\bcabinet\b.*\bcabinet\b/u);
        expect(doubledWord(`la liste d’attente ${phrase}`)).toBeNull();
      }),
      { numRuns: runs },
    );
  });

  it('keeps the name whole, and says "cabinet" for any other name', () => {
    fc.assert(
      fc.property(rest, fc.constantFrom('', 'Dr ', 'Sourire '), (tail, lead) => {
        const name = `${lead}${tail}`.trim();
        fc.pre(name !== '' && !nameSaysPractice(name));
        const phrase = ofPracticeFr(name);
        expect(phrase.endsWith(name)).toBe(true);
        expect(phrase.startsWith('du cabinet ')).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('keeps the name from its kind word on', () => {
    fc.assert(
      fc.property(kind, rest, (first, tail) => {
        const name = `${first} ${tail}`.trim();
        const kindWord = first.split(' ').at(-1) ?? first;
        expect(ofPracticeFr(name).endsWith(name.slice(name.indexOf(kindWord)))).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

describe('doubledWord', () => {
  it('finds a word said twice in a row, whatever its case and accents', () => {
    expect(doubledWord('la console du cabinet Cabinet dentaire')).toBe('cabinet');
    expect(doubledWord('Un été Été chaud')).toBe('ete');
    expect(doubledWord('avec le le Dr Martin')).toBe('le');
  });

  it('leaves numbers, single letters and the pronouns French doubles alone', () => {
    expect(doubledWord('06 39 98 10 10')).toBeNull();
    expect(doubledWord('l’a a')).toBeNull();
    expect(doubledWord('vous vous êtes inscrit, nous nous excusons')).toBeNull();
    expect(doubledWord('Cabinet dentaire des Tilleuls : votre code est 123456.')).toBeNull();
  });
});
