import { describe, expect, it } from 'vitest';
import type { PatientMe } from '../../contracts/patient-auth';
import { audienceOf, localToday, someoneElse } from './audience';
import { ofName } from './format';

const member = (id: string, firstName: string, birthDate: string, isSelf = false) => ({
  id,
  firstName,
  lastName: 'Durand',
  birthDate,
  isSelf,
});
const me = (family: PatientMe['family']): PatientMe => ({
  maskedPhone: '+33 6 •• •• •• 01',
  practice: { id: 'p', slug: 'p', name: 'Cabinet', phone: null, email: null },
  family,
  modules: {
    appointments: { enabled: true },
    messaging: { enabled: true },
    imaging: { enabled: false },
    payments: { enabled: false, onlinePayment: false, onlyDueInstalments: false, minors: false },
    documents: { enabled: true, minors: false },
    questionnaires: { enabled: false, minors: false },
  },
});

describe('whom the home speaks to', () => {
  const paul = member('paul', 'Paul', '1980-03-14');
  const lea = member('lea', 'Léa', '2012-05-03');
  const hugo = member('hugo', 'Hugo', '2015-09-18');

  it('a parent with children: the family; the same family seen by the 14-year-old: a minor', () => {
    expect(audienceOf(me([{ ...paul, isSelf: true }, lea, hugo]), '2026-12-02')).toBe('family');
    expect(audienceOf(me([paul, { ...lea, isSelf: true }, hugo]), '2026-12-02')).toBe('minor');
  });

  it('an account without dependants is alone, a minor alone is still a minor', () => {
    expect(audienceOf(me([{ ...paul, isSelf: true }]), '2026-12-02')).toBe('alone');
    expect(audienceOf(me([{ ...lea, isSelf: true }]), '2026-12-02')).toBe('minor');
  });

  it('an adult from the 18th birthday, on the phone’s own date', () => {
    const eighteen = member('e', 'Emma', '2008-12-02', true);
    expect(audienceOf(me([eighteen]), '2026-12-01')).toBe('minor');
    expect(audienceOf(me([eighteen]), '2026-12-02')).toBe('alone');
    expect(localToday(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
  });

  it('names another member, never the signed-in person', () => {
    const family = me([{ ...paul, isSelf: true }, lea]);
    expect(someoneElse(family, 'lea')?.firstName).toBe('Léa');
    expect(someoneElse(family, 'paul')).toBeNull();
    expect(someoneElse(family, 'unknown')).toBeNull();
  });
});

describe('French "de" before a first name', () => {
  it('elides before a vowel, not before a consonant or an aspirated h', () => {
    expect(ofName('Léa')).toBe('de Léa');
    expect(ofName('Anne')).toBe('d’Anne');
    expect(ofName('Émile')).toBe('d’Émile');
    expect(ofName('Yves')).toBe('d’Yves');
    expect(ofName('Yann')).toBe('de Yann');
    expect(ofName('Hugo')).toBe('de Hugo');
  });
});
