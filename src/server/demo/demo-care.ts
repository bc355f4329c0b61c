/**
 * What care the demo gives whom (issue 9 §4.19): a rule the seed follows, so no 11-year-old gets an
 * implant. Children get check-ups, sealants, fluoride, fillings and orthodontic care; adults scaling,
 * fillings, crowns; older adults implants and prostheses too. Keys are the demo's motif keys
 * (`demo-schedule.ts`).
 */

export type AgeBand = 'child' | 'teen' | 'adult' | 'senior';

/** The band of someone born on `birthDate` on `day` (both YYYY-MM-DD): full years, as a birthday counts. */
export function ageOn(birthDate: string, day: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBand(age: number): AgeBand {
  if (age < 12) return 'child';
  if (age < 18) return 'teen';
  if (age < 65) return 'adult';
  return 'senior';
}

/**
 * How often each motif is drawn for a band (0 or absent: never). Weights say what a week at a practice
 * looks like: many check-ups and fillings, a few extractions, implants only for adults.
 */
export const careWeights: Record<AgeBand, Readonly<Record<string, number>>> = {
  child: {
    controle: 5,
    premiere: 1,
    soins: 3,
    urgence: 1,
    scellement: 3,
    fluor: 3,
    // baby teeth that will not fall out by themselves
    extraction: 1,
    ortho: 3,
    'ortho-suivi': 5,
  },
  teen: {
    controle: 5,
    premiere: 1,
    detartrage: 2,
    soins: 3,
    urgence: 1,
    scellement: 2,
    fluor: 1,
    extraction: 1,
    ortho: 2,
    'ortho-suivi': 6,
  },
  adult: {
    controle: 5,
    premiere: 1,
    detartrage: 4,
    soins: 5,
    urgence: 1,
    extraction: 1,
    couronne: 2,
    implant: 1,
    ortho: 1,
    'ortho-suivi': 3,
  },
  senior: {
    controle: 4,
    premiere: 1,
    detartrage: 4,
    soins: 4,
    urgence: 1,
    extraction: 2,
    couronne: 3,
    implant: 3,
    prothese: 3,
  },
};

/** True when the demo may give `motif` to someone of `band`. */
export function careFits(band: AgeBand, motif: string): boolean {
  return (careWeights[band][motif] ?? 0) > 0;
}

/**
 * Draws one motif among `offered` (a range's motifs) for a band, by weight, with `roll` in [0, 1); null
 * when the range offers nothing that fits the band.
 */
export function drawCare(band: AgeBand, offered: readonly string[], roll: number): string | null {
  const weighted = offered
    .map((motif) => ({ motif, weight: careWeights[band][motif] ?? 0 }))
    .filter((entry) => entry.weight > 0);
  const total = weighted.reduce((sum, entry) => sum + entry.weight, 0);
  if (total === 0) return null;
  let left = roll * total;
  for (const entry of weighted) {
    left -= entry.weight;
    if (left < 0) return entry.motif;
  }
  return weighted.at(-1)?.motif ?? null;
}
