/**
 * A property test of the credit ledger: random sequences of renewals, sends, answers, expiries and
 * adjustments over simulated months, for random policies and license types. After every run:
 * the stored balance equals the sum of the entries and is never negative; after every renewal
 * the seat holds no more than its rollover cap; every InMail is refunded at most once, and
 * exactly when the organization's policy says.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../src/domain/errors.ts';
import type { RefundPolicy } from '../src/domain/credits.ts';
import type { Sender } from '../src/services/inmail.service.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { memberId } from './support/client.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const DAY = 86_400_000;

type Op =
  | { kind: 'renew'; days: number }
  | { kind: 'send'; member: number }
  | { kind: 'answer'; pick: number; how: 'accepted' | 'declined' | 'replied' }
  | { kind: 'expire'; days: number }
  | { kind: 'adjust'; amount: number }
  | { kind: 'wait'; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('renew' as const), days: fc.integer({ min: 0, max: 45 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('send' as const), member: fc.integer({ min: 1, max: 200 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      how: fc.constantFrom('accepted' as const, 'declined' as const, 'replied' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('expire' as const), days: fc.integer({ min: 0, max: 100 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('adjust' as const), amount: fc.integer({ min: -15, max: 25 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 20 }) }),
  },
);

const ALLOWED_REFUSALS = new Set([
  'insufficient_credits',
  'frequency_cap',
  'recipient_snoozed',
  'already_responded',
  'conversation_closed',
  'balance_would_be_negative',
]);

async function setup(policy: RefundPolicy, license: string) {
  const { store, credits } = t.services;
  const tag = randomUUID().slice(0, 8);
  const now = t.clock.now();
  const ids = await store.tx(async (r) => {
    const org = await r.organizations.create(`Prop ${tag}`, `prop-${tag}`);
    const accountId = await r.accounts.create(`prop-${tag}@example.test`, 'x');
    const userId = await r.users.create({
      orgId: org.id,
      accountId,
      firstName: 'Prop',
      lastName: tag,
      title: '',
      roles: ['org_admin', 'recruiter'],
    });
    await r.policies.update(org.id, { refundPolicy: policy }, now);
    return { orgId: org.id, userId };
  });
  const seat = await credits.createSeat(ids.orgId, ids.userId, { userId: ids.userId, licenseType: license });
  const sender: Sender = {
    orgId: ids.orgId,
    userId: ids.userId,
    roles: ['org_admin', 'recruiter'],
    memberId: null,
    firstName: 'Prop',
    lastName: tag,
  };
  return { ...ids, seatId: seat.id, cap: seat.rolloverCap, sender };
}

function expectRefusal(err: unknown) {
  if (err instanceof DomainError && ALLOWED_REFUSALS.has(err.code)) return;
  throw err;
}

/** What the runs exercised, so the test proves it covered refunds, expiries and renewals. */
const seen = { sent: 0, refunded: 0, expired: 0, renewals: 0, expiries: 0, refusals: 0 };

test(
  'the ledger stays exact under random operations over simulated months',
  { timeout: 600_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<RefundPolicy>('response-within-90-days', 'on-decline'),
        fc.constantFrom('lite', 'professional', 'corporate'),
        fc.array(op, { minLength: 10, maxLength: 50 }),
        async (policy, license, ops) => {
          const { services, clock } = t;
          const ctx = await setup(policy, license);
          const sent: string[] = [];
          for (const o of ops) {
            try {
              switch (o.kind) {
                case 'renew': {
                  clock.advance(o.days * DAY);
                  const renewed = await services.credits.renewSeat(ctx.orgId, ctx.seatId);
                  seen.renewals += renewed;
                  // The cap applies at renewal: refunds and adjustments in between may go above it.
                  if (renewed > 0) {
                    const s = await services.credits.getSeat(ctx.orgId, ctx.seatId);
                    assert.ok(
                      s.balance + s.reserved <= ctx.cap,
                      `after a renewal ${s.balance} <= cap ${ctx.cap}`,
                    );
                  }
                  break;
                }
                case 'send': {
                  const { result } = await services.inmails.send(ctx.sender, {
                    recipientId: memberId(o.member),
                    subject: 'Property',
                    body: 'A property-based hello',
                  });
                  sent.push(result.id);
                  seen.sent++;
                  break;
                }
                case 'answer': {
                  if (sent.length === 0) break;
                  const id = sent[o.pick % sent.length]!;
                  const i = (await services.store.repos.inmails.get(id))!;
                  const m = i.recipient_member_id;
                  if (o.how === 'accepted') await services.inmails.accept(m, id);
                  else if (o.how === 'declined')
                    await services.inmails.decline(m, id, { reason: 'not_a_fit' });
                  else await services.inmails.reply(m, id, 'A reply');
                  break;
                }
                case 'expire':
                  clock.advance(o.days * DAY);
                  await services.inmails.expireDue();
                  break;
                case 'adjust':
                  if (o.amount !== 0)
                    await services.credits.adjust(
                      ctx.orgId,
                      ctx.userId,
                      ctx.seatId,
                      o.amount,
                      'property test',
                    );
                  break;
                case 'wait':
                  clock.advance(o.hours * 3_600_000);
                  break;
              }
            } catch (err) {
              expectRefusal(err);
              seen.refusals++;
            }
          }

          const v = await services.credits.verify(ctx.seatId);
          assert.deepEqual(v.stored, v.sums, 'stored balance = sum of the ledger');
          assert.ok(v.stored.balance >= 0);
          const { repos } = services.store;
          for (const id of sent) {
            const i = (await repos.inmails.get(id))!;
            const refunds = await repos.ledger.countFor(id, 'refund');
            assert.ok(refunds <= 1, 'refunded at most once');
            assert.equal(await repos.ledger.countFor(id, 'spend'), 1);
            const responses: [string, Date][] = [
              ['accepted', i.accepted_at],
              ['declined', i.declined_at],
              ['replied', i.replied_at],
            ].filter((x): x is [string, Date] => x[1] !== null);
            responses.sort((a, b) => a[1].getTime() - b[1].getTime());
            const first = responses[0];
            const due =
              first !== undefined &&
              (policy === 'on-decline'
                ? first[0] === 'declined'
                : first[1].getTime() - i.sent_at.getTime() <= 90 * DAY);
            assert.equal(refunds, due ? 1 : 0, `InMail ${i.status}: refund as the ${policy} policy says`);
            assert.equal(i.refunded_at !== null, due);
            if (due) seen.refunded++;
            if (i.status === 'expired') seen.expired++;
          }
          // Let caps and renewals breathe between runs.
          clock.advance(35 * DAY);
        },
      ),
      { numRuns: 40 },
    );
    seen.expiries = (
      await t.services.store.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'expire')
        .executeTakeFirstOrThrow()
    ).n;
    console.log('property runs exercised', seen);
    assert.ok(
      seen.sent > 100 &&
        seen.refunded > 10 &&
        seen.expired > 0 &&
        seen.renewals > 10 &&
        seen.expiries > 0 &&
        seen.refusals > 0,
    );
  },
);
