/**
 * Seats and the credit ledger. Every change of credits is one ledger entry plus the matching
 * change of the stored sums, in one transaction, under the seat's row lock: so balances are exact
 * under concurrency, a retried job or request never applies twice (uniqueness of grants per
 * period, of spends and refunds per InMail), and a crash leaves either both or neither.
 */
import type { Clock } from '../clock.ts';
import { nextRenewal, periodStartFor, renewal, type LedgerKind } from '../domain/credits.ts';
import { DomainError, invalid, notFound, unprocessable } from '../domain/errors.ts';
import type { LedgerEntryRow } from '../repositories/ledger.repository.ts';
import {
  DEFAULT_SEND_WINDOW,
  validateSendWindow,
  type SendWindow,
  type Weekday,
} from '../domain/send-window.ts';

import type { OrgPolicyPatch, OrgPolicyRow } from '../repositories/policy.repository.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { SeatRow } from '../repositories/seat.repository.ts';

export interface SeatView {
  id: string;
  orgId: string;
  holder: { userId: string; name: string } | null;
  licenseType: { id: string; key: string; name: string };
  balance: number;
  monthlyAllotment: number;
  rolloverCap: number;
  monthlyLimit: number | null;
  renewsAt: Date;
  periodStartedAt: Date;
  reserved: number;
  pendingRefunds: number;
  spentThisPeriod: number;
  revokedAt: Date | null;
}

export interface LedgerEntryView {
  id: number;
  kind: LedgerKind;
  amount: number;
  reservedDelta: number;
  inmailId: string | null;
  campaignId: string | null;
  actorUserId: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface PolicyView {
  refundPolicy: OrgPolicyRow['refund_policy'];
  refundWindowDays: number;
  refundTarget: 'seat' | 'pool';
  orgCapPerCandidate: number;
  orgCapWindowDays: number;
  mandatoryPersonalization: boolean;
  qualityBlockBelow: number | null;
  /** Where new campaigns' send windows start from (the product default until an admin sets one). */
  defaultSendWindow: Omit<SendWindow, 'days' | 'holidays'> & { days: Weekday[]; holidays: string[] };
}

/** The send window new campaigns of the organization start from. */
export function orgSendWindow(p: OrgPolicyRow): SendWindow {
  return (
    p.default_send_window ?? { ...DEFAULT_SEND_WINDOW, days: [...DEFAULT_SEND_WINDOW.days], holidays: [] }
  );
}

export function policyView(p: OrgPolicyRow): PolicyView {
  return {
    refundPolicy: p.refund_policy,
    refundWindowDays: p.refund_window_days,
    refundTarget: p.refund_target,
    orgCapPerCandidate: p.org_cap_per_candidate,
    orgCapWindowDays: p.org_cap_window_days,
    mandatoryPersonalization: p.mandatory_personalization,
    qualityBlockBelow: p.quality_block_below,
    defaultSendWindow: (({ days, holidays, ...w }) => ({ ...w, days: [...days], holidays: [...holidays] }))(
      orgSendWindow(p),
    ),
  };
}

function entryView(e: LedgerEntryRow): LedgerEntryView {
  return {
    id: e.id,
    kind: e.kind,
    amount: e.amount,
    reservedDelta: e.reserved_delta,
    inmailId: e.inmail_id,
    campaignId: e.campaign_id,
    actorUserId: e.actor_user_id,
    reason: e.reason,
    createdAt: e.created_at,
  };
}

/** Appends an entry and applies it to the stored sums; the caller holds the seat lock. */
export async function post(
  r: Repos,
  e: {
    orgId: string;
    seatId: string | null;
    kind: LedgerKind;
    amount: number;
    reservedDelta?: number;
    inmailId?: string | null;
    campaignId?: string | null;
    actorUserId?: string | null;
    reason?: string | null;
    periodStart?: Date | null;
    at: Date;
  },
): Promise<LedgerEntryRow | undefined> {
  const entry = await r.ledger.append({ ...e, createdAt: e.at });
  if (!entry) return undefined;
  if (e.seatId) await r.seats.applyDelta(e.seatId, e.amount, e.reservedDelta ?? 0);
  else await r.pools.apply(e.orgId, e.amount);
  return entry;
}

export class CreditService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async view(r: Repos, seat: SeatRow): Promise<SeatView> {
    return {
      id: seat.id,
      orgId: seat.org_id,
      holder:
        seat.user_id && seat.holder_first_name !== null
          ? { userId: seat.user_id, name: `${seat.holder_first_name} ${seat.holder_last_name}` }
          : null,
      licenseType: { id: seat.license_type_id, key: seat.license_key, name: seat.license_name },
      balance: seat.balance,
      monthlyAllotment: seat.monthly_allotment,
      rolloverCap: seat.rollover_cap,
      monthlyLimit: seat.monthly_limit,
      renewsAt: seat.renews_at,
      periodStartedAt: seat.period_started_at,
      reserved: seat.reserved,
      pendingRefunds: await r.seats.pendingRefunds(seat.id),
      spentThisPeriod: await r.seats.spentSince(seat.id, seat.period_started_at),
      revokedAt: seat.revoked_at,
    };
  }

