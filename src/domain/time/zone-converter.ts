import { Temporal } from 'temporal-polyfill';
import { dayMs } from './local-date';

interface Segment {
  /** first instant (ms) with this offset */
  from: number;
  /** first instant (ms) after it */
  to: number;
  offsetMs: number;
}

/**
 * Converts local wall times of one time zone to instants, fast, over a window. Temporal finds the
 * offset changes (DST transitions) of the window once; each conversion is then arithmetic. Ambiguous
 * times follow Temporal's 'compatible' rule: a time skipped in spring moves forward by the gap (02:30 →
 * 03:30), a time repeated in autumn takes its first occurrence.
 */
export class ZoneConverter {
  private readonly segments: Segment[];

  constructor(
    readonly timeZone: string,
    fromMs: number,
    toMs: number,
  ) {
    const start = fromMs - 2 * dayMs;
    const end = toMs + 2 * dayMs;
    const segments: Segment[] = [];
    let cursor = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(timeZone);
    let segmentStart = Number.NEGATIVE_INFINITY;
    for (;;) {
      const next = cursor.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds > end) {
        segments.push({
          from: segmentStart,
          to: Number.POSITIVE_INFINITY,
          offsetMs: cursor.offsetNanoseconds / 1e6,
        });
        break;
      }
      segments.push({
        from: segmentStart,
        to: next.epochMilliseconds,
        offsetMs: cursor.offsetNanoseconds / 1e6,
      });
      segmentStart = next.epochMilliseconds;
      cursor = next;
    }
    this.segments = segments;
  }

  /** The instant (ms) of floating local milliseconds. */
  toInstant(local: number): number {
    const segments = this.segments;
    if (segments.length === 1) return local - (segments[0] as Segment).offsetMs;
    let match = Number.NaN;
    let matches = 0;
    for (const segment of segments) {
      const candidate = local - segment.offsetMs;
      if (candidate >= segment.from && candidate < segment.to) {
        if (matches === 0) match = candidate;
        matches += 1;
      }
    }
    // 1 match: a normal time. 2: repeated in autumn → the first (earlier) instant, found first.
    if (matches > 0) return match;
    // 0: skipped in spring → the offset before the gap, which lands after it.
    for (let index = 1; index < segments.length; index += 1) {
      const before = segments[index - 1] as Segment;
      const after = segments[index] as Segment;
      if (local - after.offsetMs < after.from && local - before.offsetMs >= before.to)
        return local - before.offsetMs;
    }
    return local - (segments[0] as Segment).offsetMs;
  }

  /** Floating local milliseconds of an instant. */
  toLocal(instant: number): number {
    for (const segment of this.segments) {
      if (instant >= segment.from && instant < segment.to) return instant + segment.offsetMs;
    }
    return instant + (this.segments[0] as Segment).offsetMs;
  }
}
