import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDelta,
  bucketsWithin,
  classifyEvent,
  contributions,
  creditForecast,
  emptyFact,
  groupedMedian,
  HISTOGRAM_OFFSET,
  histogramBucket,
  isPendingRefund,
  outcomeOffset,
  rollupRanges,
  sendVector,
  WINDOWS,
  type Contribution,
  type SendFact,
  type StreamEvent,
} from './analytics.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-03-03T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function event(type: string, extra: Partial<StreamEvent> = {}): StreamEvent {
  return {
    id: 1,
    type,
    occurredAt: T0,
    orgId: 'org',
    actorUserId: 'user',
    actorMemberId: null,
    seatId: 'seat',
    recipientMemberId: 'member',
    inmailId: 'i1',
    campaignId: null,
    data: {},
    ...extra,
  };
}

function sent(extra: Partial<SendFact> = {}): SendFact {
  return {
    ...emptyFact('i1'),
    orgId: 'org',
    channel: 'inmail',
    sentAt: T0,
    sentEventId: 1,
    userId: 'user',
    seatId: 'seat',
    charged: true,
    memberId: 'member',
    localWeekday: 2,
    localHour: 10,
    ...extra,
  };
}

test('what each event means for a send', () => {
  assert.deepEqual(classifyEvent(event('inmail.sent')), { kind: 'send', sendId: 'i1', channel: 'inmail' });
  assert.deepEqual(classifyEvent(event('message.sent', { data: { templateId: null } })), {
    kind: 'send',
    sendId: 'i1',
    channel: 'message',
  });
  assert.equal(
    classifyEvent(event('message.sent', { data: { author: 'sender' } })),
    null,
    'a conversation message',
  );
  assert.deepEqual(classifyEvent(event('message.sent', { data: { author: 'recipient' } })), {
    kind: 'outcome',
    sendId: 'i1',
    field: 'repliedAt',
    at: T0,
    request: false,
  });
  assert.deepEqual(
    classifyEvent(event('connection.requested', { inmailId: null, data: { requestId: 'r1' } })),
    {
      kind: 'send',
      sendId: 'r1',
      channel: 'connection_request',
    },
  );
  assert.equal(classifyEvent(event('connection.ignored', { data: { requestId: 'r1' } }))?.kind, 'outcome');
  assert.equal(classifyEvent(event('inmail.clicked'))?.kind, 'outcome');
  assert.deepEqual(classifyEvent(event('project.stage_changed', { data: { to: 'screening' } })), {
    kind: 'stage',
    orgId: 'org',
    memberId: 'member',
    to: 'screening',
    at: T0,
  });
  assert.equal(classifyEvent(event('seat.created')), null);
  assert.equal(classifyEvent(event('inmail.accepted', { inmailId: null })), null);
});

test('a period reads month rows for its whole months and day rows for the rest', () => {
  assert.deepEqual(rollupRanges('2026-01-20', '2026-04-10', true), {
    months: ['2026-02-01', '2026-04-01'],
    days: [
      ['2026-01-20', '2026-02-01'],
      ['2026-04-01', '2026-04-10'],
    ],
  });
  assert.deepEqual(rollupRanges('2026-01-01', '2026-07-01', true), {
    months: ['2026-01-01', '2026-07-01'],
    days: [],
  });
  assert.deepEqual(rollupRanges('2026-01-05', '2026-01-30', true), {
    months: null,
    days: [['2026-01-05', '2026-01-30']],
  });
  assert.deepEqual(rollupRanges('2025-12-15', '2026-01-01', true), {
    months: null,
    days: [['2025-12-15', '2026-01-01']],
  });
  assert.deepEqual(rollupRanges('2026-01-01', '2026-07-01', false), {
    months: null,
    days: [['2026-01-01', '2026-07-01']],
  });
  assert.deepEqual(rollupRanges('2025-11-15', '2026-01-01', true), {
    months: ['2025-12-01', '2026-01-01'],
    days: [['2025-11-15', '2025-12-01']],
  });
});

test('histogram buckets end at their edge; every window is an edge', () => {
  assert.equal(histogramBucket(0), 0);
  assert.equal(histogramBucket(HOUR), 0);
  assert.equal(histogramBucket(HOUR + 1), 1);
  assert.equal(histogramBucket(DAY), 5);
  assert.equal(histogramBucket(DAY + 1), 6);
  assert.equal(histogramBucket(90 * DAY), 15);
  assert.equal(histogramBucket(90 * DAY + 1), null);
  assert.deepEqual(
    WINDOWS.map((w) => bucketsWithin(w)),
    [6, 8, 10, 12, 14, 16],
  );
});

test('the grouped median interpolates inside the middle bucket', () => {
  assert.equal(groupedMedian([]), null);
  assert.equal(groupedMedian([0, 0, 0]), null);
  assert.equal(groupedMedian([0, 0, 0, 0, 0, 2]), 18);
  assert.equal(groupedMedian([2]), 0.5);
  // 4 responses: two within an hour, two in (24, 48] hours: the middle is the end of the first hour.
  assert.equal(groupedMedian([2, 0, 0, 0, 0, 0, 2]), 1);
  assert.equal(groupedMedian([1, 0, 0, 0, 0, 0, 3]), 24 + (24 * 1) / 3);
});

