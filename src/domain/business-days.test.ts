import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days.ts';

const utc = (iso: string): Date => new Date(iso);
const local = (iso: string, zone: string): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const iso = (d: Date): string => d.toISOString();
const NY = 'America/New_York';

describe('addBusinessDays', () => {
  it('skips the weekend and keeps the local time of day', () => {
    assert.equal(+addBusinessDays(local('2024-06-07T09:00', NY), 1, NY), +local('2024-06-10T09:00', NY)); // Fri -> Mon
    assert.equal(+addBusinessDays(local('2024-06-05T17:45', NY), 3, NY), +local('2024-06-10T17:45', NY)); // Wed -> Mon
    assert.equal(+addBusinessDays(local('2024-06-03T08:00', NY), 5, NY), +local('2024-06-10T08:00', NY)); // Mon -> Mon
    assert.equal(+addBusinessDays(local('2024-06-03T08:00', NY), 10, NY), +local('2024-06-17T08:00', NY));
  });

  it('counts from a weekend start: Saturday or Sunday + 1 is Monday', () => {
    assert.equal(+addBusinessDays(local('2024-06-08T10:00', NY), 1, NY), +local('2024-06-10T10:00', NY));
    assert.equal(+addBusinessDays(local('2024-06-09T10:00', NY), 1, NY), +local('2024-06-10T10:00', NY));
    assert.equal(+addBusinessDays(local('2024-06-08T10:00', NY), 2, NY), +local('2024-06-11T10:00', NY));
  });

  it('returns the same instant for 0, even on a weekend', () => {
    const sat = local('2024-06-08T10:00', NY);
    const r = addBusinessDays(sat, 0, NY);
    assert.equal(+r, +sat);
    assert.notEqual(r, sat); // a copy, not the caller's object
  });

  it('goes backwards for negative n', () => {
    assert.equal(+addBusinessDays(local('2024-06-10T09:00', NY), -1, NY), +local('2024-06-07T09:00', NY)); // Mon -> Fri
    assert.equal(+addBusinessDays(local('2024-06-08T09:00', NY), -1, NY), +local('2024-06-07T09:00', NY)); // Sat -> Fri
    assert.equal(+addBusinessDays(local('2024-06-12T09:00', NY), -5, NY), +local('2024-06-05T09:00', NY));
  });

  it('skips holidays, and a holiday on a weekend changes nothing', () => {
    const fri = local('2024-05-24T09:00', NY);
    assert.equal(+addBusinessDays(fri, 1, NY, ['2024-05-27']), +local('2024-05-28T09:00', NY)); // Memorial Day
    assert.equal(+addBusinessDays(fri, 1, NY, ['2024-05-25', '2024-05-26']), +local('2024-05-27T09:00', NY));
    assert.equal(
      +addBusinessDays(local('2024-12-23T09:00', NY), 2, NY, ['2024-12-24', '2024-12-25']),
      +local('2024-12-27T09:00', NY),
    );
    assert.equal(+addBusinessDays(local('2024-05-28T09:00', NY), -1, NY, ['2024-05-27']), +fri);
  });

  it('counts on the recipient calendar: the same instant is Tuesday in Tokyo and Monday in Los Angeles', () => {
    const instant = utc('2024-06-03T23:30:00Z');
    assert.equal(+addBusinessDays(instant, 1, 'Asia/Tokyo'), +local('2024-06-05T08:30', 'Asia/Tokyo'));
    assert.equal(
      +addBusinessDays(instant, 1, 'America/Los_Angeles'),
      +local('2024-06-04T16:30', 'America/Los_Angeles'),
    );
    // A holiday is a local date too.
    assert.equal(
      +addBusinessDays(instant, 1, 'Asia/Tokyo', ['2024-06-05']),
      +local('2024-06-06T08:30', 'Asia/Tokyo'),
    );
    assert.equal(
      +addBusinessDays(instant, 1, 'America/Los_Angeles', ['2024-06-05']),
      +local('2024-06-04T16:30', 'America/Los_Angeles'),
    );
  });

  it('keeps the local time across DST in New York (the UTC hour moves)', () => {
    assert.equal(iso(addBusinessDays(utc('2024-03-08T14:00:00Z'), 1, NY)), '2024-03-11T13:00:00.000Z'); // 09:00 EST -> EDT
    assert.equal(iso(addBusinessDays(utc('2024-11-01T13:00:00Z'), 1, NY)), '2024-11-04T14:00:00.000Z'); // 09:00 EDT -> EST
  });

  it('keeps the local time across DST in Berlin, and skips Easter Monday when told', () => {
    const friday = utc('2024-03-29T08:00:00Z'); // Good Friday 09:00 CET
    assert.equal(iso(addBusinessDays(friday, 1, 'Europe/Berlin')), '2024-04-01T07:00:00.000Z');
    assert.equal(
      iso(addBusinessDays(friday, 1, 'Europe/Berlin', ['2024-04-01'])),
      '2024-04-02T07:00:00.000Z',
    );
    assert.equal(
      iso(addBusinessDays(utc('2024-10-25T07:00:00Z'), 1, 'Europe/Berlin')),
      '2024-10-28T08:00:00.000Z',
    );
  });

  it('moves a time skipped on a weekday to the first instant after the gap', () => {
    // Cairo springs forward at midnight on Friday 2024-04-26: 00:30 does not exist, 01:00 EEST is first.
    assert.equal(
      iso(addBusinessDays(utc('2024-04-24T22:30:00Z'), 1, 'Africa/Cairo')),
      '2024-04-25T22:00:00.000Z',
    );
    // Jerusalem skips 02:00-03:00 on Friday 2024-03-29.
    assert.equal(
      iso(addBusinessDays(utc('2024-03-28T00:30:00Z'), 1, 'Asia/Jerusalem')),
      '2024-03-29T00:00:00.000Z',
    );
  });

  it('takes the first occurrence of a time repeated on a weekday', () => {
    // Cairo repeats 23:00-24:00 on Thursday 2024-10-31: 23:30 EEST (+3) comes first.
    assert.equal(
      iso(addBusinessDays(utc('2024-10-30T20:30:00Z'), 1, 'Africa/Cairo')),
      '2024-10-31T20:30:00.000Z',
    );
  });

  it('steps over a calendar day that never happened (Samoa, Friday 2011-12-30)', () => {
    const thursday = local('2011-12-29T09:00', 'Pacific/Apia');
    assert.equal(+addBusinessDays(thursday, 1, 'Pacific/Apia'), +local('2012-01-02T09:00', 'Pacific/Apia'));
  });

  it('counts in UTC when the zone is unknown', () => {
    assert.equal(
      iso(addBusinessDays(utc('2024-06-07T23:30:00Z'), 1, 'Mars/Base')),
      '2024-06-10T23:30:00.000Z',
    );
  });

  it('rejects a fractional count, a bad date and a bad holiday', () => {
    assert.throws(() => addBusinessDays(new Date(), 1.5, NY), RangeError);
    assert.throws(() => addBusinessDays(new Date(), Number.NaN, NY), RangeError);
    assert.throws(() => addBusinessDays(new Date(NaN), 1, NY), RangeError);
    assert.throws(() => addBusinessDays(new Date(), 1, NY, ['2024-02-30']), /2024-02-30/);
  });
});

