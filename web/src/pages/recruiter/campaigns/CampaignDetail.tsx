/**
 * One campaign: its status and the actions that status allows, live progress while it runs, the
 * sequence, the dry-run timeline and the recipients with their skip reasons.
 */
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useAction, useApi, useInterval, usePaged } from '../../../api/hooks.ts';
import type {
  Campaign,
  CampaignRecipient,
  CandidateList,
  DryRun,
  RecipientStatus,
  SeatView,
} from '../../../api/types.ts';
import { SlotPreview } from '../../../components/recruiting.tsx';
import {
  Empty,
  ErrorState,
  formatDate,
  formatDateTime,
  Loading,
  LoadMore,
  PageTitle,
  ProblemAlert,
} from '../../../components/ui.tsx';
import { useAnnounce, useSession } from '../../../session.tsx';
import {
  allowedActions,
  describeWindow,
  hasSlot,
  isEditable,
  OBJECTIVE_LABEL,
  OUTCOME_LABEL,
  OVERRIDABLE,
  progressTotal,
  RECIPIENT_STATUS_LABEL,
  sentPerStep,
  SKIP_REASON_LABEL,
  STEP_KIND_SHORT,
  type UiAction,
} from './campaign-lib.ts';
import { CampaignStatusBadge, ProgressMeter } from './parts.tsx';

const ACTION_LABEL: Record<UiAction, string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  complete: 'Mark completed',
  cancel: 'Cancel campaign',
};

const ACTION_DONE: Record<UiAction, string> = {
  start: 'Campaign started',
  pause: 'Campaign paused',
  resume: 'Campaign resumed',
  complete: 'Campaign completed',
  cancel: 'Campaign cancelled',
};

export function CampaignDetail() {
  const { id = '' } = useParams();
  const s = useSession();
  const announce = useAnnounce();
  const path = `/v1/campaigns/${encodeURIComponent(id)}`;
  const campaign = useApi<Campaign>(path);
  const c = campaign.data;
  const live = c?.status === 'running' || c?.status === 'scheduled';
  // Replies keep arriving while a campaign is paused, so it refreshes then too, more slowly.
  useInterval(campaign.reload, live ? 3000 : c?.status === 'paused' ? 10_000 : null);

  useEffect(() => {
    if (c) document.title = `${c.name} · Campaigns · InMail`;
  }, [c]);

  const act = useAction(async (action: UiAction) => {
    if (
      (action === 'cancel' || action === 'complete') &&
      !window.confirm(
        action === 'cancel'
          ? 'Cancel this campaign? Nothing more is sent and the unspent budget goes back to the seat.'
          : 'Mark this campaign completed? Nothing more is sent and the unspent budget goes back to the seat.',
      )
    ) {
      return undefined;
    }
    const next = await api<Campaign>(`${path}/${action}`, { method: 'POST' });
    campaign.setData(next);
    announce(
      action === 'start' && next.status === 'scheduled'
        ? `Campaign scheduled for ${formatDateTime(next.startAt)}`
        : ACTION_DONE[action],
    );
    return next;
  });

  if (campaign.loading && !c) return <Loading label="Loading the campaign" />;
  if (campaign.error && !c)
    return <ErrorState error={campaign.error} retry={campaign.reload} what="the campaign" />;
  if (!c) return null;

  const actions = allowedActions(c.status);
  const p = c.progress;
  // "Now" is when the campaign was loaded: render stays pure, and it refreshes with the data.
  const future = c.startAt !== null && new Date(c.startAt).getTime() > (campaign.updatedAt ?? 0);
  const allowedFromServer =
    act.error?.code === 'invalid_transition' && Array.isArray(act.error.problem.allowed)
      ? (act.error.problem.allowed as string[])
      : null;

  return (
    <>
      <p className="back">
        <Link to="/campaigns">← Campaigns</Link>
      </p>
      <PageTitle>
        {c.name} <CampaignStatusBadge status={c.status} />
      </PageTitle>
      <div className="card campaign-actions">
        <div className="actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn${a === 'start' || a === 'resume' ? ' btn-primary' : a === 'cancel' ? ' btn-danger' : ''}`}
              onClick={() => void act.run(a)}
              disabled={act.pending}
              aria-busy={act.pending}
            >
              {a === 'start' && c.status === 'draft' && future
                ? `Schedule for ${formatDateTime(c.startAt)}`
                : a === 'start' && c.status === 'scheduled'
                  ? 'Start now'
                  : ACTION_LABEL[a]}
            </button>
          ))}
          {isEditable(c.status) ? (
            <Link to={`/campaigns/${c.id}/edit`} className="btn">
              Edit
            </Link>
          ) : null}
          {p.needsPersonalization > 0 ? (
            <Link to={`/campaigns/${c.id}/personalize`} className="btn btn-primary">
              Personalize ({p.needsPersonalization} waiting)
            </Link>
          ) : null}
        </div>
        <p className="small muted campaign-status-text" aria-live="polite">
          {statusText(c)}
        </p>
        <ProblemAlert error={act.error}>
          {act.error?.code === 'insufficient_credits'
            ? `${act.error.message}. Lower the reserve or the budget, or ask an admin for credits.`
            : act.error?.message}
          {allowedFromServer ? ` Allowed now: ${allowedFromServer.join(', ') || 'nothing (final)'}.` : ''}
        </ProblemAlert>
      </div>

      {c.status !== 'draft' ? (
        <Progress c={c} live={live} updatedAt={campaign.updatedAt} />
      ) : (
        <p className="card small">
          A draft: nothing is sent and no credits are reserved. Check the dry run below, then start it.
        </p>
      )}

      <Summary c={c} isAdmin={s.isAdmin} />
      <Steps c={c} />
      <DryRunSection c={c} />
      {c.status !== 'draft' ? <Recipients c={c} isAdmin={s.isAdmin} /> : null}
    </>
  );
}