test('an outcome counts in every window it falls within, exactly at the edge too', () => {
  const v = sendVector(sent({ acceptedAt: at(7 * DAY), deliveredAt: T0, openedAt: at(-5) }));
  const acc = outcomeOffset('accepted');
  assert.deepEqual(v.slice(acc, acc + WINDOWS.length), [0, 0, 1, 1, 1, 1]);
  const resp = outcomeOffset('responded');
  assert.deepEqual(v.slice(resp, resp + WINDOWS.length), [0, 0, 1, 1, 1, 1]);
  const del = outcomeOffset('delivered');
  assert.deepEqual(v.slice(del, del + WINDOWS.length), [1, 1, 1, 1, 1, 1]);
  assert.equal(v[outcomeOffset('opened')], 1, 'an outcome stamped before the send counts as immediate');
  assert.equal(v[HISTOGRAM_OFFSET + 9], 1, '7 days is the bucket ending at 168 hours');
  const late = sendVector(sent({ acceptedAt: at(7 * DAY + 1) }));
  assert.deepEqual(late.slice(acc, acc + WINDOWS.length), [0, 0, 0, 1, 1, 1]);
  const first = sendVector(sent({ declinedAt: at(2 * DAY), repliedAt: at(HOUR) }));
  assert.equal(first[HISTOGRAM_OFFSET], 1, 'the first response decides the time to respond');
  assert.deepEqual(
    sendVector(emptyFact('x')),
    new Array(v.length).fill(0),
    'no contribution before the send',
  );
});

test('a send contributes once to every dimension, the heatmap and its seat', () => {
  const c = contributions(
    sent({ campaignId: 'c', step: 1, templateId: 't', templateVersion: 2, team: 'A', seniority: 'senior' }),
  );
  const rollup = c.filter((x) => x.table === 'rollup');
  assert.equal(rollup.length, 18, 'nine dimensions, per day and per month');
  const days = rollup.filter((x) => x.grain === 'd');
  assert.ok(days.every((x) => x.day === '2026-03-03'));
  assert.ok(rollup.filter((x) => x.grain === 'm').every((x) => x.day === '2026-03-01'));
  const keys = Object.fromEntries(days.map((x) => [x.dim, x.dimKey]));
  assert.deepEqual(keys, {
    all: '',
    recruiter: 'user',
    seat: 'seat',
    team: 'A',
    campaign: 'c',
    step: 'c:1',
    template: 't',
    templateVersion: 't:2',
    seniority: 'senior',
  });
  assert.equal(c.filter((x) => x.table === 'heatmap').length, 2);
  assert.deepEqual(c.find((x) => x.table === 'pending')?.v, [1]);
});

test('deltas: a change of a send moves its counts, and applying all deltas gives the final sums', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          field: fc.constantFrom(
            'acceptedAt',
            'declinedAt',
            'repliedAt',
            'openedAt',
            'refundedAt',
            'screenedAt' as const,
          ),
          after: fc.integer({ min: 0, max: 100 * DAY }),
        }),
        {
          maxLength: 8,
        },
      ),
      (changes) => {
        const deltas = new Map<string, Contribution>();
        let f = sent();
        addDelta(deltas, null, f);
        for (const ch of changes) {
          const next = { ...f };
          const cur = next[ch.field];
          if (cur === null || cur.getTime() > T0.getTime() + ch.after) next[ch.field] = at(ch.after);
          addDelta(deltas, f, next);
          f = next;
        }
        for (const c of contributions(f)) assert.deepEqual(deltas.get(c.key)?.v, c.v);
      },
    ),
  );
});

test('pending refunds: charged InMails without an answer, expiry or refund', () => {
  assert.equal(isPendingRefund(sent()), true);
  assert.equal(isPendingRefund(sent({ acceptedAt: at(DAY) })), false);
  assert.equal(isPendingRefund(sent({ expiredAt: at(90 * DAY) })), false);
  assert.equal(isPendingRefund(sent({ charged: false })), false);
  assert.equal(isPendingRefund(sent({ channel: 'message', charged: false, seatId: null })), false);
});

test('the credit forecast at the current pace', () => {
  const f = creditForecast({ balance: 10, netSpent: 28, paceDays: 28, now: T0, renewsAt: at(20 * DAY) });
  assert.equal(f.pacePerDay, 1);
  assert.deepEqual(f.runsOutAt, at(10 * DAY));
  assert.equal(f.runsOutBeforeRenewal, true);
  assert.equal(f.projectedBalanceAtRenewal, 0);
  const slow = creditForecast({ balance: 40, netSpent: 14, paceDays: 28, now: T0, renewsAt: at(20 * DAY) });
  assert.equal(slow.runsOutBeforeRenewal, false);
  assert.equal(slow.projectedBalanceAtRenewal, 30);
  const idle = creditForecast({ balance: 5, netSpent: -3, paceDays: 28, now: T0, renewsAt: at(DAY) });
  assert.deepEqual([idle.pacePerDay, idle.runsOutAt, idle.runsOutBeforeRenewal], [0, null, false]);
});