describe('businessDaysBetween', () => {
  it('counts the business days after `from` up to and including `to`', () => {
    assert.equal(businessDaysBetween(local('2024-06-07T09:00', NY), local('2024-06-10T09:00', NY), NY), 1); // Fri -> Mon
    assert.equal(businessDaysBetween(local('2024-06-03T09:00', NY), local('2024-06-10T09:00', NY), NY), 5);
    assert.equal(businessDaysBetween(local('2024-06-03T09:00', NY), local('2024-06-03T17:00', NY), NY), 0);
    assert.equal(businessDaysBetween(local('2024-06-08T09:00', NY), local('2024-06-09T09:00', NY), NY), 0); // Sat -> Sun
    assert.equal(businessDaysBetween(local('2024-06-07T09:00', NY), local('2024-06-08T09:00', NY), NY), 0); // Fri -> Sat
  });

  it('ignores the time of day', () => {
    assert.equal(businessDaysBetween(local('2024-06-07T23:59', NY), local('2024-06-10T00:00', NY), NY), 1);
  });

  it('is negative backwards, counting the business days in [to, from)', () => {
    assert.equal(businessDaysBetween(local('2024-06-10T09:00', NY), local('2024-06-07T09:00', NY), NY), -1);
    assert.equal(businessDaysBetween(local('2024-06-08T09:00', NY), local('2024-06-07T09:00', NY), NY), -1);
    assert.equal(businessDaysBetween(local('2024-06-10T09:00', NY), local('2024-06-03T09:00', NY), NY), -5);
  });

  it('leaves out holidays', () => {
    const from = local('2024-05-24T09:00', NY);
    assert.equal(businessDaysBetween(from, local('2024-05-31T09:00', NY), NY, ['2024-05-27']), 4);
  });

  it('counts local dates, across DST and in the recipient zone', () => {
    assert.equal(businessDaysBetween(utc('2024-03-08T14:00:00Z'), utc('2024-03-11T13:00:00Z'), NY), 1);
    // Friday 23:30 UTC is already Saturday in Tokyo, still Friday in New York.
    const fri = utc('2024-06-07T23:30:00Z');
    const mon = utc('2024-06-10T12:00:00Z');
    assert.equal(businessDaysBetween(fri, mon, 'Asia/Tokyo'), 1);
    assert.equal(businessDaysBetween(fri, mon, NY), 1);
    assert.equal(businessDaysBetween(utc('2024-06-06T23:30:00Z'), mon, 'Asia/Tokyo'), 1); // Fri (Tokyo) -> Mon
    assert.equal(businessDaysBetween(utc('2024-06-06T23:30:00Z'), mon, NY), 2); // Thu (NY) -> Mon
  });
});

