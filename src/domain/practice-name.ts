/**
 * How a message names the practice after a preposition, so that "du cabinet" is never followed by a name
 * that already says what the place is ("du cabinet Cabinet dentaire des Lilas"). Practices name
 * themselves freely: "Cabinet dentaire des Lilas", "Dr Martin", "Centre dentaire X", "Clinique du
 * Parc", "Zahnarztpraxis Müller", "Sourire". Pure: no I/O.
 */

/** First words that already say "a practice", with the French words that lead to them ("du", "de la"). */
const kindWords: ReadonlyMap<string, string> = new Map([
  ['cabinet', 'du '],
  ['centre', 'du '],
  ['pole', 'du '],
  ['groupe', 'du '],
  ['espace', 'de l’'],
  ['institut', 'de l’'],
  ['clinique', 'de la '],
  ['polyclinique', 'de la '],
  ['maison', 'de la '],
  ['selarl', 'de la '],
  ['center', 'de '],
  ['clinic', 'de '],
  ['practice', 'de '],
  ['praxis', 'de '],
  ['zahnarztpraxis', 'de '],
  ['zahnarztzentrum', 'de '],
  ['zahnzentrum', 'de '],
  ['zahnklinik', 'de '],
  ['studio', 'de '],
  ['ambulatorio', 'de '],
]);

/** A name's leading French article, and what "de" + it becomes. */
const articles: ReadonlyMap<string, string> = new Map([
  ['le', 'du '],
  ['la', 'de la '],
  ['les', 'des '],
  ['l', 'de l’'],
]);

/** Titles of a dentist a practice may be named after ("Dr Martin", "Drs Martin et Petit"). */
const titleWords: ReadonlyMap<string, string> = new Map([
  ['dr', 'du cabinet du '],
  ['dre', 'du cabinet de la '],
  ['docteur', 'du cabinet du '],
  ['doctor', 'du cabinet du '],
  ['drs', 'du cabinet des '],
  ['docteurs', 'du cabinet des '],
]);

/** A text's words, lower-cased and without accents, with where each starts in the text. */
function wordsOf(text: string): { word: string; at: number }[] {
  return [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((match) => ({
    word: match[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    at: match.index,
  }));
}

function isKindWord(word: string): boolean {
  // compounds count too: "Kinderzahnarztpraxis", "Polyclinique", "Dentalstudio"
  return kindWords.has(word) || [...kindWords.keys()].some((kind) => kind.length >= 6 && word.endsWith(kind));
}

/** True when the practice's name already says it is a practice ("Cabinet …", "La Clinique …", "Praxis …"). */
export function nameSaysPractice(name: string): boolean {
  const words = wordsOf(name);
  const [first, second] = words;
  if (!first) return false;
  if (articles.has(first.word) && second) return isKindWord(second.word);
  return isKindWord(first.word);
}

/**
 * "du cabinet X" in French, with "cabinet" said once whatever X is: "du Cabinet dentaire des Lilas", "de la
 * Clinique du Parc", "de l’Espace dentaire", "du Cabinet des Lilas" (for "Le Cabinet des Lilas"), "de
 * Zahnarztpraxis Müller", "du cabinet du Dr Martin", "du cabinet Sourire". Use it after a noun: "la liste
 * d’attente " + `ofPracticeFr(name)`.
 */
export function ofPracticeFr(name: string): string {
  const trimmed = name.trim();
  const [first, second] = wordsOf(trimmed);
  if (!first) return 'du cabinet';
  if (articles.has(first.word) && second && isKindWord(second.word)) {
    return `${articles.get(first.word)}${trimmed.slice(second.at)}`;
  }
  if (isKindWord(first.word)) return `${kindWords.get(first.word) ?? 'de '}${trimmed}`;
  const title = titleWords.get(first.word);
  if (title && second) return `${title}${trimmed}`;
  return `du cabinet ${trimmed}`;
}

/** Pronouns French doubles on purpose: "vous vous inscrivez", "nous nous excusons". */
const legitimateDoubles = new Set(['nous', 'vous']);

/**
 * The first pair of identical neighbouring words of a text (accents and case ignored), or null: the
 * check every rendered message must pass ("du cabinet Cabinet dentaire" fails). Numbers and single
 * letters are left alone ("10 10" in a phone number is not a doubled word).
 */
export function doubledWord(text: string): string | null {
  const words = wordsOf(text).map((entry) => entry.word);
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (word.length > 1 && word === words[index - 1] && !legitimateDoubles.has(word)) return word;
  }
  return null;
}