  async getSeat(orgId: string, seatId: string): Promise<SeatView> {
    const seat = await this.store.repos.seats.get(orgId, seatId);
    if (!seat) throw notFound('seat');
    return this.view(this.store.repos, seat);
  }

  async listSeats(orgId: string): Promise<SeatView[]> {
    const seats = await this.store.repos.seats.list(orgId);
    return Promise.all(seats.map((s) => this.view(this.store.repos, s)));
  }

  async seatOfUser(orgId: string, userId: string): Promise<SeatView | null> {
    const seat = await this.store.repos.seats.byUser(orgId, userId);
    return seat ? this.view(this.store.repos, seat) : null;
  }

  async ledger(orgId: string, seatId: string, cursor: number | null, limit: number) {
    const seat = await this.store.repos.seats.get(orgId, seatId);
    if (!seat) throw notFound('seat');
    const rows = await this.store.repos.ledger.page(orgId, seatId, cursor, limit + 1);
    const items = rows.slice(0, limit).map(entryView);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  }

  /**
   * Assigns a new seat of a license type to a user (or leaves it unassigned) and grants its first
   * month at once. The anniversary day is today's unless given.
   */
  async createSeat(
    orgId: string,
    actorUserId: string,
    input: {
      userId?: string | null;
      licenseType: string;
      monthlyLimit?: number | null;
      anniversaryDay?: number;
    },
  ): Promise<SeatView> {
    return this.store.tx((r) => this.createSeatInTx(r, orgId, actorUserId, input, this.clock.now()));
  }

  async createSeatInTx(
    r: Repos,
    orgId: string,
    actorUserId: string | null,
    input: {
      userId?: string | null;
      licenseType: string;
      monthlyLimit?: number | null;
      anniversaryDay?: number;
    },
    now: Date,
  ): Promise<SeatView> {
    const lt = await r.licenseTypes.byKey(orgId, input.licenseType);
    if (!lt) {
      throw invalid('unknown_license_type', `No license type "${input.licenseType}"`, [
        { field: 'licenseType', message: 'unknown license type' },
      ]);
    }
    if (input.userId) {
      const user = await r.users.get(orgId, input.userId);
      if (!user) throw notFound('user');
      if (await r.seats.byUser(orgId, input.userId)) {
        throw new DomainError('conflict', 'user_has_seat', 'This user already holds a seat');
      }
    }
    const day = input.anniversaryDay ?? now.getUTCDate();
    const periodStart = periodStartFor(now, day);
    const seatId = await r.seats.create({
      orgId,
      userId: input.userId ?? null,
      licenseTypeId: lt.id,
      monthlyLimit: input.monthlyLimit ?? null,
      anniversaryDay: day,
      periodStartedAt: periodStart,
      renewsAt: nextRenewal(periodStart, day),
      createdAt: now,
    });
    await post(r, {
      orgId,
      seatId,
      kind: 'grant',
      amount: lt.monthly_allotment,
      periodStart,
      actorUserId,
      reason: 'first month',
      at: now,
    });
    await r.events.append({ type: 'seat.created', occurredAt: now, orgId, actorUserId, seatId });
    return this.view(r, (await r.seats.get(orgId, seatId))!);
  }