describe('isBusinessDay', () => {
  it('is Monday to Friday on the local calendar, minus holidays', () => {
    assert.ok(isBusinessDay(local('2024-06-07T12:00', NY), NY));
    assert.ok(!isBusinessDay(local('2024-06-08T12:00', NY), NY));
    assert.ok(!isBusinessDay(local('2024-06-09T12:00', NY), NY));
    assert.ok(!isBusinessDay(local('2024-07-04T12:00', NY), NY, ['2024-07-04']));
    assert.ok(!isBusinessDay(utc('2024-06-07T23:30:00Z'), 'Asia/Tokyo')); // Saturday there
  });
});

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Africa/Cairo',
  'Asia/Jerusalem',
  'America/Santiago',
  'Pacific/Chatham',
];

/** The local calendar read through Intl, independently of the code under test. */
function localDate(t: Date, zone: string): { date: string; weekday: string; time: string } {
  const p: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const part of f.formatToParts(t)) p[part.type] = part.value;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: p.weekday ?? '',
    time: `${p.hour}:${p.minute}:${p.second}`,
  };
}

const instantArb = fc
  .integer({ min: Date.parse('2012-01-01T00:00:00Z') / 1000, max: Date.parse('2037-01-01T00:00:00Z') / 1000 })
  .map((s) => new Date(s * 1000));

describe('properties', () => {
  it('addBusinessDays never lands on a weekend or holiday, and keeps the time of day unless it was skipped', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.constantFrom(...ZONES),
        fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0),
        fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { maxLength: 12 }),
        (instant, zone, n, holidayOffsets) => {
          const start = DateTime.fromJSDate(instant, { zone });
          const holidays = holidayOffsets.map((o) => start.plus({ days: o }).toISODate() ?? '');
          const r = addBusinessDays(instant, n, zone, holidays);
          const l = localDate(r, zone);
          assert.ok(!['Sat', 'Sun'].includes(l.weekday), `${iso(r)} is a ${l.weekday} in ${zone}`);
          assert.ok(!holidays.includes(l.date), `${l.date} is a holiday`);
          assert.ok(n > 0 ? +r > +instant : +r < +instant);
          const before = localDate(instant, zone).time;
          // The time of day survives, except when that time does not exist on the target day: then the result is
          // the end of the gap, a later time the same day.
          if (l.time !== before) {
            assert.ok(l.time > before, `${before} became ${l.time}`);
            const gapStart = new Date(+r - 1000);
            assert.ok(localDate(gapStart, zone).time < before, `${before} was not skipped on ${l.date}`);
          }
          assert.equal(businessDaysBetween(instant, r, zone, holidays), n);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('businessDaysBetween is antisymmetric, up to whether the two end dates are business days', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 0, max: 400 * 86_400 }),
        fc.constantFrom(...ZONES),
        (from, s, zone) => {
          const to = new Date(+from + s * 1000);
          assert.equal(
            businessDaysBetween(from, to, zone),
            -businessDaysBetween(to, from, zone) + correction(from, to, zone),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** between(a, b) counts (a, b] and between(b, a) counts [a, b): they differ by whether a and b are business days. */
function correction(from: Date, to: Date, zone: string): number {
  const bd = (d: Date) => (['Sat', 'Sun'].includes(localDate(d, zone).weekday) ? 0 : 1);
  return bd(to) - bd(from);
}
