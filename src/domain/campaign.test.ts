import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AllowanceInput, CampaignAction, CampaignStatus } from './campaign.ts';
import { DomainError } from './errors.ts';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUSES,
  InvalidTransitionError,
  allowedActions,
  campaignSendAllowance,
  canTransition,
  isCampaignStatus,
  isTerminalStatus,
  transition,
} from './campaign.ts';

/** The whole table, written out once more by hand so a change to the machine has to change this test too. */
const EXPECTED: Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>> = {
  draft: { schedule: 'scheduled', start: 'running', cancel: 'cancelled' },
  scheduled: { start: 'running', cancel: 'cancelled' },
  running: { pause: 'paused', complete: 'completed', cancel: 'cancelled' },
  paused: { resume: 'running', complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

describe('campaign status machine', () => {
  it('lists the statuses and actions', () => {
    assert.deepEqual(
      [...CAMPAIGN_STATUSES],
      ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'],
    );
    assert.deepEqual([...CAMPAIGN_ACTIONS], ['schedule', 'start', 'pause', 'resume', 'complete', 'cancel']);
  });

  for (const from of CAMPAIGN_STATUSES) {
    for (const action of CAMPAIGN_ACTIONS) {
      const to = EXPECTED[from][action];
      if (to !== undefined) {
        it(`${from} --${action}--> ${to}`, () => {
          assert.equal(transition(from, action), to);
          assert.ok(canTransition(from, to));
        });
      } else {
        it(`refuses to ${action} a ${from} campaign`, () => {
          assert.throws(
            () => transition(from, action),
            (e: unknown) => {
              assert.ok(e instanceof InvalidTransitionError);
              assert.ok(e instanceof DomainError);
              assert.equal(e.kind, 'conflict');
              assert.deepEqual(e.details.extra, { from, action, allowed: Object.keys(EXPECTED[from]) });
              assert.equal(e.code, 'invalid_transition');
              assert.equal(e.name, 'InvalidTransitionError');
              assert.equal(e.from, from);
              assert.equal(e.action, action);
              assert.deepEqual(e.allowed, Object.keys(EXPECTED[from]));
              assert.match(e.message, new RegExp(`cannot ${action} a ${from} campaign`));
              return true;
            },
          );
        });
      }
    }
  }

  it('canTransition matches the table for every pair, and never allows staying put', () => {
    for (const from of CAMPAIGN_STATUSES) {
      for (const to of CAMPAIGN_STATUSES) {
        const expected = Object.values(EXPECTED[from]).includes(to);
        assert.equal(canTransition(from, to), expected, `${from} -> ${to}`);
      }
      assert.ok(!canTransition(from, from));
    }
  });

  it('spells out the moves named in the design', () => {
    const allowed: [CampaignStatus, CampaignStatus][] = [
      ['draft', 'scheduled'],
      ['scheduled', 'running'],
      ['running', 'paused'],
      ['paused', 'running'],
      ['running', 'completed'],
      ['draft', 'running'],
      ['scheduled', 'cancelled'],
      ['draft', 'cancelled'],
      ['paused', 'cancelled'],
    ];
    for (const [from, to] of allowed) assert.ok(canTransition(from, to), `${from} -> ${to}`);
    const refused: [CampaignStatus, CampaignStatus][] = [
      ['scheduled', 'draft'],
      ['scheduled', 'paused'],
      ['draft', 'paused'],
      ['draft', 'completed'],
      ['completed', 'running'],
      ['cancelled', 'draft'],
      ['cancelled', 'running'],
      ['completed', 'cancelled'],
      ['paused', 'scheduled'],
    ];
    for (const [from, to] of refused) assert.ok(!canTransition(from, to), `${from} -> ${to}`);
  });

  it('lists allowed actions in a stable order, none for the final statuses', () => {
    assert.deepEqual(allowedActions('draft'), ['schedule', 'start', 'cancel']);
    assert.deepEqual(allowedActions('running'), ['pause', 'complete', 'cancel']);
    assert.deepEqual(allowedActions('paused'), ['resume', 'complete', 'cancel']);
    assert.deepEqual(allowedActions('completed'), []);
    assert.ok(isTerminalStatus('completed'));
    assert.ok(isTerminalStatus('cancelled'));
    assert.ok(!isTerminalStatus('paused'));
    assert.throws(() => transition('cancelled', 'resume'), /cancelled is final/);
  });

  it('refuses statuses and actions that are not in the machine, including prototype names', () => {
    assert.throws(() => transition('finished' as CampaignStatus, 'start'), InvalidTransitionError);
    assert.throws(() => transition('draft', 'archive' as CampaignAction), InvalidTransitionError);
    assert.throws(() => transition('draft', 'toString' as CampaignAction), InvalidTransitionError);
    assert.throws(() => transition('__proto__' as CampaignStatus, 'start'), InvalidTransitionError);
    assert.ok(!canTransition('constructor' as CampaignStatus, 'running'));
    assert.deepEqual(allowedActions('hasOwnProperty' as CampaignStatus), []);
  });

  it('recognises statuses from outside', () => {
    assert.ok(isCampaignStatus('paused'));
    assert.ok(!isCampaignStatus('finished'));
    assert.ok(!isCampaignStatus(3));
    assert.ok(!isCampaignStatus(null));
  });

  it('keeps every reachable walk inside the machine', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CAMPAIGN_ACTIONS), { maxLength: 20 }), (actions) => {
        let status: CampaignStatus = 'draft';
        for (const a of actions) {
          const allowed = allowedActions(status);
          if (allowed.includes(a)) {
            const next = transition(status, a);
            assert.ok(canTransition(status, next));
            status = next;
          } else {
            assert.throws(() => transition(status, a), InvalidTransitionError);
          }
        }
        assert.ok(isCampaignStatus(status));
      }),
    );
  });
});

