// Slot engine benchmark (in-process, no I/O). Prints `name: value unit` lines.
// Europe/Paris, Mon–Fri 09:00–12:00 and 14:00–18:00, 2027-02-01 → 2027-05-01 (crosses the DST change),
// 30-min motif on a 30-min grid, 120 min minimum notice; appointments of 30 or 60 min spread over the window.
import { cpus, loadavg } from 'node:os';
import {
  findSlots,
  mergeAnyPractitioner,
  type PractitionerAgenda,
  type SlotSearch,
} from '../src/domain/scheduling/slots';

const from = Date.parse('2027-02-01T00:00:00Z');
const to = Date.parse('2027-05-01T00:00:00Z');

/** A small deterministic generator, so every run measures the same agenda. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function agendaOf(practitionerId: string, appointments: number, seed: number): PractitionerAgenda {
  const next = random(seed);
  const weekdays = { weekdays: [1, 2, 3, 4, 5], intervalWeeks: 1, until: null };
  const list = Array.from({ length: appointments }, () => {
    const day = Math.floor(next() * 89);
    const morning = next() < 0.45;
    const slot = Math.floor(next() * (morning ? 6 : 8));
    const start = from + day * 86_400_000 + ((morning ? 8 : 13) * 60 + slot * 30) * 60_000;
    return { start, end: start + (next() < 0.5 ? 30 : 60) * 60_000 };
  });
  return {
    practitionerId,
    ranges: [
      {
        id: `${practitionerId}-am`,
        locationId: 'lyon',
        recurrence: { firstDay: '2027-01-04', weekly: weekdays },
        startMinute: 540,
        endMinute: 720,
        motifIds: [],
      },
      {
        id: `${practitionerId}-pm`,
        locationId: 'lyon',
        recurrence: { firstDay: '2027-01-04', weekly: weekdays },
        startMinute: 840,
        endMinute: 1080,
        motifIds: [],
      },
    ],
    absences: [],
    recurringAbsences: [],
    appointments: list,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(run: () => unknown, runs = 200, warmup = 50): number {
  for (let index = 0; index < warmup; index += 1) run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const base: Omit<SlotSearch, 'practitioners'> = {
  timeZone: 'Europe/Paris',
  from,
  to,
  now: from,
  gridMinutes: 30,
  motif: { id: 'control', durationMinutes: 30, minDelayMinutes: 120 },
};

const one: SlotSearch = { ...base, practitioners: [agendaOf('p0', 300, 1)] };
const ten: SlotSearch = {
  ...base,
  practitioners: Array.from({ length: 10 }, (_, index) => agendaOf(`p${index}`, 300, index + 1)),
};

const oneCount = findSlots(one).length;
const tenCount = mergeAnyPractitioner(findSlots(ten)).length;
console.log(`slots_90d_1p_median_ms: ${measure(() => findSlots(one)).toFixed(3)} ms (${oneCount} slots)`);
console.log(
  `slots_90d_10p_median_ms: ${measure(() => mergeAnyPractitioner(findSlots(ten))).toFixed(3)} ms (${tenCount} start times, any practitioner)`,
);
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
