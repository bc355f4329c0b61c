// Load generator of `npm run bench:booking`, forked by bench/booking.ts so that generating load does not
// share the server's event loop. It receives one job over IPC, runs it, sends back one result and exits.
//
// Every client is one keep-alive HTTP connection (its own `http.Agent` with a single socket) that sends a
// request, waits for the whole answer, and sends the next: a closed loop, `clients` requests in flight.
// A request counts when its answer ends inside the measured window (after the warm-up), whenever it was
// sent; requests still in flight when the window closes are awaited and not counted.
//
// Booking job: the free slots of the motif are fetched once at the start (successive 14-day pages of the
// public slot picker, `days=14`), expanded to practitioner + location options. Then each client books
// again and again, as the patient of its booking grant:
// - a "popular" client (a share of them) picks at random among the few earliest options not yet known
//   taken — everyone wants the first slot, so these collide and get 409 SLOT_TAKEN;
// - the others pick at random among all options not yet known taken (spread out, rarely colliding).
// The generator remembers what it learnt, as a patient refreshing the page would: a 201 takes the option
// and the options of the same practitioner that overlap it; a 409 takes the option. Options starting
// within the next 10 minutes are skipped (they would become "too soon" during the run).
import http from 'node:http';

export interface BaselineJob {
  kind: 'baseline';
  base: string;
  path: string;
  clients: number;
  warmupSeconds: number;
  seconds: number;
}

export interface BookingJob {
  kind: 'booking';
  base: string;
  slug: string;
  motifId: string;
  durationMinutes: number;
  /** one booking token per client (the patient of its grant books) */
  tokens: string[];
  warmupSeconds: number;
  seconds: number;
  /** 14-day pages of slots fetched at the start */
  pages: number;
  /** share of clients choosing among the earliest options */
  popularShare: number;
  /** how many of the earliest free options the popular clients choose among */
  popularOptions: number;
  seed: number;
}

export type LoadJob = BaselineJob | BookingJob;

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  kind: LoadJob['kind'];
  clients: number;
  /** length of the measured window, seconds */
  seconds: number;
  /** requests completed in the window, any status */
  completed: number;
  byStatus: Record<string, number>;
  latency: LatencySummary;
  latencyByStatus: Record<string, LatencySummary>;
  /** transport failures (no HTTP answer) in the window */
  networkErrors: number;
  /** first answers that were neither expected nor a conflict */
  errorSamples: string[];
  /** successes per second of the window, in order */
  timeline: number[];
  /** booking only: options offered at the start, slot starts, pages fetched */
  options?: number;
  slotStarts?: number;
  slotsFetchMs?: number;
  /** booking only: answers outside the window — warm-up, and in flight at its end (not counted above) */
  unmeasuredByStatus?: Record<string, number>;
  /** booking only: ids of every appointment answered 201 (warm-up included) */
  bookedIds?: string[];
  /** booking only: options still not known taken at the end */
  optionsLeft?: number;
  /** the generator's own event-loop delay, ms (a busy generator inflates latencies) */
  generatorLagP99Ms: number;
  /** CPU time the generator used during the window, ms */
  generatorCpuMs: number;
}

/** Messages to the parent: the window opens, closes, then the result (or the failure). */
export type LoadMessage =
  | { phase: 'start' }
  | { phase: 'end' }
  | { phase: 'result'; result: LoadResult }
  | { phase: 'failed'; error: string };

interface Answer {
  status: number;
  body: string;
}

function send(agent: http.Agent, base: URL, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (body) request.write(body);
    request.end();
  });
}

function summarise(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** mulberry32, seeded: the same choices for the same answers. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Event-loop delay of this process, sampled every 10 ms. */
function lagMonitor() {
  const lags: number[] = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + 10;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return summarise(lags).p99;
    },
  };
}

/**
 * Runs `clients` closed loops until the window closes; `step(client, agent)` sends one request and
 * returns its answer. Answers ending inside [warm-up end, window end] are recorded.
 */
