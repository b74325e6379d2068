/**
 * The analytics consumer: reads the event stream and the credit ledger in commit order, keeps one
 * fact row per send, adds each batch's changes to the rollups, and moves candidates of the
 * organizations' projects on InMail events (sent -> contacted; accepted or replied -> replied).
 *
 * Why a consumer, and not work in the send path: the send is one statement (docs/benchmarks.md),
 * and every dashboard row a send touches (its day, its recruiter, its template ...) is shared by
 * all sends of that day: updating them in the send's transaction would serialize an organization's
 * sends on those rows. The consumer does the same work in batches, off the send path, and reads
 * stay current anyway: every report (and the project board) first consumes what is new, so a
 * recruiter sees their InMail the moment after sending it. A cron job does the same every minute
 * so the lazy step is usually empty.
 *
 * Exactly once, in commit order: rows carry their transaction id (events.tx, ledger_entries.tx). A
 * window is opened from a snapshot: rows of transactions below its xmax that were not running
 * (not in its xip list) are final; the running ones are remembered as `waiting` and read in a
 * later window once they finished. Every batch moves the position in the same transaction as its
 * writes, under a row lock that lets one consumer run at a time.
 */
import type { Clock } from '../clock.ts';
import {
  addDelta,
  applyOutcome,
  classifyEvent,
  emptyFact,
  isSent,
  WINDOWS,
  type Contribution,
  type EventMeaning,
  type SendFact,
  type StreamEvent,
} from '../domain/analytics.ts';
import { autoMoveFrom, isScreened, isStage, type PipelineSignal } from '../domain/pipeline.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { ConsumerState, WindowRead, Xid } from '../repositories/analytics-ingest.repository.ts';

/** A screen is credited to the organization's latest send to the candidate at most this long before. */
export const SCREEN_ATTRIBUTION_DAYS = WINDOWS[WINDOWS.length - 1]!;

export interface CatchUpResult {
  events: number;
  ledgerEntries: number;
  /** Everything committed before the call was consumed. */
  current: boolean;
}

function big(x: Xid): bigint {
  return BigInt(x);
}

function clone(f: SendFact): SendFact {
  return { ...f };
}

