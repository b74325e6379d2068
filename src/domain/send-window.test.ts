import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { SendWindow, Weekday } from './send-window.ts';
import { DomainError } from './errors.ts';
import {
  DEFAULT_SEND_WINDOW,
  InvalidSendWindowError,
  SendWindowUnreachableError,
  formatLocalDate,
  instantOfWallClock,
  isInsideWindow,
  isValidTimeZone,
  nextSendTime,
  parseLocalDate,
  planSendTimes,
  validateSendWindow,
  wallClockOf,
  weekdayOf,
} from './send-window.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

const utc = (iso: string): Date => new Date(iso);
/** A local time that is unambiguous in the zone (never use it on a DST transition: those tests spell out UTC). */
const local = (iso: string, zone: string): Date => {
  const d = DateTime.fromISO(iso, { zone });
  assert.ok(d.isValid, `bad local time ${iso} in ${zone}`);
  return d.toJSDate();
};
const win = (over: Partial<SendWindow>): SendWindow => ({ ...DEFAULT_SEND_WINDOW, ...over });
const iso = (d: Date): string => d.toISOString();

describe('DEFAULT_SEND_WINDOW', () => {
  it('is Tuesday to Thursday 08:00-11:00 with a UTC fallback, frozen, and valid', () => {
    assert.deepEqual([...DEFAULT_SEND_WINDOW.days], [2, 3, 4]);
    assert.equal(DEFAULT_SEND_WINDOW.startHour, 8);
    assert.equal(DEFAULT_SEND_WINDOW.endHour, 11);
    assert.equal(DEFAULT_SEND_WINDOW.timeZone, 'UTC');
    assert.ok(Object.isFrozen(DEFAULT_SEND_WINDOW));
    assert.ok(Object.isFrozen(DEFAULT_SEND_WINDOW.days));
    assert.deepEqual(validateSendWindow(DEFAULT_SEND_WINDOW), []);
  });
});

describe('validateSendWindow', () => {
  const fields = (w: SendWindow) => validateSendWindow(w).map((e) => e.field);

  it('reports empty days and days outside 1..7', () => {
    assert.deepEqual(fields(win({ days: [] })), ['days']);
    assert.deepEqual(fields(win({ days: [0, 3, 8, 2.5] as unknown as Weekday[] })), [
      'days.0',
      'days.2',
      'days.3',
    ]);
  });

  it('reports an end at or before the start, and out-of-range hours and minutes', () => {
    assert.deepEqual(fields(win({ startHour: 11, endHour: 11 })), ['endHour']);
    assert.deepEqual(fields(win({ startHour: 12, endHour: 9 })), ['endHour']);
    assert.match(
      validateSendWindow(win({ startHour: 12, endHour: 9 }))[0]?.message ?? '',
      /after start 12:00/,
    );
    assert.deepEqual(fields(win({ startHour: 24 })), ['startHour']);
    assert.deepEqual(fields(win({ startMinute: 60 })), ['startMinute']);
    assert.deepEqual(fields(win({ endHour: 25 })), ['endHour']);
    assert.deepEqual(fields(win({ endMinute: -1 })), ['endMinute']);
    assert.deepEqual(fields(win({ endHour: 24, endMinute: 30 })), ['endMinute']);
  });

  it('accepts 24:00 as the end of the day', () => {
    assert.deepEqual(validateSendWindow(win({ startHour: 20, endHour: 24, endMinute: 0 })), []);
  });

  it('reports holidays that are not real YYYY-MM-DD dates', () => {
    assert.deepEqual(
      fields(win({ holidays: ['2024-12-25', '2024-02-30', '2024-1-1', 'tomorrow', '2024-02-29'] })),
      ['holidays.1', 'holidays.2', 'holidays.3'],
    );
  });

  it('reports an unknown fallback time zone', () => {
    assert.deepEqual(fields(win({ timeZone: 'Mars/Olympus_Mons' })), ['timeZone']);
    assert.deepEqual(fields(win({ timeZone: '' })), ['timeZone']);
  });

  it('reports every problem at once', () => {
    assert.deepEqual(
      fields(win({ days: [], startHour: 10, endHour: 9, holidays: ['x'], timeZone: 'Nowhere' })),
      ['days', 'endHour', 'holidays.0', 'timeZone'],
    );
  });
});

