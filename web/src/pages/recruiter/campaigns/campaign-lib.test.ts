import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allowedActions,
  describeWindow,
  DEFAULT_WINDOW,
  parseTime,
  reservation,
  sentPerStep,
  toWindow,
  windowDraft,
} from './campaign-lib.ts';

test('the actions follow the server status machine', () => {
  assert.deepEqual(allowedActions('draft'), ['start', 'cancel']);
  assert.deepEqual(allowedActions('running'), ['pause', 'complete', 'cancel']);
  assert.deepEqual(allowedActions('paused'), ['resume', 'complete', 'cancel']);
  assert.deepEqual(allowedActions('completed'), []);
  assert.deepEqual(allowedActions('cancelled'), []);
});

test("the seed's example: a 50-credit seat, send 30, keep 20", () => {
  assert.deepEqual(reservation(50, 30, 20), { reserved: 30, keeps: 20, limitedBy: 'budget' });
  // Less above the reserve than the budget: only that much is reserved.
  assert.deepEqual(reservation(40, 30, 20), { reserved: 20, keeps: 20, limitedBy: 'reserve' });
  // Nothing above the reserve: the server refuses the start.
  assert.equal(reservation(15, 30, 20).reserved, 0);
  assert.deepEqual(reservation(50, null, 20), { reserved: 0, keeps: 20, limitedBy: 'none' });
});

test('sent per step adds up from the last step a recipient got', () => {
  assert.deepEqual(sentPerStep({ '0': 2, '1': 1 }, 2), [3, 1]);
  assert.deepEqual(sentPerStep({}, 3), [0, 0, 0]);
  assert.deepEqual(sentPerStep({ '2': 4 }, 2), [4, 4, 4]);
});

test('windows are described in the recipient’s zone', () => {
  assert.equal(describeWindow(DEFAULT_WINDOW), "Tue, Wed, Thu, 08:00–11:00 in each recipient's time zone");
  assert.match(
    describeWindow({ ...DEFAULT_WINDOW, days: [1, 2, 3, 4, 5, 6, 7], startHour: 0, endHour: 24 }),
    /^Every day, all day/,
  );
});

test('a window goes to the form as text and comes back the same', () => {
  const w = { ...DEFAULT_WINDOW, days: [1, 5], endHour: 24, endMinute: 0, holidays: ['2025-12-25'] };
  const d = windowDraft(w);
  assert.deepEqual(d, {
    days: [1, 5],
    start: '08:00',
    end: '24:00',
    holidays: ['2025-12-25'],
    timeZone: 'UTC',
  });
  assert.deepEqual(toWindow(d), w);
  assert.deepEqual(toWindow({ ...d, days: [5, 3, 1], start: ' 9:30 ', end: '17:05' }), {
    ...w,
    days: [1, 3, 5],
    startHour: 9,
    startMinute: 30,
    endHour: 17,
    endMinute: 5,
  });
  assert.equal(parseTime('nine'), null);
  assert.throws(() => toWindow({ ...d, start: '' }), /hours and minutes/);
});
