/**
 * The instant the suite's clock is pinned to, from `TEST_NOW` (an ISO instant, e.g.
 * `TEST_NOW=2027-03-29T07:30:00Z npm test`), or null when the suite runs on the real date.
 * See `suite-clock.ts`.
 */
export function pinnedStart(): number | null {
  const value = process.env.TEST_NOW;
  if (!value) return null;
  const start = Date.parse(value);
  if (Number.isNaN(start)) throw new Error(`TEST_NOW is not an ISO instant: ${value}`);
  return start;
}