describe('calendar and wall-clock helpers', () => {
  it('parses and formats local dates', () => {
    assert.equal(parseLocalDate('1970-01-01'), 0);
    assert.equal(parseLocalDate('2024-03-10'), 19792);
    assert.equal(parseLocalDate('1969-12-31'), -1);
    assert.equal(parseLocalDate('2023-02-29'), null);
    assert.equal(parseLocalDate('2024-03-10T00:00'), null);
    assert.equal(formatLocalDate(19792), '2024-03-10');
    assert.equal(formatLocalDate(-1), '1969-12-31');
  });

  it('knows weekdays, before 1970 too', () => {
    assert.equal(weekdayOf(0), 4);
    assert.equal(weekdayOf(parseLocalDate('2024-06-03') ?? NaN), 1);
    assert.equal(weekdayOf(parseLocalDate('2024-06-09') ?? NaN), 7);
    assert.equal(weekdayOf(-1), 3);
    assert.equal(weekdayOf(-4), 7);
  });

  it('validates zone names', () => {
    assert.ok(isValidTimeZone('Asia/Kolkata'));
    assert.ok(isValidTimeZone('UTC'));
    assert.ok(!isValidTimeZone('Mars/Olympus_Mons'));
    assert.ok(!isValidTimeZone(''));
    assert.ok(!isValidTimeZone(null));
    assert.ok(!isValidTimeZone(undefined));
  });

  it('reads the wall clock, with half-hour offsets', () => {
    assert.deepEqual(wallClockOf(utc('2024-06-04T02:30:00Z'), 'Asia/Kolkata'), {
      day: parseLocalDate('2024-06-04'),
      msOfDay: 8 * HOUR,
    });
    assert.deepEqual(wallClockOf(utc('2024-06-03T23:00:00Z'), 'Asia/Tokyo'), {
      day: parseLocalDate('2024-06-04'),
      msOfDay: 8 * HOUR,
    });
    assert.throws(() => wallClockOf(new Date(), 'Nowhere/Land'), RangeError);
  });

  it('resolves a time skipped by spring-forward to the first instant after the gap', () => {
    const day = (s: string) => parseLocalDate(s) ?? NaN;
    // New York 2024-03-10: 02:00 EST -> 03:00 EDT.
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-03-10'), msOfDay: 2.5 * HOUR }, 'America/New_York')),
      '2024-03-10T07:00:00.000Z',
    );
    // Berlin 2024-03-31: 02:00 CET -> 03:00 CEST.
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-03-31'), msOfDay: 2.25 * HOUR }, 'Europe/Berlin')),
      '2024-03-31T01:00:00.000Z',
    );
    // Lord Howe moves by only 30 minutes: 02:00 -> 02:30.
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-10-06'), msOfDay: 2.25 * HOUR }, 'Australia/Lord_Howe')),
      '2024-10-05T15:30:00.000Z',
    );
    // Samoa skipped the whole of 2011-12-30.
    assert.equal(
      iso(instantOfWallClock({ day: day('2011-12-30'), msOfDay: 9 * HOUR }, 'Pacific/Apia')),
      '2011-12-30T10:00:00.000Z',
    );
  });

  it('resolves a time repeated by fall-back to its first occurrence, whatever the real date is', () => {
    const day = (s: string) => parseLocalDate(s) ?? NaN;
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-11-03'), msOfDay: 1.5 * HOUR }, 'America/New_York')),
      '2024-11-03T05:30:00.000Z',
    );
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-10-27'), msOfDay: 2.5 * HOUR }, 'Europe/Berlin')),
      '2024-10-27T00:30:00.000Z',
    );
    assert.equal(
      iso(instantOfWallClock({ day: day('2024-04-07'), msOfDay: 2.5 * HOUR }, 'Australia/Sydney')),
      '2024-04-06T15:30:00.000Z',
    );
  });
});

