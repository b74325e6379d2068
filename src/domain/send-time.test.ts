import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { learnSendSlots, mergeSlotStats, nextSlotTime, type SlotStat } from './send-time.ts';

function stats(): SlotStat[] {
  return [
    { weekday: 3, hour: 14, sent: 40, responded: 24 },
    { weekday: 2, hour: 9, sent: 30, responded: 12 },
    { weekday: 1, hour: 9, sent: 100, responded: 10 },
    { weekday: 5, hour: 17, sent: 3, responded: 3 }, // lucky but too few sends to count
  ];
}

describe('learnSendSlots', () => {
  it('needs enough responses before it learns anything', () => {
    assert.equal(learnSendSlots(stats(), { minResponses: 100 }), null);
    assert.equal(learnSendSlots([], {}), null);
  });

  it('ranks slots above the overall rate by smoothed rate, ignoring slots with few sends', () => {
    const learned = learnSendSlots(stats(), { minResponses: 40 });
    assert.ok(learned);
    assert.equal(learned.responses, 49);
    assert.equal(learned.sent, 173);
    assert.deepEqual(
      learned.slots.map((s) => [s.weekday, s.hour]),
      [
        [3, 14],
        [2, 9],
      ],
    );
    assert.ok(learned.slots[0]!.rate < 24 / 40, 'smoothed towards the overall rate');
  });

  it('merges rows of the same slot', () => {
    assert.deepEqual(
      mergeSlotStats([
        { weekday: 2, hour: 9, sent: 1, responded: 1 },
        { weekday: 2, hour: 9, sent: 2, responded: 0 },
      ]),
      [{ weekday: 2, hour: 9, sent: 3, responded: 1 }],
    );
  });

  it('returns null when no slot beats the average', () => {
    const flat: SlotStat[] = [
      { weekday: 1, hour: 9, sent: 100, responded: 30 },
      { weekday: 2, hour: 9, sent: 100, responded: 30 },
    ];
    assert.equal(learnSendSlots(flat, { minResponses: 50 }), null);
  });
});

describe('nextSlotTime', () => {
  it('places the send at the next chosen local hour in the recipient zone', () => {
    // Monday 2026-03-02 12:00 UTC is 13:00 in Berlin; the slot is Wednesday 14:00 Berlin time.
    const t = nextSlotTime(new Date('2026-03-02T12:00:00Z'), 'Europe/Berlin', [{ weekday: 3, hour: 14 }]);
    assert.equal(t.at.toISOString(), '2026-03-04T13:00:00.000Z');
    assert.equal(t.closesAt.toISOString(), '2026-03-04T14:00:00.000Z');
    assert.equal(t.fellBack, false);
  });

  it('answers now when now is inside a slot, and closes at the end of consecutive slots', () => {
    const now = new Date('2026-03-04T13:30:00Z'); // Wednesday 14:30 in Berlin
    const t = nextSlotTime(now, 'Europe/Berlin', [
      { weekday: 3, hour: 14 },
      { weekday: 3, hour: 15 },
    ]);
    assert.equal(t.at.toISOString(), now.toISOString());
    assert.equal(t.closesAt.toISOString(), '2026-03-04T15:00:00.000Z');
  });

  it('wraps to next week and falls back to UTC for an unknown zone', () => {
    const t = nextSlotTime(new Date('2026-03-04T15:00:00Z'), 'Mars/Olympus', [{ weekday: 3, hour: 14 }]);
    assert.equal(t.at.toISOString(), '2026-03-11T14:00:00.000Z');
    assert.deepEqual([t.timeZone, t.fellBack], ['UTC', true]);
  });

  it('keeps the local hour across a daylight-saving change', () => {
    // New York springs forward on Sunday 2026-03-08; Monday 09:00 is EDT (13:00 UTC) afterwards.
    const t = nextSlotTime(new Date('2026-03-06T12:00:00Z'), 'America/New_York', [{ weekday: 1, hour: 9 }]);
    const local = DateTime.fromJSDate(t.at, { zone: 'America/New_York' });
    assert.deepEqual([local.weekday, local.hour, t.at.toISOString()], [1, 9, '2026-03-09T13:00:00.000Z']);
  });

  it('refuses an empty slot list', () => {
    assert.throws(() => nextSlotTime(new Date(), 'UTC', []), RangeError);
  });
});
