import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AbTestReport, HeatCell, OutreachMetrics } from '../../../api/types.ts';
import {
  addDays,
  bestSlots,
  describeAb,
  formatHours,
  funnel,
  heatLevel,
  pct,
  readPeriod,
  slotLabel,
} from './analytics-lib.ts';

const TODAY = new Date('2026-03-15T18:30:00Z');

test('the period defaults to the 90 days up to today, with a 7-day window', () => {
  const p = readPeriod(new URLSearchParams(), TODAY);
  assert.deepEqual(p, { from: '2025-12-16', through: '2026-03-15', to: '2026-03-16', windowDays: 7 });
});

test('the period reads from, through (inclusive) and the window, and rejects nonsense', () => {
  const p = readPeriod(new URLSearchParams('from=2026-01-01&through=2026-01-31&window=30'), TODAY);
  assert.deepEqual(p, { from: '2026-01-01', through: '2026-01-31', to: '2026-02-01', windowDays: 30 });
  const bad = readPeriod(new URLSearchParams('from=2026-02-30&through=yesterday&window=14'), TODAY);
  assert.equal(bad.through, '2026-03-15');
  assert.equal(bad.from, '2025-12-16');
  assert.equal(bad.windowDays, 7, 'only the offered windows');
  const backwards = readPeriod(new URLSearchParams('from=2026-03-01&through=2026-02-01'), TODAY);
  assert.equal(backwards.from, '2026-02-01');
  assert.equal(backwards.to, '2026-03-02');
});

test('days add across months and leap years', () => {
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
});

test('rates and durations read as people say them', () => {
  assert.equal(pct(0.4), '40%');
  assert.equal(pct(1 / 3), '33.3%');
  assert.equal(pct(null), '—');
  assert.equal(formatHours(0.25), '15 min');
  assert.equal(formatHours(5.25), '5.3 h');
  assert.equal(formatHours(90.857), '3.8 days');
  assert.equal(formatHours(null), '—');
});

const zero: OutreachMetrics = {
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  accepted: 0,
  declined: 0,
  replied: 0,
  responded: 0,
  noResponse: 0,
  responseRate: null,
  acceptanceRate: null,
  medianHoursToFirstResponse: null,
  screened: 0,
  screenConversion: null,
};

test("the funnel counts every response but a decline as accepted or replied (the seed's example)", () => {
  // 30 InMails, 12 responses of which 4 declines, 6 moved to screening.
  const steps = funnel({
    ...zero,
    sent: 30,
    opened: 20,
    responded: 12,
    declined: 4,
    accepted: 5,
    replied: 6,
    screened: 6,
  });
  assert.deepEqual(
    steps.map((s) => [s.key, s.count, s.ofSent]),
    [
      ['sent', 30, 1],
      ['opened', 20, 20 / 30],
      ['positive', 8, 8 / 30],
      ['screened', 6, 0.2],
    ],
  );
  assert.ok(
    funnel(zero).every((s) => s.ofSent === null),
    'no shares without sends',
  );
});

function cell(weekday: number, hour: number, sent: number, responded: number): HeatCell {
  return { weekday, hour, sent, responded, responseRate: sent ? responded / sent : null };
}

test('the best slots need enough sends and prefer more sends on a tie', () => {
  const cells = [cell(1, 9, 1, 1), cell(2, 10, 4, 3), cell(3, 14, 8, 6), cell(4, 8, 5, 1), cell(5, 9, 0, 0)];
  assert.deepEqual(
    bestSlots(cells).map((c) => slotLabel(c.weekday, c.hour)),
    ['Wednesday 14:00', 'Tuesday 10:00', 'Thursday 08:00'],
  );
  assert.equal(heatLevel(cells[4]!, 1), 0);
  assert.equal(heatLevel(cells[0]!, 1), 5);
  assert.equal(heatLevel(cells[3]!, 1), 1);
});

function ab(test: Partial<AbTestReport['test']>): AbTestReport {
  const arm = {
    variant: { kind: 'template' as const },
    label: 'x',
    sent: 40,
    responded: 10,
    responseRate: 0.25,
  };
  return {
    meta: {
      report: 'ab-test',
      from: '2026-01-01',
      to: '2026-02-01',
      windowDays: 7,
      window: '',
      groupBy: null,
      filters: {},
      source: 'raw',
      generatedAt: '',
      current: true,
      level: 0.95,
      minSample: 30,
    },
    a: arm,
    b: arm,
    test: {
      status: 'ok',
      reason: null,
      rateA: 0.25,
      rateB: 0.35,
      difference: 0.1,
      confidenceInterval: { level: 0.95, low: -0.1, high: 0.3 },
      z: 0.97,
      pValue: 0.332,
      significant: false,
      minSample: 30,
      ...test,
    },
  };
}

test('the A/B verdict states the difference, the interval and the p-value, or why there is none', () => {
  assert.equal(
    describeAb(ab({})),
    'B’s response rate is +10.0 pts against A’s (95% confidence interval −10.0 pts to +30.0 pts); p = 0.332: no significant difference at the 95% level.',
  );
  assert.match(
    describeAb(ab({ significant: true, pValue: 0.0001 })),
    /p = < 0\.001: a significant difference/,
  );
  assert.equal(
    describeAb(ab({ status: 'not_enough_data', reason: 'variant A has 3 sends (at least 30 needed)' })),
    'Not enough data to compare: variant A has 3 sends (at least 30 needed)',
  );
});