describe('nextSendTime: placement across zones', () => {
  // Monday 2024-06-03 12:00 UTC: already Monday evening in Asia, Monday morning in the Americas.
  const mondayNoonUtc = utc('2024-06-03T12:00:00Z');
  const cases: [zone: string, at: string, closes: string][] = [
    ['Asia/Tokyo', '2024-06-03T23:00:00.000Z', '2024-06-04T02:00:00.000Z'],
    ['Europe/Berlin', '2024-06-04T06:00:00.000Z', '2024-06-04T09:00:00.000Z'],
    ['America/Los_Angeles', '2024-06-04T15:00:00.000Z', '2024-06-04T18:00:00.000Z'],
    ['Australia/Sydney', '2024-06-03T22:00:00.000Z', '2024-06-04T01:00:00.000Z'],
    ['Asia/Kolkata', '2024-06-04T02:30:00.000Z', '2024-06-04T05:30:00.000Z'],
    ['UTC', '2024-06-04T08:00:00.000Z', '2024-06-04T11:00:00.000Z'],
  ];
  for (const [zone, at, closes] of cases) {
    it(`opens Tuesday 08:00 local in ${zone}`, () => {
      const r = nextSendTime(mondayNoonUtc, zone, DEFAULT_SEND_WINDOW);
      assert.deepEqual(
        { at: iso(r.at), closesAt: iso(r.closesAt), timeZone: r.timeZone, fellBack: r.fellBack },
        { at, closesAt: closes, timeZone: zone, fellBack: false },
      );
    });
  }

  it('uses the summer offset in Sydney in December (AEDT, +11)', () => {
    const r = nextSendTime(utc('2024-12-02T12:00:00Z'), 'Australia/Sydney', DEFAULT_SEND_WINDOW);
    assert.equal(iso(r.at), '2024-12-02T21:00:00.000Z');
  });

  const zones = ['Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata'];
  for (const zone of zones) {
    it(`returns now when now is inside the window (${zone})`, () => {
      const now = local('2024-06-05T09:17:23.456', zone);
      const r = nextSendTime(now, zone, DEFAULT_SEND_WINDOW);
      assert.equal(+r.at, +now);
      assert.equal(+r.closesAt, +local('2024-06-05T11:00', zone));
    });

    it(`waits for today's opening when now is before it (${zone})`, () => {
      const r = nextSendTime(local('2024-06-05T07:59:59.999', zone), zone, DEFAULT_SEND_WINDOW);
      assert.equal(+r.at, +local('2024-06-05T08:00', zone));
    });

    it(`rolls over the weekend when now is after Thursday's window (${zone})`, () => {
      const r = nextSendTime(local('2024-06-06T11:00', zone), zone, DEFAULT_SEND_WINDOW);
      assert.equal(+r.at, +local('2024-06-11T08:00', zone));
    });
  }

  it('treats the start as inclusive and the end as exclusive', () => {
    const zone = 'Asia/Kolkata';
    assert.equal(
      +nextSendTime(local('2024-06-04T08:00', zone), zone, DEFAULT_SEND_WINDOW).at,
      +local('2024-06-04T08:00', zone),
    );
    const justBefore = local('2024-06-04T10:59:59.999', zone);
    assert.equal(+nextSendTime(justBefore, zone, DEFAULT_SEND_WINDOW).at, +justBefore);
    assert.equal(
      +nextSendTime(local('2024-06-04T11:00', zone), zone, DEFAULT_SEND_WINDOW).at,
      +local('2024-06-05T08:00', zone),
    );
  });

  it('moves Friday, Saturday, Sunday and Monday sends to Tuesday', () => {
    for (const day of ['2024-06-07', '2024-06-08', '2024-06-09', '2024-06-10']) {
      const r = nextSendTime(local(`${day}T09:00`, 'Europe/Berlin'), 'Europe/Berlin', DEFAULT_SEND_WINDOW);
      assert.equal(+r.at, +local('2024-06-11T08:00', 'Europe/Berlin'), day);
    }
  });

  it('rolls a Monday-to-Friday window from Friday evening to Monday morning', () => {
    const w = win({ days: [1, 2, 3, 4, 5] });
    const r = nextSendTime(local('2024-06-07T18:00', 'America/Los_Angeles'), 'America/Los_Angeles', w);
    assert.equal(+r.at, +local('2024-06-10T08:00', 'America/Los_Angeles'));
  });

  it('judges the weekday on the recipient calendar, not the UTC one', () => {
    // Wednesday 23:30 UTC is already Thursday 08:30 in Tokyo (inside), but Wednesday 16:30 in Los Angeles.
    const now = utc('2024-06-05T23:30:00Z');
    assert.equal(+nextSendTime(now, 'Asia/Tokyo', DEFAULT_SEND_WINDOW).at, +now);
    assert.equal(
      +nextSendTime(now, 'America/Los_Angeles', DEFAULT_SEND_WINDOW).at,
      +local('2024-06-06T08:00', 'America/Los_Angeles'),
    );
  });

  it('supports a window that runs until midnight', () => {
    const w = win({ days: ALL_DAYS, startHour: 22, endHour: 24 });
    const now = local('2024-06-04T23:59:30', 'Asia/Kolkata');
    const r = nextSendTime(now, 'Asia/Kolkata', w);
    assert.equal(+r.at, +now);
    assert.equal(+r.closesAt, +local('2024-06-05T00:00', 'Asia/Kolkata'));
  });
});