  async updateSeat(
    orgId: string,
    actorUserId: string,
    seatId: string,
    patch: { monthlyLimit?: number | null; userId?: string | null },
  ): Promise<SeatView> {
    return this.store.tx(async (r) => {
      const seat = await r.seats.lock(orgId, seatId);
      if (!seat) throw notFound('seat');
      if (patch.userId) {
        if (!(await r.users.get(orgId, patch.userId))) throw notFound('user');
        const other = await r.seats.byUser(orgId, patch.userId);
        if (other && other.id !== seatId) {
          throw new DomainError('conflict', 'user_has_seat', 'This user already holds another seat');
        }
      }
      await r.seats.update(orgId, seatId, patch);
      await r.events.append({
        type: 'seat.updated',
        occurredAt: this.clock.now(),
        orgId,
        actorUserId,
        seatId,
        data: { ...patch },
      });
      return this.view(r, (await r.seats.get(orgId, seatId))!);
    });
  }

  /** An admin's correction of a seat's balance, with a reason; never below zero. */
  async adjust(orgId: string, actorUserId: string, seatId: string, amount: number, reason: string) {
    if (!Number.isInteger(amount) || amount === 0) {
      throw invalid('invalid_amount', 'The amount must be a non-zero integer', [
        { field: 'amount', message: 'non-zero integer' },
      ]);
    }
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const seat = await r.seats.lock(orgId, seatId);
      if (!seat) throw notFound('seat');
      if (seat.balance + amount < 0) {
        throw unprocessable(
          'balance_would_be_negative',
          `The seat holds ${seat.balance} credits; it cannot go below zero`,
        );
      }
      const entry = await post(r, { orgId, seatId, kind: 'adjust', amount, actorUserId, reason, at: now });
      await r.events.append({
        type: 'credits.adjusted',
        occurredAt: now,
        orgId,
        actorUserId,
        seatId,
        data: { amount, reason },
      });
      return { entry: entryView(entry!), seat: await this.view(r, (await r.seats.get(orgId, seatId))!) };
    });
  }

  /** Moves credits from the organization's pool (where refunds may go) to a seat. */
  async transferFromPool(orgId: string, actorUserId: string, seatId: string, amount: number) {
    if (!Number.isInteger(amount) || amount <= 0) {
      throw invalid('invalid_amount', 'The amount must be a positive integer', [
        { field: 'amount', message: 'positive integer' },
      ]);
    }
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const seat = await r.seats.lock(orgId, seatId);
      if (!seat) throw notFound('seat');
      const pool = await r.pools.lock(orgId);
      if (pool < amount) {
        throw new DomainError('payment_required', 'insufficient_credits', `The pool holds ${pool} credits`);
      }
      await post(r, {
        orgId,
        seatId: null,
        kind: 'transfer',
        amount: -amount,
        actorUserId,
        reason: `to seat ${seatId}`,
        at: now,
      });
      await post(r, {
        orgId,
        seatId,
        kind: 'transfer',
        amount,
        actorUserId,
        reason: 'from the pool',
        at: now,
      });
      return this.view(r, (await r.seats.get(orgId, seatId))!);
    });
  }

  async pool(orgId: string): Promise<{ balance: number }> {
    return { balance: await this.store.repos.pools.balance(orgId) };
  }

  async policies(orgId: string): Promise<PolicyView> {
    return policyView(await this.store.repos.policies.get(orgId));
  }

  /**
   * Changes policies. `defaultSendWindow` is merged into the current one (null: back to the product
   * default) and validated like a campaign's window.
   */
  async updatePolicies(
    orgId: string,
    actorUserId: string,
    input: Omit<OrgPolicyPatch, 'defaultSendWindow'> & { defaultSendWindow?: Partial<SendWindow> | null },
  ): Promise<PolicyView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const { defaultSendWindow, ...rest } = input;
      const patch: OrgPolicyPatch = { ...rest };
      if (defaultSendWindow === null) patch.defaultSendWindow = null;
      else if (defaultSendWindow !== undefined) {
        const window = { ...orgSendWindow(await r.policies.get(orgId)), ...defaultSendWindow };
        const errors = validateSendWindow(window);
        if (errors.length) {
          throw invalid(
            'invalid_send_window',
            'The default send window is not valid',
            errors.map((e) => ({ ...e, field: `defaultSendWindow.${e.field}` })),
          );
        }
        patch.defaultSendWindow = window;
      }
      const p = await r.policies.update(orgId, patch, now);
      await r.events.append({
        type: 'policies.updated',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { ...patch },
      });
      return policyView(p);
    });
  }

  async licenseTypes(orgId: string) {
    return (await this.store.repos.licenseTypes.list(orgId)).map((t) => ({
      id: t.id,
      key: t.key,
      name: t.name,
      monthlyAllotment: t.monthly_allotment,
      rolloverCap: t.rollover_cap,
      builtIn: t.org_id === null,
    }));
  }

  async createLicenseType(
    orgId: string,
    t: { key: string; name: string; monthlyAllotment: number; rolloverCap?: number },
  ) {
    const rolloverCap = t.rolloverCap ?? t.monthlyAllotment * 4;
    if (rolloverCap < t.monthlyAllotment) {
      throw invalid('invalid_rollover_cap', 'The rollover cap must be at least the monthly allotment', [
        { field: 'rolloverCap', message: 'must be >= monthlyAllotment' },
      ]);
    }
    const row = await this.store.repos.licenseTypes.create(orgId, { ...t, rolloverCap });
    if (!row)
      throw new DomainError('conflict', 'license_type_exists', `A license type "${t.key}" exists already`);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      monthlyAllotment: row.monthly_allotment,
      rolloverCap: row.rollover_cap,
      builtIn: false,
    };
  }

  /**
   * Renews one seat: for every anniversary that has passed (several, if the process was down for
   * months), grant the allotment and expire what exceeds the cap, then move the period on. A grant
   * is unique per period, so running this twice, or from two workers, grants once.
   */
  async renewSeat(orgId: string, seatId: string): Promise<number> {
    return this.store.tx((r) => this.renewSeatInTx(r, orgId, seatId, this.clock.now()));
  }

  async renewSeatInTx(r: Repos, orgId: string, seatId: string, now: Date): Promise<number> {
    const seat = await r.seats.lock(orgId, seatId);
    if (!seat || seat.revoked_at) return 0;
    let periodStart = seat.period_started_at;
    let renewsAt = seat.renews_at;
    let balance = seat.balance;
    let renewals = 0;
    while (renewsAt.getTime() <= now.getTime()) {
      periodStart = renewsAt;
      renewsAt = nextRenewal(periodStart, seat.anniversary_day);
      const { grant, expire } = renewal({
        balance,
        reserved: seat.reserved,
        allotment: seat.monthly_allotment,
        cap: seat.rollover_cap,
      });
      // Entries carry the instant the renewal was due, so history reads right after a catch-up.
      const granted = await post(r, {
        orgId,
        seatId,
        kind: 'grant',
        amount: grant,
        periodStart,
        at: periodStart,
      });
      if (!granted) continue;
      balance += grant;
      if (expire > 0) {
        await post(r, {
          orgId,
          seatId,
          kind: 'expire',
          amount: -expire,
          reason: 'over the rollover cap',
          at: periodStart,
        });
        balance -= expire;
      }
      await r.events.append({
        type: 'credits.renewed',
        occurredAt: periodStart,
        orgId,
        seatId,
        data: { granted: grant, expired: expire, balance },
      });
      renewals++;
    }
    await r.seats.setPeriod(seatId, periodStart, renewsAt);
    return renewals;
  }

  /** The renewal job: every due seat, in batches. */
  async renewDue(): Promise<{ seats: number; renewals: number }> {
    let seats = 0;
    let renewals = 0;
    for (;;) {
      const due = await this.store.repos.seats.dueForRenewal(this.clock.now(), 100);
      if (due.length === 0) break;
      for (const s of due) {
        renewals += await this.renewSeat(s.org_id, s.id);
        seats++;
      }
    }
    return { seats, renewals };
  }

  /** Stored sums against the ledger, for tests and `inmail ledger --check`. */
  async verify(
    seatId: string,
  ): Promise<{ stored: { balance: number; reserved: number }; sums: { balance: number; reserved: number } }> {
    const seat = await this.store.repos.seats.findAnywhere(seatId);
    if (!seat) throw notFound('seat');
    const sums = await this.store.repos.ledger.sums(seatId);
    return {
      stored: { balance: seat.balance, reserved: seat.reserved },
      sums: { balance: sums.balance, reserved: sums.reserved },
    };
  }
}