async function closedLoops(
  clients: number,
  warmupSeconds: number,
  seconds: number,
  step: (client: number, agent: http.Agent) => Promise<Answer | null>,
  onAnswer: (client: number, answer: Answer, measured: boolean) => void,
) {
  const statuses = new Map<number, number[]>();
  const byStatus: Record<string, number> = {};
  const errorSamples: string[] = [];
  let networkErrors = 0;
  const started = performance.now();
  const windowStart = started + warmupSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;
  const timeline = Array.from({ length: Math.ceil(seconds) }, () => 0);
  const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const lag = lagMonitor();
  // tell the parent when the window opens and closes (it samples the server's CPU then), and sample ours
  let cpuAtStart = process.cpuUsage();
  const opened = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send?.({ phase: 'start' });
  }, warmupSeconds * 1000);
  let generatorCpuMs = 0;
  const closed = setTimeout(
    () => {
      const used = process.cpuUsage(cpuAtStart);
      generatorCpuMs = (used.user + used.system) / 1000;
      process.send?.({ phase: 'end' });
    },
    (warmupSeconds + seconds) * 1000,
  );
  await Promise.all(
    agents.map(async (agent, client) => {
      while (performance.now() < windowEnd) {
        const sent = performance.now();
        let answer: Answer | null;
        try {
          answer = await step(client, agent);
        } catch (error) {
          const ended = performance.now();
          if (ended >= windowStart && ended <= windowEnd) {
            networkErrors += 1;
            if (errorSamples.length < 5) errorSamples.push(`network: ${String(error)}`);
          }
          continue;
        }
        if (!answer) break;
        const ended = performance.now();
        const measured = ended >= windowStart && ended <= windowEnd;
        onAnswer(client, answer, measured);
        if (!measured) continue;
        const list = statuses.get(answer.status) ?? [];
        list.push(ended - sent);
        statuses.set(answer.status, list);
        byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
        if (answer.status === 201 || answer.status === 200) {
          const second = Math.floor((ended - windowStart) / 1000);
          if (second < timeline.length) timeline[second] = (timeline[second] ?? 0) + 1;
        }
      }
    }),
  );
  const generatorLagP99Ms = lag.stop();
  clearTimeout(opened);
  clearTimeout(closed);
  for (const agent of agents) agent.destroy();
  const all = [...statuses.values()].flat();
  const latencyByStatus: Record<string, LatencySummary> = {};
  for (const [status, list] of statuses) latencyByStatus[status] = summarise(list);
  return {
    clients,
    seconds,
    completed: all.length,
    byStatus,
    latency: summarise(all),
    latencyByStatus,
    networkErrors,
    errorSamples,
    timeline,
    generatorLagP99Ms,
    generatorCpuMs,
  };
}

async function baseline(job: BaselineJob): Promise<LoadResult> {
  const base = new URL(job.base);
  const errors: string[] = [];
  const result = await closedLoops(
    job.clients,
    job.warmupSeconds,
    job.seconds,
    (_client, agent) => send(agent, base, 'GET', job.path),
    (_client, answer, measured) => {
      if (measured && answer.status !== 200 && errors.length < 5)
        errors.push(`${answer.status} ${answer.body.slice(0, 300)}`);
    },
  );
  return { kind: 'baseline', ...result, errorSamples: [...result.errorSamples, ...errors] };
}

interface Option {
  startMs: number;
  startsAt: string;
  practitionerId: string;
  locationId: string;
}

interface SlotPage {
  slots: { start: string; options: { practitionerId: string; locationId: string }[] }[];
  nextFrom: string | null;
}

