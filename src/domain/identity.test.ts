import { describe, expect, it } from 'vitest';
import { type IdentityCandidate, matchIdentity, normaliseName } from './identity';

describe('normaliseName', () => {
  it.each([
    ['Núñez', 'nunez'],
    ['  HÉLÈNE ', 'helene'],
    ['Jean-Pierre', 'jean pierre'],
    ['jean   pierre', 'jean pierre'],
    ['D’Artagnan', 'd artagnan'],
    ["D'Artagnan", 'd artagnan'],
    ['Lætitia', 'laetitia'],
    ['Cœur', 'coeur'],
    ['Maëlle', 'maelle'],
  ])('%s → %s', (name, folded) => {
    expect(normaliseName(name)).toBe(folded);
  });
});

const family: IdentityCandidate[] = [
  { id: 'paul', lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' },
  { id: 'lea', lastName: 'Durand', firstName: 'Léa', birthDate: '2012-05-03' },
  { id: 'hugo', lastName: 'Durand', firstName: 'Hugo', birthDate: '2015-09-18' },
];

describe('matchIdentity', () => {
  it('matches one person without case or accents', () => {
    expect(matchIdentity(family, { lastName: 'DURAND', firstName: 'lea', birthDate: '2012-05-03' })).toEqual({
      kind: 'one',
      patientId: 'lea',
    });
  });

  it('needs the birth date to match too', () => {
    expect(matchIdentity(family, { lastName: 'Durand', firstName: 'Léa', birthDate: '2012-05-04' })).toEqual({
      kind: 'none',
    });
  });

  it('finds nobody when a name differs', () => {
    expect(matchIdentity(family, { lastName: 'Dupont', firstName: 'Léa', birthDate: '2012-05-03' })).toEqual({
      kind: 'none',
    });
  });

  it('refuses an ambiguous identity (two files for one person)', () => {
    const duplicated = [
      ...family,
      { id: 'lea-bis', lastName: 'DURAND', firstName: 'Lea', birthDate: '2012-05-03' },
    ];
    expect(
      matchIdentity(duplicated, { lastName: 'Durand', firstName: 'Léa', birthDate: '2012-05-03' }),
    ).toEqual({
      kind: 'several',
    });
  });

  it('counts a candidate listed twice (own phone and parent phone) once', () => {
    const twice = [...family, family[1] as IdentityCandidate];
    expect(matchIdentity(twice, { lastName: 'Durand', firstName: 'Léa', birthDate: '2012-05-03' }).kind).toBe(
      'one',
    );
  });

  it('finds nobody among no candidates (unknown phone)', () => {
    expect(matchIdentity([], { lastName: 'Durand', firstName: 'Paul', birthDate: '1980-03-14' })).toEqual({
      kind: 'none',
    });
  });
});
