import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentOfToken, manageLinkExpired, manageLinkLifetimeMs, manageToken } from './manage-token';

const secret = 'a-test-secret-of-at-least-32-characters!';
const uuid = fc.uuid().map((id) => id.toLowerCase());
/** Characters a mutation may bring: the token's own alphabet, its separators and a few strangers. */
const char = fc.constantFrom(...'ABCXYZabcxyz0189-_.=+/ %\n'.split(''), 'é', '\u0000');

/** One change to a string: a character inserted, removed or replaced, or something appended or prepended. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: char, minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.string({ unit: char, minLength: 1, maxLength: 1 }),
  }),
  fc.record({
    kind: fc.constant('append' as const),
    text: fc.string({ unit: char, minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('prepend' as const),
    text: fc.string({ unit: char, minLength: 1, maxLength: 6 }),
  }),
);

type MutationValue = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(token: string, change: MutationValue): string {
  switch (change.kind) {
    case 'insert': {
      const at = change.at % (token.length + 1);
      return token.slice(0, at) + change.text + token.slice(at);
    }
    case 'remove': {
      const at = change.at % token.length;
      return token.slice(0, at) + token.slice(at + change.length);
    }
    case 'replace': {
      const at = change.at % token.length;
      return token.slice(0, at) + change.text + token.slice(at + 1);
    }
    case 'append':
      return token + change.text;
    case 'prepend':
      return change.text + token;
  }
}

describe('manage-link token', () => {
  it('gives back the appointment of a token it made', () => {
    fc.assert(fc.property(uuid, (id) => appointmentOfToken(secret, manageToken(secret, id)) === id));
  });

  it('refuses any change to a valid token', () => {
    fc.assert(
      fc.property(uuid, mutation, (id, change) => {
        const token = manageToken(secret, id);
        const mutated = mutate(token, change);
        fc.pre(mutated !== token);
        expect(appointmentOfToken(secret, mutated)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses the known shapes of a tampered link', () => {
    const id = '0b7c2a4e-1f3d-4c5b-9a8e-7d6c5b4a3f21';
    const token = manageToken(secret, id);
    const [, signature = ''] = token.split('.');
    for (const bad of [
      `${token}.junk`,
      `${token}.`,
      `${id}..${signature}`,
      `${token}=`,
      `${token}==`,
      `${id}.${signature.slice(0, 31)}`,
      `${id}.${signature}A`,
      `${id}.${signature.slice(0, 31)}+`,
      `${id.toUpperCase()}.${signature}`,
      `${id}`,
      `.${signature}`,
      '',
      manageToken('another-secret-of-at-least-32-characters', id),
    ]) {
      expect(appointmentOfToken(secret, bad), bad).toBeNull();
    }
  });

  it('expires 30 days after the appointment’s end', () => {
    const endsAt = new Date('2026-12-02T10:30:00Z');
    expect(manageLinkLifetimeMs).toBe(30 * 86_400_000);
    expect(manageLinkExpired(endsAt, new Date('2027-01-01T10:30:00Z'))).toBe(false);
    expect(manageLinkExpired(endsAt, new Date('2027-01-01T10:30:00.001Z'))).toBe(true);
    expect(manageLinkExpired(endsAt, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });
});