describe('nextSendTime: daylight saving time', () => {
  const sundays = (over: Partial<SendWindow>) => win({ days: [7], ...over });

  it('New York spring forward: a 02:30 start opens at 03:00 EDT, the first instant after the gap', () => {
    const r = nextSendTime(
      utc('2024-03-10T05:00:00Z'),
      'America/New_York',
      sundays({ startHour: 2, startMinute: 30, endHour: 4 }),
    );
    assert.equal(iso(r.at), '2024-03-10T07:00:00.000Z');
    assert.equal(iso(r.closesAt), '2024-03-10T08:00:00.000Z');
  });

  it('New York spring forward: a window wholly inside the gap does not open that day', () => {
    const w = sundays({ startHour: 2, startMinute: 0, endHour: 2, endMinute: 30 });
    const r = nextSendTime(utc('2024-03-10T05:00:00Z'), 'America/New_York', w);
    assert.equal(iso(r.at), '2024-03-17T06:00:00.000Z');
    assert.ok(!isInsideWindow(utc('2024-03-10T07:00:00Z'), 'America/New_York', w));
  });

  it('New York fall back: the repeated hour opens the window once, at its first occurrence', () => {
    const w = sundays({ startHour: 1, startMinute: 0, endHour: 1, endMinute: 45 });
    const first = nextSendTime(utc('2024-11-03T04:00:00Z'), 'America/New_York', w);
    assert.equal(iso(first.at), '2024-11-03T05:00:00.000Z'); // 01:00 EDT
    assert.equal(iso(first.closesAt), '2024-11-03T05:45:00.000Z'); // 01:45 EDT
    // After the first pass closes, the second 01:00 (EST, 06:00Z) is not a new opening: next Sunday is.
    const after = nextSendTime(utc('2024-11-03T05:50:00Z'), 'America/New_York', w);
    assert.equal(iso(after.at), '2024-11-10T06:00:00.000Z');
    assert.ok(isInsideWindow(utc('2024-11-03T05:30:00Z'), 'America/New_York', w));
    assert.ok(!isInsideWindow(utc('2024-11-03T06:30:00Z'), 'America/New_York', w));
  });

  it('New York fall back: a window spanning the repeated hour stays open through it (3.5 real hours)', () => {
    const w = sundays({ startHour: 0, startMinute: 30, endHour: 3 });
    const r = nextSendTime(utc('2024-11-03T00:00:00Z'), 'America/New_York', w);
    assert.equal(iso(r.at), '2024-11-03T04:30:00.000Z'); // 00:30 EDT
    assert.equal(iso(r.closesAt), '2024-11-03T08:00:00.000Z'); // 03:00 EST
    const secondPass = utc('2024-11-03T06:15:00Z'); // 01:15 EST
    assert.equal(+nextSendTime(secondPass, 'America/New_York', w).at, +secondPass);
  });

  it('New York: the default window keeps 08:00 local across the week of the change', () => {
    const spring = nextSendTime(utc('2024-03-07T17:00:00Z'), 'America/New_York', DEFAULT_SEND_WINDOW);
    assert.equal(iso(spring.at), '2024-03-12T12:00:00.000Z'); // 08:00 EDT (it was 13:00Z the week before)
    const fall = nextSendTime(utc('2024-10-31T17:00:00Z'), 'America/New_York', DEFAULT_SEND_WINDOW);
    assert.equal(iso(fall.at), '2024-11-05T13:00:00.000Z'); // 08:00 EST
  });

  it('Berlin spring forward: a 02:15 start opens at 03:00 CEST', () => {
    const r = nextSendTime(
      utc('2024-03-30T23:00:00Z'),
      'Europe/Berlin',
      sundays({ startHour: 2, startMinute: 15, endHour: 3, endMinute: 30 }),
    );
    assert.equal(iso(r.at), '2024-03-31T01:00:00.000Z');
    assert.equal(iso(r.closesAt), '2024-03-31T01:30:00.000Z');
  });

  it('Berlin fall back: 02:00-02:45 opens once (CEST), not again at 02:00 CET', () => {
    const w = sundays({ startHour: 2, startMinute: 0, endHour: 2, endMinute: 45 });
    const r = nextSendTime(utc('2024-10-26T22:00:00Z'), 'Europe/Berlin', w);
    assert.equal(iso(r.at), '2024-10-27T00:00:00.000Z');
    assert.equal(iso(r.closesAt), '2024-10-27T00:45:00.000Z');
    const after = nextSendTime(utc('2024-10-27T00:50:00Z'), 'Europe/Berlin', w);
    assert.equal(iso(after.at), '2024-11-03T01:00:00.000Z');
  });

  it('Berlin: the default window keeps 08:00 local across the week of the change', () => {
    const r = nextSendTime(utc('2024-10-24T12:00:00Z'), 'Europe/Berlin', DEFAULT_SEND_WINDOW);
    assert.equal(iso(r.at), '2024-10-29T07:00:00.000Z'); // 08:00 CET (06:00Z the week before)
  });

  it('Sydney spring forward on a southern-hemisphere October Sunday', () => {
    const r = nextSendTime(
      utc('2024-10-05T13:00:00Z'),
      'Australia/Sydney',
      sundays({ startHour: 2, startMinute: 30, endHour: 5 }),
    );
    assert.equal(iso(r.at), '2024-10-05T16:00:00.000Z'); // 03:00 AEDT
  });
});

