import { Unknown } from '../../lib/graph/values';
import { durationDays, durationHours, repeatingIntervalHours } from '../../lib/views/common/iso8601';

describe('ISO 8601 durations of backup policies', () => {
  it('reads days, weeks and hours', () => {
    expect(durationDays('P35D')).toBe(35);
    expect(durationDays('P12W')).toBe(84);
    expect(durationHours('PT4H')).toBe(4);
  });

  it('reads months and years at their longest calendar run, never shorter', () => {
    expect(durationDays('P1M')).toBe(31);
    expect(durationDays('P6M')).toBe(184);
    expect(durationDays('P1Y')).toBe(366);
  });

  it('is Unknown for what is not a duration', () => {
    expect(durationDays('35 days')).toBeInstanceOf(Unknown);
    expect(durationDays('P')).toBeInstanceOf(Unknown);
    expect(durationDays('PT')).toBeInstanceOf(Unknown);
  });
});

describe('ISO 8601 repeating intervals of backup schedules', () => {
  it('a daily schedule runs every 24 hours', () => {
    expect(repeatingIntervalHours(['R/2026-01-01T02:00:00+00:00/P1D'])).toBe(24);
  });

  it('every four hours', () => {
    expect(repeatingIntervalHours(['R/2021-03-03T12:49:55+05:30/PT4H'])).toBe(4);
  });

  it('weekly schedules on several days: the longest gap between two of them', () => {
    expect(
      repeatingIntervalHours([
        'R/2026-01-05T02:00:00+00:00/P1W', // Monday
        'R/2026-01-07T02:00:00+00:00/P1W', // Wednesday
      ]),
    ).toBe(120);
  });

  it('is Unknown for bounded repetitions, mixed periods and unreadable starts', () => {
    expect(repeatingIntervalHours(['R5/2026-01-01T02:00:00Z/P1D'])).toBeInstanceOf(Unknown);
    expect(
      repeatingIntervalHours(['R/2026-01-01T02:00:00Z/P1D', 'R/2026-01-01T02:00:00Z/P1W']),
    ).toBeInstanceOf(Unknown);
    expect(repeatingIntervalHours(['R/yesterday/P1D'])).toBeInstanceOf(Unknown);
    expect(repeatingIntervalHours([])).toBeInstanceOf(Unknown);
  });
});
