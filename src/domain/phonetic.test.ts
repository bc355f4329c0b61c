import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys, nameWords, phoneticKey, queryKeys } from './phonetic';

const sameKey = (a: string, b: string) => expect(phoneticKey(a), `${a} ~ ${b}`).toBe(phoneticKey(b));

describe('French phonetic key', () => {
  it('merges the spellings a secretary meets', () => {
    sameKey('lefevre', 'Lefebvre');
    sameKey('lefevre', 'Lefèvre');
    sameKey('dupond', 'Dupont');
    sameKey('mathieu', 'Matthieu');
    sameKey('philippe', 'Filippe');
    sameKey('legall', 'Le Gall');
    sameKey('gauthier', 'Gautier');
    sameKey('laurent', 'Lorent');
    sameKey('aubert', 'Obert');
    sameKey('raphael', 'Raphaël');
    sameKey('francois', 'François');
    sameKey('geraldine', 'Jeraldine');
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('Martin')).not.toBe(phoneticKey('Mathieu'));
    expect(phoneticKey('Durand')).not.toBe(phoneticKey('Dupont'));
    expect(phoneticKey('Bernard')).not.toBe(phoneticKey('Renard'));
    expect(phoneticKey('Petit')).not.toBe(phoneticKey('Pierre'));
    // vowels count: a common surname does not meet a common first name
    expect(phoneticKey('Moreau')).not.toBe(phoneticKey('Marie'));
    expect(phoneticKey('Martin')).not.toBe(phoneticKey('Morin'));
  });

  it('stores each word and the name as one word; a query matches either way', () => {
    expect(nameKeys('Le Gall', 'Anne-Marie')).toEqual(
      [
        ...new Set([
          phoneticKey('le'),
          phoneticKey('gall'),
          phoneticKey('legall'),
          phoneticKey('anne'),
          phoneticKey('marie'),
          phoneticKey('annemarie'),
        ]),
      ].sort(),
    );
    expect(queryKeys('le gall')).toEqual({
      each: [phoneticKey('le'), phoneticKey('gall')],
      joined: phoneticKey('legall'),
    });
    expect(queryKeys('Lefèvre')).toEqual({ each: [phoneticKey('lefevre')], joined: '' });
  });

  it('folds accents, case and punctuation', () => {
    expect(nameWords("D'Argent-Œuvray  ÉLODIE")).toEqual(['d', 'argent', 'oeuvray', 'elodie']);
  });

  it('gives a word of silent letters its own letters', () => {
    expect(phoneticKey('h')).toBe('H');
    expect(phoneticKey('Hh')).toBe('H');
    expect(nameKeys('H', 'Anne')).toContain('H');
  });

  it('is stable under case and accents for any name, and never empty for a word with letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-ZéèêëàâîïôöùûüçÉÈÀÇ]{1,20}$/), (word) => {
        const key = phoneticKey(word);
        expect(key.length).toBeGreaterThan(0);
        expect(phoneticKey(word.toUpperCase())).toBe(phoneticKey(word.toLowerCase()));
        expect(phoneticKey(word.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).toBe(key);
      }),
    );
  });
});