describe('nextSendTime: holidays, notBefore, fallback and errors', () => {
  it('skips holidays as whole local days', () => {
    const w = win({ holidays: ['2024-06-04'] });
    const r = nextSendTime(utc('2024-06-03T12:00:00Z'), 'Europe/Berlin', w);
    assert.equal(+r.at, +local('2024-06-05T08:00', 'Europe/Berlin'));
  });

  it('reads holidays on the recipient calendar', () => {
    const w = win({ holidays: ['2024-06-04'] });
    const now = utc('2024-06-03T12:00:00Z');
    assert.equal(+nextSendTime(now, 'Asia/Tokyo', w).at, +local('2024-06-05T08:00', 'Asia/Tokyo'));
    assert.equal(
      +nextSendTime(now, 'America/Los_Angeles', w).at,
      +local('2024-06-05T08:00', 'America/Los_Angeles'),
    );
  });

  it('closes a window that is open when its day is a holiday', () => {
    const w = win({ holidays: ['2024-06-05'] });
    const now = local('2024-06-05T09:00', 'Asia/Kolkata');
    assert.ok(!isInsideWindow(now, 'Asia/Kolkata', w));
    assert.equal(+nextSendTime(now, 'Asia/Kolkata', w).at, +local('2024-06-06T08:00', 'Asia/Kolkata'));
  });

  it('skips a run of holidays into the next week', () => {
    const w = win({ holidays: ['2024-06-04', '2024-06-05', '2024-06-06'] });
    const r = nextSendTime(utc('2024-06-03T12:00:00Z'), 'Europe/Berlin', w);
    assert.equal(+r.at, +local('2024-06-11T08:00', 'Europe/Berlin'));
  });

  it('never places a send before notBefore', () => {
    const zone = 'Europe/Berlin';
    const now = utc('2024-06-03T12:00:00Z');
    const inside = local('2024-06-05T09:30', zone);
    assert.equal(+nextSendTime(now, zone, DEFAULT_SEND_WINDOW, { notBefore: inside }).at, +inside);
    const outside = local('2024-06-05T12:00', zone);
    assert.equal(
      +nextSendTime(now, zone, DEFAULT_SEND_WINDOW, { notBefore: outside }).at,
      +local('2024-06-06T08:00', zone),
    );
    // A notBefore in the past changes nothing.
    const past = utc('2024-01-01T00:00:00Z');
    assert.equal(
      +nextSendTime(now, zone, DEFAULT_SEND_WINDOW, { notBefore: past }).at,
      +nextSendTime(now, zone, DEFAULT_SEND_WINDOW).at,
    );
  });

  it('falls back to the window zone for an unknown, empty or missing zone, and says so', () => {
    const now = utc('2024-06-03T12:00:00Z');
    for (const zone of ['Mars/Olympus_Mons', '', null, undefined]) {
      const r = nextSendTime(now, zone, DEFAULT_SEND_WINDOW);
      assert.deepEqual(
        { at: iso(r.at), timeZone: r.timeZone, fellBack: r.fellBack },
        {
          at: '2024-06-04T08:00:00.000Z',
          timeZone: 'UTC',
          fellBack: true,
        },
      );
    }
    const berlin = nextSendTime(now, 'Mars/Olympus_Mons', win({ timeZone: 'Europe/Berlin' }));
    assert.equal(berlin.timeZone, 'Europe/Berlin');
    assert.equal(iso(berlin.at), '2024-06-04T06:00:00.000Z');
    assert.ok(isInsideWindow(utc('2024-06-04T08:30:00Z'), 'Mars/Olympus_Mons', DEFAULT_SEND_WINDOW));
  });

  it('throws InvalidSendWindowError for a malformed window', () => {
    assert.throws(
      () => nextSendTime(new Date(), 'UTC', win({ days: [], endHour: 7 })),
      (e: unknown) =>
        e instanceof InvalidSendWindowError &&
        e instanceof DomainError &&
        e.kind === 'invalid' &&
        e.code === 'invalid_send_window' &&
        e.errors.map((x) => x.field).join() === 'days,endHour' &&
        e.details.fields === e.errors,
    );
    assert.throws(() => isInsideWindow(new Date(), 'UTC', win({ days: [] })), InvalidSendWindowError);
    assert.throws(() => planSendTimes(new Date(), [], win({ days: [] })), InvalidSendWindowError);
  });

  it('throws SendWindowUnreachableError instead of searching forever', () => {
    // Every Tuesday for three years is a holiday.
    const tuesdays: string[] = [];
    for (let d = DateTime.fromISO('2024-06-04', { zone: 'utc' }); d.year < 2027; d = d.plus({ weeks: 1 })) {
      tuesdays.push(d.toISODate() ?? '');
    }
    const w = win({ days: [2], holidays: tuesdays });
    assert.throws(
      () => nextSendTime(utc('2024-06-03T12:00:00Z'), 'Europe/Berlin', w),
      (e: unknown) =>
        e instanceof SendWindowUnreachableError &&
        e instanceof DomainError &&
        e.kind === 'unprocessable' &&
        e.code === 'send_window_unreachable' &&
        e.timeZone === 'Europe/Berlin',
    );
  });

  it('rejects an invalid now', () => {
    assert.throws(() => nextSendTime(new Date(NaN), 'UTC', DEFAULT_SEND_WINDOW), RangeError);
    assert.throws(
      () => nextSendTime(new Date(), 'UTC', DEFAULT_SEND_WINDOW, { notBefore: new Date(NaN) }),
      RangeError,
    );
  });
});