export class AnalyticsIngestService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly opts: { batchSize: number } = { batchSize: 5000 },
  ) {}

  /**
   * Consumes what is new, in batches of one transaction each, at most `maxBatches` of them (a read
   * path bounds its wait; the job does not).
   */
  async catchUp(maxBatches = Infinity): Promise<CatchUpResult> {
    const total: CatchUpResult = { events: 0, ledgerEntries: 0, current: false };
    if (!(await this.store.repos.analyticsIngest.hasWork())) return { ...total, current: true };
    for (let i = 0; i < maxBatches; i++) {
      const step = await this.store.tx((r) => this.step(r));
      total.events += step.events;
      total.ledgerEntries += step.ledgerEntries;
      if (step.windowClosed) {
        total.current = true;
        break;
      }
    }
    return total;
  }

  async state(): Promise<ConsumerState> {
    return this.store.repos.analyticsIngest.state();
  }

  /** One batch: open a window if none is open, read the next events and ledger entries of it. */
  private async step(r: Repos): Promise<{ events: number; ledgerEntries: number; windowClosed: boolean }> {
    const repo = r.analyticsIngest;
    const st = await repo.lockState();
    if (st.window_end === null) {
      const snap = await repo.snapshot();
      st.window_end = snap.xmax;
      st.window_running = snap.xip;
      st.window_done = st.waiting.filter((x) => !snap.xip.includes(x));
      st.event_cursor_tx = '0';
      st.event_cursor_id = 0;
      st.ledger_cursor_tx = '0';
      st.ledger_cursor_id = 0;
    }
    const limit = this.opts.batchSize;
    const read = (cursorTx: Xid, cursorId: number): WindowRead => ({
      next: st.next_xid,
      end: st.window_end!,
      running: st.window_running ?? [],
      done: st.window_done ?? [],
      cursorTx,
      cursorId,
      limit,
    });

    const events = await repo.eventBatch(read(st.event_cursor_tx, st.event_cursor_id));
    if (events.length > 0) {
      await this.consume(r, events);
      const last = events[events.length - 1]!;
      st.event_cursor_tx = last.tx;
      st.event_cursor_id = last.id;
      st.events_consumed += events.length;
    }
    const ledger = await repo.consumeLedger(read(st.ledger_cursor_tx, st.ledger_cursor_id));
    if (ledger.n > 0) {
      st.ledger_cursor_tx = ledger.lastTx!;
      st.ledger_cursor_id = ledger.lastId!;
      st.ledger_consumed += ledger.n;
    }

    const windowClosed = events.length < limit && ledger.n < limit;
    if (windowClosed) {
      // Still running at the window's snapshot: those that were waiting already, and new ones at
      // or above the old position. They are read once they finished, in a later window.
      const oldNext = big(st.next_xid);
      const running = st.window_running ?? [];
      st.waiting = running.filter((x) => st.waiting.includes(x) || big(x) >= oldNext);
      st.next_xid = st.window_end!;
      st.window_end = null;
      st.window_running = null;
      st.window_done = null;
      st.caught_up_at = this.clock.now();
    }
    await repo.saveState(st);
    return { events: events.length, ledgerEntries: ledger.n, windowClosed };
  }

  /**
   * Applies a batch of events: sends first (so an outcome read in the same batch finds its send),
   * then outcomes (the first time of each is kept, so order does not matter), then moves into
   * screening (credited to the latest send before them). Then the facts, the rollup deltas and
   * the automatic pipeline moves are written, one statement each.
   */
  private async consume(r: Repos, events: StreamEvent[]): Promise<void> {
    const repo = r.analyticsIngest;
    const meanings: { e: StreamEvent; m: EventMeaning }[] = [];
    for (const e of events) {
      const m = classifyEvent(e);
      if (m) meanings.push({ e, m });
    }
    if (meanings.length === 0) return;

    const ids = new Set<string>();
    for (const { m } of meanings) if (m.kind !== 'stage') ids.add(m.sendId);
    const facts = new Map<string, SendFact>();
    const before = new Map<string, SendFact>();
    for (const f of await repo.loadFacts([...ids])) {
      facts.set(f.sendId, f);
      before.set(f.sendId, clone(f));
    }
    const changed = new Set<string>();

    // Sends: the dimensions the event does not carry come from the database.
    const sends = meanings.filter(
      (x): x is { e: StreamEvent; m: Extract<EventMeaning, { kind: 'send' }> } =>
        x.m.kind === 'send' && !(facts.get(x.m.sendId)?.sentAt ?? null),
    );
    const context = new Map(
      (
        await repo.sendContext(
          sends.map(({ e, m }) => ({
            sendId: m.sendId,
            channel: m.channel,
            userId: m.channel === 'connection_request' ? null : e.actorUserId,
            memberId: m.channel === 'connection_request' ? null : e.recipientMemberId,
            at: e.occurredAt,
          })),
        )
      ).map((c) => [c.send_id, c]),
    );
    for (const { e, m } of sends) {
      const c = context.get(m.sendId);
      const request = m.channel === 'connection_request';
      const orgId = request ? (c?.request_org_id ?? null) : e.orgId;
      // A member's own invitation, not an organization's: not outreach.
      if (!orgId || !c) continue;
      const f = facts.get(m.sendId) ?? emptyFact(m.sendId);
      if (f.sentAt) continue;
      const data = e.data;
      const dataStep = typeof data.step === 'number' ? data.step : null;
      const dataTemplate = typeof data.templateId === 'string' ? data.templateId : null;
      const dataVersion = typeof data.templateVersion === 'number' ? data.templateVersion : null;
      Object.assign(f, {
        orgId,
        channel: m.channel,
        sentAt: e.occurredAt,
        sentEventId: e.id,
        userId: c.user_id,
        seatId: request ? null : e.seatId,
        team: c.team,
        campaignId: request ? c.request_campaign_id : e.campaignId,
        step: dataStep ?? c.campaign_step,
        templateId: dataTemplate ?? c.template_id,
        templateVersion: dataVersion ?? c.template_version,
        seniority: c.seniority,
        memberId: c.member_id,
        subject: c.subject,
        charged: m.channel === 'inmail' && e.seatId !== null,
        localWeekday: c.weekday,
        localHour: c.hour,
      } satisfies Partial<SendFact>);
      facts.set(m.sendId, f);
      changed.add(m.sendId);
    }

    for (const { m } of meanings) {
      if (m.kind !== 'outcome') continue;
      let f = facts.get(m.sendId);
      if (!f) {
        // An outcome read before its send (possible when transactions commit out of order) is
        // kept on a partial fact; a connection request is only an organization's send if its
        // send was read, so its answers without one are not outreach.
        if (m.request) continue;
        f = emptyFact(m.sendId);
        facts.set(m.sendId, f);
      }
      if (applyOutcome(f, m.field, m.at)) changed.add(m.sendId);
    }

    await this.creditScreens(r, meanings, facts, before, changed);

    const deltas = new Map<string, Contribution>();
    const signals: {
      signal: PipelineSignal;
      orgId: string;
      memberId: string;
      at: Date;
      eventId: number | null;
    }[] = [];
    const toSave: SendFact[] = [];
    for (const id of changed) {
      const after = facts.get(id)!;
      const prior = before.get(id) ?? null;
      toSave.push(after);
      addDelta(deltas, prior, after);
      if (isSent(after) && after.memberId) {
        if (!prior || !isSent(prior)) {
          signals.push({
            signal: 'contacted',
            orgId: after.orgId,
            memberId: after.memberId,
            at: after.sentAt,
            eventId: after.sentEventId,
          });
        }
        const answered = (f: SendFact | null) => {
          if (!f) return null;
          const a = f.acceptedAt;
          const b = f.repliedAt;
          return a && b ? (a < b ? a : b) : (a ?? b);
        };
        const now = answered(after);
        if (now && (!prior || !isSent(prior) || !answered(prior))) {
          signals.push({
            signal: 'replied',
            orgId: after.orgId,
            memberId: after.memberId,
            at: now,
            eventId: null,
          });
        }
      }
    }
    await repo.saveFacts(toSave);
    const rows = [...deltas.values()].filter((c) => c.v.some((x) => x !== 0));
    await repo.addRollup(
      rows.filter((c): c is Extract<Contribution, { table: 'rollup' }> => c.table === 'rollup'),
    );
    await repo.addHeatmap(
      rows.filter((c): c is Extract<Contribution, { table: 'heatmap' }> => c.table === 'heatmap'),
    );
    await repo.addPending(
      rows.filter((c): c is Extract<Contribution, { table: 'pending' }> => c.table === 'pending'),
    );
    for (const signal of ['contacted', 'replied'] as const) {
      const moves = signals.filter((s) => s.signal === signal);
      const to = signal === 'contacted' ? 'contacted' : 'replied';
      await r.projects.autoMove(autoMoveFrom(signal), to, moves);
    }
  }

  /**
   * Moves into screening (or a later stage) credit the organization's latest send to the
   * candidate before the move, at most SCREEN_ATTRIBUTION_DAYS earlier (last touch): that send
   * counts as screened, at the time of the first such move.
   */
  private async creditScreens(
    r: Repos,
    meanings: { e: StreamEvent; m: EventMeaning }[],
    facts: Map<string, SendFact>,
    before: Map<string, SendFact>,
    changed: Set<string>,
  ): Promise<void> {
    const moves = meanings
      .map((x) => x.m)
      .filter(
        (m): m is Extract<EventMeaning, { kind: 'stage' }> =>
          m.kind === 'stage' && isStage(m.to) && isScreened(m.to),
      );
    if (moves.length === 0) return;
    const found = await r.analyticsIngest.latestSends(moves, SCREEN_ATTRIBUTION_DAYS);
    const fromDb = new Map(found.map((x) => [x.i, x.send_id]));
    const missing = found.map((x) => x.send_id).filter((id) => !facts.has(id));
    for (const f of await r.analyticsIngest.loadFacts([...new Set(missing)])) {
      facts.set(f.sendId, f);
      before.set(f.sendId, clone(f));
    }
    const maxAge = SCREEN_ATTRIBUTION_DAYS * 86_400_000;
    moves.forEach((m, i) => {
      // The latest candidate among the database's answer and this batch's own sends.
      let best: SendFact | null = null;
      const consider = (f: SendFact | undefined) => {
        if (!f || !isSent(f) || f.orgId !== m.orgId || f.memberId !== m.memberId) return;
        const age = m.at.getTime() - f.sentAt.getTime();
        if (age < 0 || age > maxAge) return;
        if (
          !best ||
          f.sentAt.getTime() > best.sentAt!.getTime() ||
          (f.sentAt.getTime() === best.sentAt!.getTime() && (f.sentEventId ?? 0) > (best.sentEventId ?? 0))
        ) {
          best = f;
        }
      };
      const id = fromDb.get(i);
      if (id) consider(facts.get(id));
      for (const f of facts.values()) consider(f);
      const chosen = best as SendFact | null;
      if (chosen && applyOutcome(chosen, 'screenedAt', m.at)) changed.add(chosen.sendId);
    });
  }
}