function statusText(c: Campaign): string {
  switch (c.status) {
    case 'draft':
      return 'Not started. Editing is possible until it starts.';
    case 'scheduled':
      return c.pausedReason
        ? `Could not start on ${formatDateTime(c.startAt)}: ${c.pausedReason}. Tried again every 15 minutes; it starts once it can, or cancel it.`
        : `Starts by itself on ${formatDateTime(c.startAt)}. You can still edit it, start it now or cancel it.`;
    case 'running':
      return `Running since ${formatDateTime(c.startedAt)}. Pausing takes effect after the batch in flight (seconds).`;
    case 'paused':
      return `Paused since ${formatDateTime(c.pausedAt)}${c.pausedReason ? ` (${c.pausedReason})` : ''}: nothing is sent; answers still count.`;
    case 'completed':
      return `Completed on ${formatDateTime(c.finishedAt)}. The unspent budget went back to the seat.`;
    case 'cancelled':
      return `Cancelled on ${formatDateTime(c.finishedAt)}. The unspent budget went back to the seat.`;
  }
}

function Progress({ c, live, updatedAt }: { c: Campaign; live: boolean; updatedAt: number | null }) {
  const p = c.progress;
  const total = c.audienceCount ?? progressTotal(p);
  const perStep = sentPerStep(p.sentByStep, c.steps.length);
  const skipped = Object.entries(p.skippedByReason);
  const done = Object.entries(p.doneByOutcome);
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="campaign-progress">
      <div className="section-head">
        <h2 id="progress-title">Progress</h2>
        <span className="small muted">
          {live ? (
            <>
              <span className="live-dot" aria-hidden="true" /> Live, refreshing every few seconds
            </>
          ) : updatedAt ? (
            `As of ${new Date(updatedAt).toLocaleTimeString()}`
          ) : null}
        </span>
      </div>
      <ProgressMeter progress={p} total={total} />
      <div className="progress-grid">
        <div>
          <h3>Sent per step</h3>
          <table className="compact-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col" className="num">
                  Sent to
                </th>
              </tr>
            </thead>
            <tbody>
              {perStep.map((n, i) => (
                <tr key={i}>
                  <th scope="row">
                    {i + 1}. {STEP_KIND_SHORT[c.steps[i]?.kind ?? ''] ?? 'Step'}
                  </th>
                  <td className="num" data-testid={`sent-step-${i + 1}`}>
                    {n}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>Credits</h3>
          <dl className="facts stacked">
            <div>
              <dt>Spent</dt>
              <dd data-testid="credits-spent">{p.creditsSpent}</dd>
            </div>
            <div>
              <dt>Still reserved</dt>
              <dd>{p.creditsReserved}</dd>
            </div>
            {c.budget !== null ? (
              <div>
                <dt>Budget</dt>
                <dd>{c.budget}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div>
          <h3>Skipped</h3>
          {skipped.length === 0 ? (
            <p className="small muted">No one.</p>
          ) : (
            <ul className="plain small">
              {skipped.map(([k, n]) => (
                <li key={k}>
                  {SKIP_REASON_LABEL[k] ?? k}: <strong>{n}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Done</h3>
          {done.length === 0 ? (
            <p className="small muted">No one yet.</p>
          ) : (
            <ul className="plain small">
              {done.map(([k, n]) => (
                <li key={k}>
                  {OUTCOME_LABEL[k] ?? k}: <strong>{n}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {p.needsPersonalization > 0 ? (
        <div className="alert alert-warn">
          <p>
            <strong>{p.needsPersonalization}</strong> candidate{p.needsPersonalization === 1 ? '' : 's'} wait
            for your personalization: nothing generic goes out.{' '}
            <Link to={`/campaigns/${c.id}/personalize`}>Open the personalization queue</Link>.
          </p>
        </div>
      ) : null}
    </section>
  );
}

function Summary({ c, isAdmin }: { c: Campaign; isAdmin: boolean }) {
  const list = useApi<CandidateList>(
    c.audience.kind === 'list' ? `/v1/candidate-lists/${c.audience.listId}?limit=1` : null,
  );
  const seats = useApi<{ items: SeatView[] }>(isAdmin ? '/v1/seats' : null);
  const seat = seats.data?.items.find((x) => x.id === c.seatId);
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">Settings</h2>
      <dl className="facts summary-facts">
        <div>
          <dt>Objective</dt>
          <dd>{OBJECTIVE_LABEL[c.objective]}</dd>
        </div>
        <div>
          <dt>Audience</dt>
          <dd>
            {c.audience.kind === 'list' ? (
              <>
                List <Link to={`/lists/${c.audience.listId}`}>{list.data?.name ?? '…'}</Link>
              </>
            ) : c.audience.kind === 'members' ? (
              `${c.audience.memberIds.length} selected candidates`
            ) : (
              'A saved search'
            )}
            {c.audienceCount !== null ? ` · ${c.audienceCount} frozen at start` : ''}
          </dd>
        </div>
        {seat ? (
          <div>
            <dt>Seat</dt>
            <dd>{seat.holder?.name ?? 'Unassigned'}</dd>
          </div>
        ) : null}
        <div>
          <dt>Budget · reserve</dt>
          <dd>
            {c.budget !== null ? `${c.budget} InMails` : 'No budget'} · keep {c.reserve}
          </dd>
        </div>
        <div>
          <dt>Daily cap</dt>
          <dd>{c.dailyCap ?? 'None'}</dd>
        </div>
        <div>
          <dt>Send window</dt>
          <dd>{describeWindow(c.window)}</dd>
        </div>
        <div>
          <dt>Ownership window</dt>
          <dd>{c.ownershipWindowDays} days</dd>
        </div>
        <div>
          <dt>{c.startedAt ? 'Started' : 'Start'}</dt>
          <dd>
            {c.startedAt
              ? formatDateTime(c.startedAt)
              : c.startAt
                ? `${formatDateTime(c.startAt)} (scheduled)`
                : 'When you press Start'}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Steps({ c }: { c: Campaign }) {
  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title">Sequence</h2>
      <ol className="step-summary">
        {c.steps.map((st, i) => (
          <li key={st.position}>
            <p className="card-title">
              {i + 1}. {STEP_KIND_SHORT[st.kind] ?? st.kind}
              <span className="muted small">
                {' '}
                · then wait {st.delayBusinessDays} business day{st.delayBusinessDays === 1 ? '' : 's'}
                {st.templateId ? ` · from a template (v${st.templateVersion ?? '?'})` : ''}
                {st.templateSetId ? ' · template chosen by seniority' : ''}
              </span>
              {hasSlot(st) ? <span className="badge badge-slot">personalized</span> : null}
            </p>
            {st.templateSetId ? null : (
              <>
                {st.subject ? (
                  <p className="small">
                    <strong>Subject:</strong> {st.subject}
                  </p>
                ) : null}
                <SlotPreview text={st.body} personalization="" />
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const dayKeyFmt = new Map<string, Intl.DateTimeFormat>();
function localParts(iso: string, timeZone: string) {
  let f = dayKeyFmt.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' });
    }
    dayKeyFmt.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const dayLabelFmt = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const timeFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** The planned first send of every recipient in their own time, grouped by their local day. */
function DryRunSection({ c }: { c: Campaign }) {
  const [result, setResult] = useState<(DryRun & { at: number }) | null>(null);
  const id = useId();
  const run = useAction(async () => {
    const r = await api<DryRun>(`/v1/campaigns/${c.id}/dry-run`, { method: 'POST', body: { limit: 1000 } });
    setResult({ ...r, at: Date.now() });
    return r;
  });
  const groups = new Map<string, { key: string; items: (DryRun['items'][number] & { local: string })[] }>();
  for (const item of [...(result?.items ?? [])].sort((a, b) => a.plannedAt.localeCompare(b.plannedAt))) {
    const { day, time } = localParts(item.plannedAt, item.timeZone);
    const g = groups.get(day) ?? { key: day, items: [] };
    g.items.push({ ...item, local: time });
    groups.set(day, g);
  }
  const sorted = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  const max = Math.max(1, ...sorted.map((g) => g.items.length));
  const now = result?.at ?? 0;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="dry-run">
      <div className="section-head">
        <h2 id={`${id}-title`}>Dry run: when the first step goes out</h2>
        <button
          type="button"
          className="btn"
          onClick={() => void run.run()}
          disabled={run.pending}
          aria-busy={run.pending}
        >
          {run.pending ? 'Planning…' : result ? 'Plan again' : 'Run the dry run'}
        </button>
      </div>
      <p className="small muted">
        Sends nothing. Plans each recipient’s first send in their own time zone with this campaign’s window (
        {describeWindow(c.window)}), as the scheduler would — before collision checks, caps and
        personalization, which can hold a send back or skip it.
      </p>
      <ProblemAlert error={run.error} />
      {run.pending && !result ? <Loading label="Planning the sends" /> : null}
      {result ? (
        result.items.length === 0 ? (
          <Empty compact title="The audience is empty: nobody would be sent anything." />
        ) : (
          <>
            <p aria-live="polite">
              <strong>{result.total}</strong> recipient{result.total === 1 ? '' : 's'}
              {result.items.length < result.total
                ? ` (the first ${result.items.length} are planned here)`
                : ''}{' '}
              over <strong>{sorted.length}</strong> day{sorted.length === 1 ? '' : 's'}, grouped by the
              recipient’s own date.
            </p>
            <ol className="timeline-days" data-testid="dry-run-days">
              {sorted.map((g, gi) => (
                <li key={g.key}>
                  <details open={gi < 3}>
                    <summary>
                      <span className="day-label">{dayLabelFmt.format(new Date(`${g.key}T12:00:00Z`))}</span>
                      <span className="day-bar" aria-hidden="true">
                        <span style={{ width: `${(g.items.length / max) * 100}%` }} />
                      </span>
                      <span className="small">
                        {g.items.length} send{g.items.length === 1 ? '' : 's'}
                      </span>
                    </summary>
                    <div className="table-wrap">
                      <table className="compact-table">
                        <thead>
                          <tr>
                            <th scope="col">Recipient</th>
                            <th scope="col">Their time</th>
                            <th scope="col">Time zone</th>
                            <th scope="col">Your time</th>
                          </tr>
                        </thead>
                        <tbody>
                          {g.items.map((it) => (
                            <tr key={it.memberId}>
                              <th scope="row">
                                <Link to={`/members/${it.memberId}`}>{it.name}</Link>
                              </th>
                              <td className="nowrap">
                                {it.local}
                                {new Date(it.plannedAt).getTime() <= now + 60_000 ? (
                                  <span className="small muted"> (now: their window is open)</span>
                                ) : null}
                              </td>
                              <td>
                                {it.timeZone}
                                {it.fellBack ? (
                                  <span className="small muted"> (no zone on the profile: fallback)</span>
                                ) : null}
                              </td>
                              <td className="nowrap">{timeFmt.format(new Date(it.plannedAt))}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                </li>
              ))}
            </ol>
          </>
        )
      ) : null}
    </section>
  );
}

const FILTERS: (RecipientStatus | '')[] = [
  '',
  'pending',
  'needs_personalization',
  'snoozed',
  'skipped',
  'done',
  'failed',
];

function Recipients({ c, isAdmin }: { c: Campaign; isAdmin: boolean }) {
  const [status, setStatus] = useState<RecipientStatus | ''>('');
  const announce = useAnnounce();
  const id = useId();
  const list = usePaged<CampaignRecipient>(
    `/v1/campaigns/${c.id}/recipients${status ? `?status=${status}` : ''}`,
    50,
  );
  // The table follows the progress: when the counts move, the rows are loaded again.
  const signature = JSON.stringify(c.progress);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    list.reload();
  }
  const rowAction = useAction(async (memberId: string, action: 'override' | 'skip', name: string) => {
    if (
      action === 'skip' &&
      !window.confirm(`Take ${name} out of this campaign? Nothing more is sent to them.`)
    )
      return undefined;
    await api(`/v1/campaigns/${c.id}/recipients/${memberId}/${action}`, { method: 'POST' });
    announce(action === 'override' ? `${name} is back in the campaign` : `${name} was taken out`);
    list.reload();
    return true;
  });
  const steps = c.steps.length;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h2 id={`${id}-title`}>Recipients</h2>
        <div className="inline-form">
          <label htmlFor={`${id}-filter`} className="small">
            Show
          </label>
          <select
            id={`${id}-filter`}
            className="auto-width"
            value={status}
            onChange={(e) => setStatus(e.target.value as RecipientStatus | '')}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f ? RECIPIENT_STATUS_LABEL[f] : 'Everyone'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert error={rowAction.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading recipients" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="recipients" />
      ) : list.items.length === 0 ? (
        <Empty compact title={status ? 'No recipient has this status.' : 'No recipients.'} />
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Recipients">
            <table data-testid="recipients">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Status</th>
                  <th scope="col">Steps sent</th>
                  <th scope="col">Next</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.memberId}>
                    <th scope="row">
                      <Link to={`/members/${r.memberId}`}>{r.name}</Link>
                      <span className="block small muted">{r.timeZone}</span>
                    </th>
                    <td>
                      <span className={`badge rstatus-${r.status}`}>{RECIPIENT_STATUS_LABEL[r.status]}</span>
                      {r.skipReason ? (
                        <span className="block small">{SKIP_REASON_LABEL[r.skipReason] ?? r.skipReason}</span>
                      ) : null}
                      {r.outcome ? (
                        <span className="block small">{OUTCOME_LABEL[r.outcome] ?? r.outcome}</span>
                      ) : null}
                      {r.override ? (
                        <span className="block small muted">Collision rule overridden</span>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {r.step + 1} of {steps}
                      {r.threadId ? (
                        <Link className="block small" to={`/threads/${r.threadId}`}>
                          Conversation
                        </Link>
                      ) : null}
                    </td>
                    <td className="small">
                      {r.status === 'pending' && r.nextActionAt ? formatDateTime(r.nextActionAt) : ''}
                      {r.status === 'snoozed' && r.nextActionAt ? `until ${formatDate(r.nextActionAt)}` : ''}
                    </td>
                    <td className="row-actions">
                      {r.status === 'needs_personalization' ? (
                        <Link to={`/campaigns/${c.id}/personalize`} className="btn btn-small">
                          Personalize
                        </Link>
                      ) : null}
                      {isAdmin && r.status === 'skipped' && r.skipReason && OVERRIDABLE.has(r.skipReason) ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={rowAction.pending}
                          onClick={() => void rowAction.run(r.memberId, 'override', r.name)}
                          aria-label={`Override the skip of ${r.name}`}
                        >
                          Override
                        </button>
                      ) : null}
                      {(r.status === 'pending' || r.status === 'needs_personalization') &&
                      (c.status === 'running' || c.status === 'paused' || c.status === 'scheduled') ? (
                        <button
                          type="button"
                          className="btn btn-quiet btn-small"
                          disabled={rowAction.pending}
                          onClick={() => void rowAction.run(r.memberId, 'skip', r.name)}
                          aria-label={`Take ${r.name} out of the campaign`}
                        >
                          Take out
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
        </>
      )}
    </section>
  );
}