describe('spreading', () => {
  const zone = 'Europe/Berlin';
  const monday = utc('2024-06-03T12:00:00Z');
  const opens = local('2024-06-04T08:00', zone);
  const closes = local('2024-06-04T11:00', zone);

  it('is deterministic per key and varies between keys', () => {
    const a1 = nextSendTime(monday, zone, DEFAULT_SEND_WINDOW, { spreadKey: 'cand-1' });
    const a2 = nextSendTime(monday, zone, DEFAULT_SEND_WINDOW, { spreadKey: 'cand-1' });
    const b = nextSendTime(monday, zone, DEFAULT_SEND_WINDOW, { spreadKey: 'cand-2' });
    assert.equal(+a1.at, +a2.at);
    assert.notEqual(+a1.at, +b.at);
    assert.equal(+a1.closesAt, +closes);
  });

  it('spreads 10,000 recipients evenly over the whole opening, every send inside it, on whole seconds', () => {
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({ id: `cand-${i}`, timeZone: zone }));
    const plan = planSendTimes(monday, recipients, DEFAULT_SEND_WINDOW);
    assert.equal(plan.length, 10_000);
    const buckets = new Array<number>(12).fill(0);
    const distinct = new Set<number>();
    for (const [i, p] of plan.entries()) {
      assert.equal(p.id, `cand-${i}`);
      assert.ok(+p.at >= +opens && +p.at < +closes, iso(p.at));
      assert.equal((+p.at - +opens) % 1000, 0);
      const b = Math.floor((+p.at - +opens) / (15 * MINUTE));
      buckets[b] = (buckets[b] ?? 0) + 1;
      distinct.add(+p.at);
    }
    // 833 expected per quarter hour; a fair hash stays well within +-20%.
    for (const n of buckets) assert.ok(n > 666 && n < 1000, `bucket of ${n}`);
    // 10,000 keys hashed into 10,800 seconds: ~6,500 distinct seconds and no pile-up on any one of them.
    const perSecond = new Map<number, number>();
    for (const p of plan) perSecond.set(+p.at, (perSecond.get(+p.at) ?? 0) + 1);
    assert.ok(distinct.size > 6_000, `${distinct.size} distinct send times`);
    assert.ok(Math.max(...perSecond.values()) <= 8, `${Math.max(...perSecond.values())} sends in one second`);
    // Spot check against the one-at-a-time API.
    const one = nextSendTime(monday, zone, DEFAULT_SEND_WINDOW, { spreadKey: 'cand-42' });
    assert.equal(+one.at, +(plan[42]?.at ?? 0));
  });

  it('spreads over what is left of the window when now is already inside it', () => {
    const now = local('2024-06-04T10:00', zone);
    for (let i = 0; i < 500; i++) {
      const r = nextSendTime(now, zone, DEFAULT_SEND_WINDOW, { spreadKey: `late-${i}` });
      assert.ok(+r.at >= +now && +r.at < +closes, iso(r.at));
    }
  });

  it('still sends now when only part of a second of the window is left', () => {
    const now = local('2024-06-04T10:59:59.500', zone);
    assert.equal(+nextSendTime(now, zone, DEFAULT_SEND_WINDOW, { spreadKey: 'x' }).at, +now);
  });

  it('spreads within a window shortened by the spring-forward gap', () => {
    const w = win({ days: [7], startHour: 2, startMinute: 30, endHour: 4 });
    for (let i = 0; i < 200; i++) {
      const r = nextSendTime(utc('2024-03-10T05:00:00Z'), 'America/New_York', w, { spreadKey: `k${i}` });
      assert.ok(+r.at >= +utc('2024-03-10T07:00:00Z') && +r.at < +utc('2024-03-10T08:00:00Z'), iso(r.at));
    }
  });

  it('plans a mixed-zone dry run, each recipient inside their own window, and unspread on request', () => {
    const recipients = [
      { id: 'tokyo', timeZone: 'Asia/Tokyo' },
      { id: 'kolkata', timeZone: 'Asia/Kolkata' },
      { id: 'sydney', timeZone: 'Australia/Sydney' },
      { id: 'la', timeZone: 'America/Los_Angeles' },
      { id: 'nowhere', timeZone: 'Nowhere/Land' },
      { id: 'tokyo-2', timeZone: 'Asia/Tokyo' },
    ];
    const plan = planSendTimes(monday, recipients, DEFAULT_SEND_WINDOW);
    assert.deepEqual(
      plan.map((p) => p.id),
      recipients.map((r) => r.id),
    );
    for (const p of plan) {
      const r = recipients.find((x) => x.id === p.id);
      assert.ok(isInsideWindow(p.at, r?.timeZone, DEFAULT_SEND_WINDOW), p.id);
    }
    assert.deepEqual(
      plan.map((p) => [p.timeZone, p.fellBack]),
      [
        ['Asia/Tokyo', false],
        ['Asia/Kolkata', false],
        ['Australia/Sydney', false],
        ['America/Los_Angeles', false],
        ['UTC', true],
        ['Asia/Tokyo', false],
      ],
    );
    const flat = planSendTimes(monday, recipients, DEFAULT_SEND_WINDOW, { spread: false });
    assert.equal(iso(flat[0]?.at ?? new Date(0)), '2024-06-03T23:00:00.000Z');
    assert.equal(iso(flat[1]?.at ?? new Date(0)), '2024-06-04T02:30:00.000Z');
    assert.equal(+(flat[0]?.at ?? 0), +(flat[5]?.at ?? 1));
  });
});

