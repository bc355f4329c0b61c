import { vi } from 'vitest';
import { pinnedStart } from './pinned-now';

/*
 * The suite's clock. Unset, tests run on the real date and must pass on any day. `TEST_NOW` pins the
 * start of every test file's clock to that instant; time then flows at its real pace (timers, expiries
 * and waits still work). Every `new Date()` and `Date.now()` of the process follows it, so the
 * server's clock, the demo seed and the tests' own date arithmetic agree; browser tests install the
 * same instant in each browser context (see `launchBrowser`). Used to check the suite on a month-end,
 * a DST week, a Monday and a Sunday.
 */
const start = pinnedStart();
if (start !== null) {
  // Only `Date` is faked: timers stay real, and the fake date advances with real time.
  vi.useFakeTimers({ now: start, toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 5 });
}