async function booking(job: BookingJob): Promise<LoadResult> {
  const base = new URL(job.base);
  const random = generator(job.seed);

  // The free slots, fetched once at the start: successive 14-day pages.
  const fetchStarted = performance.now();
  const options: Option[] = [];
  let slotStarts = 0;
  let from: string | null = null;
  for (let page = 0; page < job.pages; page += 1) {
    const query = `motifId=${job.motifId}&days=14${from ? `&from=${encodeURIComponent(from)}` : ''}`;
    const answer = await fetch(`${job.base}/api/public/practices/${job.slug}/slots?${query}`);
    if (answer.status !== 200) throw new Error(`slots answered ${answer.status}: ${await answer.text()}`);
    const body = (await answer.json()) as SlotPage;
    for (const slot of body.slots) {
      slotStarts += 1;
      for (const option of slot.options)
        options.push({ startMs: Date.parse(slot.start), startsAt: slot.start, ...option });
    }
    if (!body.nextFrom) break;
    from = body.nextFrom;
  }
  const slotsFetchMs = performance.now() - fetchStarted;
  options.sort((a, b) => a.startMs - b.startMs || a.practitionerId.localeCompare(b.practitionerId));
  if (options.length === 0) throw new Error('no free slot offered');

  // What the clients know is taken, by option index; the options of a practitioner, for overlaps.
  const taken = new Uint8Array(options.length);
  let left = options.length;
  const take = (index: number) => {
    if (taken[index]) return;
    taken[index] = 1;
    left -= 1;
  };
  const byPractitioner = new Map<string, number[]>();
  options.forEach((option, index) => {
    const list = byPractitioner.get(option.practitionerId) ?? [];
    list.push(index);
    byPractitioner.set(option.practitionerId, list);
  });
  const durationMs = job.durationMinutes * 60_000;
  const takeOverlapping = (index: number) => {
    const booked = options[index] as Option;
    for (const other of byPractitioner.get(booked.practitionerId) ?? []) {
      const option = options[other] as Option;
      if (Math.abs(option.startMs - booked.startMs) < durationMs) take(other);
    }
  };
  let cursor = 0;
  const earliestFree = () => {
    const soon = Date.now() + 10 * 60_000;
    while (cursor < options.length && (taken[cursor] || (options[cursor] as Option).startMs < soon))
      cursor += 1;
    const found: number[] = [];
    for (let index = cursor; index < options.length && found.length < job.popularOptions; index += 1)
      if (!taken[index]) found.push(index);
    return found;
  };
  const anyFree = () => {
    const soon = Date.now() + 10 * 60_000;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const index = Math.floor(random() * options.length);
      if (!taken[index] && (options[index] as Option).startMs >= soon) return index;
    }
    return earliestFree()[0] ?? -1;
  };
  const popularClients = Math.round(job.tokens.length * job.popularShare);
  const chosen = new Int32Array(job.tokens.length).fill(-1);
  const bookedIds: string[] = [];
  const unmeasuredByStatus: Record<string, number> = {};
  const errors: string[] = [];

  const result = await closedLoops(
    job.tokens.length,
    job.warmupSeconds,
    job.seconds,
    (client, agent) => {
      let index: number;
      if (client < popularClients) {
        const earliest = earliestFree();
        index = earliest.length > 0 ? (earliest[Math.floor(random() * earliest.length)] as number) : -1;
      } else {
        index = anyFree();
      }
      if (index < 0) return Promise.resolve(null); // nothing left to book
      chosen[client] = index;
      const option = options[index] as Option;
      return send(
        agent,
        base,
        'POST',
        `/api/public/practices/${job.slug}/bookings`,
        JSON.stringify({
          bookingToken: job.tokens[client],
          motifId: job.motifId,
          practitionerId: option.practitionerId,
          locationId: option.locationId,
          startsAt: option.startsAt,
        }),
      );
    },
    (client, answer, measured) => {
      const index = chosen[client] ?? -1;
      if (answer.status === 201) {
        bookedIds.push((JSON.parse(answer.body) as { id: string }).id);
        if (index >= 0) takeOverlapping(index);
      } else if (answer.status === 409) {
        if (index >= 0) take(index);
      } else if (errors.length < 5) {
        const option = options[index];
        errors.push(
          `${answer.status} ${answer.body.slice(0, 400)} (practitioner ${option?.practitionerId}, ${option?.startsAt})`,
        );
      }
      if (!measured) unmeasuredByStatus[answer.status] = (unmeasuredByStatus[answer.status] ?? 0) + 1;
    },
  );
  return {
    kind: 'booking',
    ...result,
    errorSamples: [...result.errorSamples, ...errors],
    options: options.length,
    slotStarts,
    slotsFetchMs,
    unmeasuredByStatus,
    bookedIds,
    optionsLeft: left,
  };
}

process.once('message', (job: LoadJob) => {
  const run = job.kind === 'baseline' ? baseline(job) : booking(job);
  run
    .then((result) => process.send?.({ phase: 'result', result }, () => process.exit(0)))
    .catch((error: unknown) =>
      process.send?.(
        { phase: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
        () => process.exit(1),
      ),
    );
});
