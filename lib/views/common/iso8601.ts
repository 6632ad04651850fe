import { Unknown } from '../../graph/values';
import type { Fact } from '../kinds';

/*
 * ISO 8601 durations (`P35D`, `P12W`, `P6M`, `PT4H`) and repeating intervals (`R/2026-01-01T02:00:00+00:00/P1D`),
 * as backup policies write their retention and schedules.
 */

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/** The longest run, in days, of `count` consecutive calendar months (or years, `months` 12) from any start. */
function longestMonths(count: number): number {
  let longest = 0;
  for (let start = 0; start < 48; start++) {
    const from = Date.UTC(2024, start, 1);
    const to = Date.UTC(2024, start + count, 1);
    longest = Math.max(longest, (to - from) / 86_400_000);
  }
  return longest;
}

/**
 * Hours of an ISO 8601 duration. Months and years count their longest calendar run (`P1M` 31 days, `P1Y` 366), so
 * that a retention is never read shorter than it can be.
 */
export function durationHours(text: string): Fact<number> {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim().length < 3 || /T$/i.test(text.trim()))
    return new Unknown(`\`${text}\` is not an ISO 8601 duration`);
  const [y, mo, w, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const days = longestMonths(y! * 12 + mo!) + w! * 7 + d!;
  return days * 24 + h! + min! / 60 + s! / 3600;
}

/** Days of an ISO 8601 duration (see {@link durationHours}), rounded up. */
export function durationDays(text: string): Fact<number> {
  const h = durationHours(text);
  return h instanceof Unknown ? h : Math.ceil(h / 24);
}

/**
 * The longest gap, in hours, between two runs of a set of ISO 8601 repeating intervals (`R[n]/<start>/<duration>`),
 * all of one duration: the distance between their start times around that period. Bounded repetitions (`R5/`) and
 * intervals of different lengths are Unknown.
 */
export function repeatingIntervalHours(intervals: readonly string[]): Fact<number> {
  if (intervals.length === 0) return new Unknown('no repeating interval');
  let period: number | undefined;
  const offsets: number[] = [];
  for (const text of intervals) {
    const parts = text.trim().split('/');
    if (parts.length !== 3 || !/^R$/i.test(parts[0]!))
      return new Unknown(
        `\`${text}\` is not an unbounded ISO 8601 repeating interval (\`R/<start>/<duration>\`)`,
      );
    const start = Date.parse(parts[1]!);
    if (Number.isNaN(start)) return new Unknown(`the start of \`${text}\` cannot be read`);
    const hours = durationHours(parts[2]!);
    if (hours instanceof Unknown) return hours;
    if (hours <= 0) return new Unknown(`\`${text}\` repeats every 0 hours`);
    if (period !== undefined && period !== hours)
      return new Unknown(
        `the intervals ${intervals.map((i) => `\`${i}\``).join(', ')} repeat at different periods`,
      );
    period = hours;
    offsets.push(start / 3_600_000);
  }
  const p = period!;
  const within = [...new Set(offsets.map((o) => ((o % p) + p) % p))].sort((a, b) => a - b);
  let gap = within[0]! + p - within[within.length - 1]!;
  for (let i = 1; i < within.length; i++) gap = Math.max(gap, within[i]! - within[i - 1]!);
  return gap;
}
