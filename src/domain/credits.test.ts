import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  capFreesAt,
  nextRenewal,
  periodStartFor,
  refundDue,
  renewal,
  withinMonthlyLimit,
} from './credits.ts';

const d = (s: string) => new Date(s);

test('renewal dates clamp to the end of short months and come back to the anniversary', () => {
  assert.deepEqual(nextRenewal(d('2026-01-31T00:00:00Z'), 31), d('2026-02-28T00:00:00Z'));
  assert.deepEqual(nextRenewal(d('2026-02-28T00:00:00Z'), 31), d('2026-03-31T00:00:00Z'));
  assert.deepEqual(nextRenewal(d('2028-01-30T00:00:00Z'), 30), d('2028-02-29T00:00:00Z'));
  assert.deepEqual(nextRenewal(d('2026-12-15T00:00:00Z'), 15), d('2027-01-15T00:00:00Z'));
  assert.deepEqual(nextRenewal(d('2026-04-30T00:00:00Z'), 1), d('2026-05-01T00:00:00Z'));
});

test('period start is the latest anniversary at or before the instant', () => {
  assert.deepEqual(periodStartFor(d('2026-03-10T12:00:00Z'), 15), d('2026-02-15T00:00:00Z'));
  assert.deepEqual(periodStartFor(d('2026-03-15T00:00:00Z'), 15), d('2026-03-15T00:00:00Z'));
  assert.deepEqual(periodStartFor(d('2026-01-05T00:00:00Z'), 20), d('2025-12-20T00:00:00Z'));
  assert.deepEqual(periodStartFor(d('2026-03-01T00:00:00Z'), 31), d('2026-02-28T00:00:00Z'));
});

test('period start and next renewal bracket every instant', () => {
  fc.assert(
    fc.property(
      fc.date({ min: d('2020-01-01T00:00:00Z'), max: d('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 31 }),
      (at, day) => {
        const start = periodStartFor(at, day);
        const next = nextRenewal(start, day);
        assert.ok(start.getTime() <= at.getTime(), 'start <= at');
        assert.ok(next.getTime() > at.getTime(), 'next > at');
      },
    ),
  );
});

test('renewal grants the allotment and expires only the excess over the cap', () => {
  assert.deepEqual(renewal({ balance: 0, reserved: 0, allotment: 30, cap: 120 }), { grant: 30, expire: 0 });
  assert.deepEqual(renewal({ balance: 100, reserved: 0, allotment: 30, cap: 120 }), {
    grant: 30,
    expire: 10,
  });
  assert.deepEqual(renewal({ balance: 120, reserved: 0, allotment: 30, cap: 120 }), {
    grant: 30,
    expire: 30,
  });
  // reserved credits count toward the cap but never expire
  assert.deepEqual(renewal({ balance: 50, reserved: 60, allotment: 30, cap: 120 }), {
    grant: 30,
    expire: 20,
  });
  assert.deepEqual(renewal({ balance: 0, reserved: 150, allotment: 30, cap: 120 }), {
    grant: 30,
    expire: 30,
  });
});

test('after a renewal a seat never holds more than its cap (unless reserved alone exceeds it)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 1, max: 200 }),
      (balance, reserved, allotment) => {
        const cap = allotment * 4;
        const r = renewal({ balance, reserved, allotment, cap });
        const after = balance + r.grant - r.expire;
        assert.ok(after >= 0);
        assert.ok(after + reserved <= Math.max(cap, reserved));
      },
    ),
  );
});

test('refund policies', () => {
  const sentAt = d('2026-01-01T00:00:00Z');
  const base = { sentAt, windowDays: 90, charged: true, alreadyRefunded: false };
  const at = (days: number) => new Date(sentAt.getTime() + days * 86_400_000);
  for (const response of ['accepted', 'declined', 'replied'] as const) {
    assert.equal(refundDue('response-within-90-days', { ...base, response, respondedAt: at(10) }), true);
    assert.equal(refundDue('response-within-90-days', { ...base, response, respondedAt: at(91) }), false);
  }
  assert.equal(refundDue('on-decline', { ...base, response: 'declined', respondedAt: at(10) }), true);
  assert.equal(refundDue('on-decline', { ...base, response: 'accepted', respondedAt: at(10) }), false);
  assert.equal(refundDue('on-decline', { ...base, response: 'replied', respondedAt: at(10) }), false);
  assert.equal(
    refundDue('on-decline', { ...base, response: 'declined', respondedAt: at(10), alreadyRefunded: true }),
    false,
  );
  assert.equal(
    refundDue('response-within-90-days', {
      ...base,
      response: 'accepted',
      respondedAt: at(1),
      charged: false,
    }),
    false,
  );
});

test('monthly limit', () => {
  assert.equal(withinMonthlyLimit(null, 10_000), true);
  assert.equal(withinMonthlyLimit(5, 4), true);
  assert.equal(withinMonthlyLimit(5, 5), false);
  assert.equal(withinMonthlyLimit(0, 0), false);
});

test('a frequency cap frees when the oldest counted send ages out of the window', () => {
  const w = 30 * 86_400_000;
  const t = (day: number) => new Date(Date.UTC(2026, 0, day));
  assert.equal(capFreesAt([t(1), t(2)], 3, w), null);
  assert.deepEqual(capFreesAt([t(3), t(1), t(2)], 3, w), new Date(t(1).getTime() + w));
  assert.deepEqual(capFreesAt([t(5)], 1, 14 * 86_400_000), new Date(t(5).getTime() + 14 * 86_400_000));
  // over the cap (e.g. the cap was lowered): wait until only cap-1 remain
  assert.deepEqual(capFreesAt([t(1), t(2), t(3), t(4)], 3, w), new Date(t(2).getTime() + w));
});