describe('isInsideWindow', () => {
  it('follows the window edges in a half-hour zone', () => {
    const w = DEFAULT_SEND_WINDOW;
    assert.ok(!isInsideWindow(utc('2024-06-04T02:29:59.999Z'), 'Asia/Kolkata', w));
    assert.ok(isInsideWindow(utc('2024-06-04T02:30:00Z'), 'Asia/Kolkata', w));
    assert.ok(isInsideWindow(utc('2024-06-04T05:29:59.999Z'), 'Asia/Kolkata', w));
    assert.ok(!isInsideWindow(utc('2024-06-04T05:30:00Z'), 'Asia/Kolkata', w));
    assert.ok(!isInsideWindow(utc('2024-06-03T03:00:00Z'), 'Asia/Kolkata', w)); // Monday
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, checked against an independent oracle: Intl's wall clock read minute by minute, with the window's
// rule ("opens the first time the clock reads start that day, closes the first time it then reads end") applied
// as a little state machine. It shares no code with the implementation.

const PROPERTY_ZONES = [
  'UTC',
  'Asia/Tokyo',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Africa/Casablanca',
];

/** Instants near daylight-saving transitions, so the generator hits the interesting days often. */
const TRANSITIONS = [
  '2024-03-10T07:00:00Z', // New York spring
  '2024-11-03T06:00:00Z', // New York fall
  '2024-03-31T01:00:00Z', // Europe spring
  '2024-10-27T01:00:00Z', // Europe fall
  '2024-04-06T16:00:00Z', // Sydney fall
  '2024-10-05T16:00:00Z', // Sydney spring
  '2024-04-07T03:00:00Z', // Santiago fall (midnight)
  '2024-09-08T04:00:00Z', // Santiago spring (midnight)
  '2024-03-10T05:00:00Z', // Havana spring (midnight)
  '2025-03-30T01:00:00Z',
  '2025-11-02T06:00:00Z',
].map((s) => Date.parse(s));

const formatters = new Map<string, Intl.DateTimeFormat>();
function oracleClock(t: number, zone: string): { date: string; weekday: number; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(t)) p[part.type] = part.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday ?? '') + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** The oracle's verdict for every whole minute in [from, until]. */
function oracleInside(from: number, until: number, zone: string, w: SendWindow): (t: number) => boolean {
  const start = w.startHour * 60 + w.startMinute;
  const end = w.endHour * 60 + w.endMinute;
  const inside = new Set<number>();
  let date = '';
  let opened = false;
  let closed = false;
  // Begin 30 hours early so the state of the local day containing `from` is known.
  for (let t = from - 30 * 60 * MINUTE; t <= until; t += MINUTE) {
    const c = oracleClock(t, zone);
    if (c.date !== date) [date, opened, closed] = [c.date, false, false];
    if (!opened && c.minute >= start) opened = true;
    if (opened && !closed && c.minute >= end) closed = true;
    const allowed = w.days.includes(c.weekday as Weekday) && !w.holidays.includes(c.date);
    if (t >= from && allowed && opened && !closed) inside.add(t);
  }
  return (t) => {
    assert.ok(t >= from && t <= until && t % MINUTE === 0, 'oracle asked outside its range');
    return inside.has(t);
  };
}

/** The first whole minute in [from, until] the oracle finds inside the window, or null. */
function oracleFirstInside(from: number, until: number, zone: string, w: SendWindow): number | null {
  const inside = oracleInside(from, until, zone, w);
  for (let t = from; t <= until; t += MINUTE) if (inside(t)) return t;
  return null;
}

const minuteOfDay = fc.integer({ min: 0, max: 1439 });
const windowArb = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    // Early-morning starts are over-represented: that is where the transitions are.
    start: fc.oneof(minuteOfDay, fc.integer({ min: 0, max: 240 })),
    length: fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 1, max: 180 })),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 14 }), { maxLength: 4 }),
  })
  .map(({ days, start, length, holidayOffsets }) => {
    const end = Math.min(1440, start + length);
    return { days: days as Weekday[], start, end, holidayOffsets };
  });
const nowArb = fc.oneof(
  fc.integer({
    min: Date.parse('2012-01-01T00:00:00Z') / MINUTE,
    max: Date.parse('2037-01-01T00:00:00Z') / MINUTE,
  }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 1440, max: 2 * 1440 }))
    .map(([t, m]) => t / MINUTE + m),
);

