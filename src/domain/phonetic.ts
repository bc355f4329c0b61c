/**
 * A phonetic key for French names (issue 9 §2.11), so that a search forgives spelling: `lefevre` finds
 * Lefebvre and Lefèvre, `dupond` Dupont, `mathieu` Matthieu, `legall` Le Gall. Our own simplification of
 * the French phonetic algorithms (Soundex FR, Phonex): letters that sound alike are merged (ph/f, qu/k,
 * c/k/s, g/j, au/eau/o, ai/ei/e, y/i…), silent letters dropped (h, a final e, then a final d, t, s, x or
 * z, a b before v), doubles folded. Vowels stay, merged by sound: a key that dropped them (Soundex) makes
 * Moreau meet every Marie, and a search of a common name then sorts thousands of rows. Pure and
 * deterministic: the server stores the keys of each patient and compares them with those of the query.
 */

/** Lower-case letters only, accents removed ("Lefèbvre-Dupont" → ["lefebvre", "dupont"]). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

const rules: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/sch/g, 'C'],
  [/sh/g, 'C'],
  [/ch/g, 'C'],
  [/th/g, 't'],
  [/qu/g, 'k'],
  [/gu(?=[eiy])/g, 'g'],
  [/g(?=[eiy])/g, 'j'],
  [/gn/g, 'n'],
  [/c(?=[eiy])/g, 's'],
  [/ck/g, 'k'],
  [/[cq]/g, 'k'],
  [/x(?=.)/g, 'ks'],
  [/bv/g, 'v'],
  [/w/g, 'v'],
  [/z/g, 's'],
  [/y/g, 'i'],
  [/h/g, ''],
  [/eau/g, 'o'],
  [/au/g, 'o'],
  [/ou/g, 'u'],
  [/[ae]i/g, 'e'],
];

/** The phonetic key of one word ("lefebvre" → "LFVR"); "" for no letter. */
export function phoneticKey(word: string): string {
  const [folded = ''] = nameWords(word).length === 1 ? nameWords(word) : [nameWords(word).join('')];
  if (!folded) return '';
  let sound = folded;
  for (const [pattern, replacement] of rules) sound = sound.replace(pattern, replacement);
  // a final e is silent (Lefebvre), then a final d, t, s, x or z (Dupond, Dupont, Durand, Thomas)
  if (sound.length > 2) sound = sound.replace(/e$/, '');
  if (sound.length > 2) sound = sound.replace(/[dtsx]+$/, '');
  // a word of silent letters only ("H") keeps its own letters rather than no key at all
  return sound.replace(/(.)\1+/g, '$1').toUpperCase() || folded.replace(/(.)\1+/g, '$1').toUpperCase();
}

/**
 * The keys stored for a patient: each word of the last and first names, and each name written as one
 * word ("Le Gall" → LGL as well as L and GL), so a search typed with or without spaces meets it.
 */
export function nameKeys(lastName: string, firstName: string): string[] {
  const keys = new Set<string>();
  for (const name of [lastName, firstName]) {
    const words = nameWords(name);
    for (const word of words) keys.add(phoneticKey(word));
    if (words.length > 1) keys.add(phoneticKey(words.join('')));
  }
  keys.delete('');
  return [...keys].sort();
}

/**
 * The keys of a typed search: every word's key must be among the patient's, or — typed with spaces where
 * the name has none ("le gall" for Legall) — the key of the words as one.
 */
export function queryKeys(query: string): { each: string[]; joined: string } {
  const words = nameWords(query);
  return {
    each: [...new Set(words.map(phoneticKey))].filter(Boolean),
    joined: words.length > 1 ? phoneticKey(words.join('')) : '',
  };
}