describe('campaignSendAllowance', () => {
  const base: AllowanceInput = {
    budget: null,
    sentSoFar: 0,
    seatBalance: 50,
    reserveToKeep: 0,
    dailyCap: null,
    sentToday: 0,
  };

  it('the seed: a 50-credit seat, 30 to send, 20 held in reserve', () => {
    const start = campaignSendAllowance({ ...base, budget: 30, reserveToKeep: 20 });
    assert.deepEqual(start, {
      allowed: 30,
      limitedBy: 'budget',
      remaining: { budget: 30, balance: 50, reserve: 30, daily_cap: null },
    });
    // After 12 sends the seat holds 38.
    assert.deepEqual(
      campaignSendAllowance({ ...base, budget: 30, sentSoFar: 12, seatBalance: 38, reserveToKeep: 20 })
        .allowed,
      18,
    );
    // All 30 sent: 20 credits left, all of them reserved.
    const done = campaignSendAllowance({
      ...base,
      budget: 30,
      sentSoFar: 30,
      seatBalance: 20,
      reserveToKeep: 20,
    });
    assert.equal(done.allowed, 0);
    assert.equal(done.limitedBy, 'budget');
    assert.equal(done.remaining.reserve, 0);
  });

  it('budget binds', () => {
    const r = campaignSendAllowance({ ...base, budget: 10, sentSoFar: 4, seatBalance: 100 });
    assert.deepEqual([r.allowed, r.limitedBy], [6, 'budget']);
  });

  it('reserve binds', () => {
    // The seat was drawn down elsewhere: 25 left, 20 of them reserved.
    const r = campaignSendAllowance({
      ...base,
      budget: 30,
      sentSoFar: 5,
      seatBalance: 25,
      reserveToKeep: 20,
    });
    assert.deepEqual([r.allowed, r.limitedBy], [5, 'reserve']);
  });

  it('daily cap binds', () => {
    const r = campaignSendAllowance({ ...base, budget: 30, dailyCap: 10, sentToday: 7, reserveToKeep: 20 });
    assert.deepEqual([r.allowed, r.limitedBy], [3, 'daily_cap']);
  });

  it('balance binds when nothing is reserved', () => {
    const r = campaignSendAllowance({ ...base, budget: 100, seatBalance: 8 });
    assert.deepEqual([r.allowed, r.limitedBy], [8, 'balance']);
  });

  it('without a budget or a cap, the seat decides', () => {
    assert.deepEqual(campaignSendAllowance(base), {
      allowed: 50,
      limitedBy: 'balance',
      remaining: { budget: null, balance: 50, reserve: 50, daily_cap: null },
    });
    assert.equal(campaignSendAllowance({ ...base, reserveToKeep: 10 }).limitedBy, 'reserve');
  });

  it('is never negative when a limit is already exceeded', () => {
    const over = campaignSendAllowance({
      budget: 10,
      sentSoFar: 12,
      seatBalance: 5,
      reserveToKeep: 20,
      dailyCap: 3,
      sentToday: 9,
    });
    assert.equal(over.allowed, 0);
    assert.deepEqual(over.remaining, { budget: 0, balance: 5, reserve: 0, daily_cap: 0 });
    assert.equal(over.limitedBy, 'budget');
  });

  it('breaks ties toward the limit that lasts longest: budget, balance, reserve, daily cap', () => {
    const tie = (input: Partial<AllowanceInput>) => campaignSendAllowance({ ...base, ...input }).limitedBy;
    assert.equal(tie({ budget: 5, seatBalance: 5 }), 'budget');
    assert.equal(tie({ budget: 5, dailyCap: 5 }), 'budget');
    assert.equal(tie({ seatBalance: 5, dailyCap: 5 }), 'balance');
    assert.equal(tie({ seatBalance: 25, reserveToKeep: 20, dailyCap: 5 }), 'reserve');
    assert.equal(tie({ budget: 0, seatBalance: 0, dailyCap: 0 }), 'budget');
  });

  it('a daily cap of 0 stops sending for the day', () => {
    const r = campaignSendAllowance({ ...base, dailyCap: 0 });
    assert.deepEqual([r.allowed, r.limitedBy], [0, 'daily_cap']);
  });

  it('rejects negative, fractional and non-numeric counts, naming the field', () => {
    assert.throws(() => campaignSendAllowance({ ...base, sentSoFar: -1 }), /sentSoFar/);
    assert.throws(() => campaignSendAllowance({ ...base, seatBalance: 2.5 }), /seatBalance/);
    assert.throws(() => campaignSendAllowance({ ...base, budget: Number.NaN }), /budget/);
    assert.throws(() => campaignSendAllowance({ ...base, dailyCap: -3 }), /dailyCap/);
    assert.throws(() => campaignSendAllowance({ ...base, reserveToKeep: Infinity }), /reserveToKeep/);
    assert.throws(() => campaignSendAllowance({ ...base, sentToday: -2 }), RangeError);
  });

  it('allowed is the smallest headroom, never negative, and names a limit that has exactly that headroom', () => {
    const count = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(
        fc.record({
          budget: fc.option(count),
          sentSoFar: count,
          seatBalance: count,
          reserveToKeep: count,
          dailyCap: fc.option(count),
          sentToday: count,
        }),
        (input) => {
          const r = campaignSendAllowance(input);
          assert.ok(r.allowed >= 0 && Number.isInteger(r.allowed));
          assert.equal(r.remaining[r.limitedBy], r.allowed);
          for (const v of Object.values(r.remaining)) if (v !== null) assert.ok(v >= r.allowed);
          assert.ok(r.allowed <= input.seatBalance - Math.min(input.reserveToKeep, input.seatBalance));
          if (input.budget !== null) assert.ok(r.allowed <= Math.max(0, input.budget - input.sentSoFar));
          if (input.dailyCap !== null) assert.ok(r.allowed <= Math.max(0, input.dailyCap - input.sentToday));
        },
      ),
    );
  });
});