function buildWindow(
  spec: { days: Weekday[]; start: number; end: number; holidayOffsets: number[] },
  now: number,
): SendWindow {
  const base = Math.floor(now / 86_400_000);
  return {
    days: spec.days,
    startHour: Math.floor(spec.start / 60),
    startMinute: spec.start % 60,
    endHour: Math.floor(spec.end / 60),
    endMinute: spec.end % 60,
    holidays: spec.holidayOffsets.map((o) => formatLocalDate(base + o)),
    timeZone: 'UTC',
  };
}

/** Every offset change in 2024-2025 for the property zones, to the hour (found with Luxon, judged by the oracle). */
const ZONE_TRANSITIONS: { zone: string; at: number; localMinute: number }[] = PROPERTY_ZONES.flatMap(
  (zone) => {
    const found: { zone: string; at: number; localMinute: number }[] = [];
    const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
    for (
      let t = Date.parse('2024-01-01T00:00:00Z');
      t < Date.parse('2026-01-01T00:00:00Z');
      t += 86_400_000
    ) {
      if (offset(t) === offset(t + 86_400_000)) continue;
      let h = t;
      while (offset(h + HOUR) === offset(t)) h += HOUR;
      found.push({ zone, at: h + HOUR, localMinute: oracleClock(h, zone).minute });
    }
    return found;
  },
);

describe('properties', () => {
  it('finds daylight-saving transitions to aim the next property at', () => {
    assert.ok(ZONE_TRANSITIONS.length >= 40, `${ZONE_TRANSITIONS.length} transitions`);
  });

  it('nextSendTime is the earliest minute inside the window around daylight-saving transitions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONE_TRANSITIONS),
        fc.integer({ min: -8 * 60, max: 4 * 60 }),
        fc.integer({ min: -120, max: 120 }),
        fc.integer({ min: 1, max: 240 }),
        (tr, nowDelta, startDelta, length) => {
          const now = Math.floor(tr.at / MINUTE) * MINUTE + nowDelta * MINUTE;
          const start = Math.min(1439, Math.max(0, tr.localMinute + startDelta));
          const w = buildWindow(
            { days: ALL_DAYS, start, end: Math.min(1440, start + length), holidayOffsets: [] },
            now,
          );
          const r = nextSendTime(new Date(now), tr.zone, w);
          assert.ok(+r.at >= now);
          assert.ok(isInsideWindow(r.at, tr.zone, w));
          const inside = oracleInside(now, +r.closesAt, tr.zone, w);
          for (let t = now; t < +r.at; t += MINUTE)
            assert.ok(!inside(t), `earlier minute ${iso(new Date(t))}`);
          // Open from `at` right up to `closesAt`, and shut at `closesAt`.
          for (let t = +r.at; t < +r.closesAt; t += MINUTE)
            assert.ok(inside(t), `open at ${iso(new Date(t))}`);
          assert.ok(!inside(+r.closesAt));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('nextSendTime is inside the window, not before now, and the earliest such minute', () => {
    fc.assert(
      fc.property(nowArb, fc.constantFrom(...PROPERTY_ZONES), windowArb, (nowMinute, zone, spec) => {
        const now = nowMinute * MINUTE;
        const w = buildWindow(spec, now);
        const r = nextSendTime(new Date(now), zone, w);
        assert.ok(+r.at >= now);
        assert.ok(+r.at < +r.closesAt);
        assert.ok(isInsideWindow(r.at, zone, w));
        assert.equal(r.timeZone, zone);
        assert.equal(oracleFirstInside(now, +r.at, zone, w), +r.at);
      }),
      { numRuns: 100 },
    );
  });

  it('isInsideWindow agrees with the oracle at random minutes', () => {
    fc.assert(
      fc.property(nowArb, fc.constantFrom(...PROPERTY_ZONES), windowArb, (nowMinute, zone, spec) => {
        const t = nowMinute * MINUTE;
        const w = buildWindow(spec, t);
        assert.equal(isInsideWindow(new Date(t), zone, w), oracleFirstInside(t, t, zone, w) === t);
      }),
      { numRuns: 150 },
    );
  });

  it('a spread send lies in the same opening as the unspread one, inside the window', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.integer({ min: 0, max: 59_999 }),
        fc.constantFrom(...PROPERTY_ZONES),
        windowArb,
        fc.string(),
        (nowMinute, ms, zone, spec, key) => {
          const now = nowMinute * MINUTE + ms;
          const w = buildWindow(spec, now);
          const plain = nextSendTime(new Date(now), zone, w);
          const spread = nextSendTime(new Date(now), zone, w, { spreadKey: key });
          assert.ok(+spread.at >= +plain.at && +spread.at < +plain.closesAt);
          assert.equal(+spread.closesAt, +plain.closesAt);
          assert.ok(isInsideWindow(spread.at, zone, w));
          assert.equal(+nextSendTime(new Date(now), zone, w, { spreadKey: key }).at, +spread.at);
        },
      ),
      { numRuns: 300 },
    );
  });
});
