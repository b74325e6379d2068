/**
 * Create or edit a campaign (drafts and scheduled ones): name and objective, the seat, the audience,
 * the sequence, budget and reserve, the daily cap, the send window, the ownership window and when to
 * start. Saving keeps it a draft; the detail page has the dry run and the start button.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../api/client.ts';
import { useApi } from '../../../api/hooks.ts';
import type {
  Campaign,
  CampaignObjective,
  CandidateList,
  MemberDetail,
  Page,
  Policies,
  SeatView,
  SendWindow,
  Template,
  TemplateSet,
} from '../../../api/types.ts';
import { MemberPicker } from '../../../components/recruiting.tsx';
import { ErrorState, Field, Loading, PageTitle, ProblemAlert } from '../../../components/ui.tsx';
import { useAnnounce, useSession } from '../../../session.tsx';
import {
  DEFAULT_WINDOW,
  isEditable,
  OBJECTIVE_LABEL,
  reservation,
  toWindow,
  windowDraft,
  type WindowDraft,
} from './campaign-lib.ts';
import { SendWindowFields } from './SendWindowFields.tsx';
import { newStep, SequenceBuilder, type StepDraft } from './SequenceBuilder.tsx';

/** Members picked elsewhere (search results) travel here in the navigation state. */
export interface PickedMembers {
  members: { id: string; name: string }[];
}

/** A new campaign starts from the organization's default send window (the product default if it cannot be read). */
export function NewCampaign() {
  const policies = useApi<Policies>('/v1/org/policies');
  if (policies.loading && !policies.data) return <Loading label="Loading the campaign defaults" />;
  return <CampaignForm existing={null} defaultWindow={policies.data?.defaultSendWindow ?? DEFAULT_WINDOW} />;
}

export function EditCampaign() {
  const { id = '' } = useParams();
  const c = useApi<Campaign>(`/v1/campaigns/${encodeURIComponent(id)}`);
  if (c.loading && !c.data) return <Loading label="Loading the campaign" />;
  if (c.error && !c.data) return <ErrorState error={c.error} retry={c.reload} what="the campaign" />;
  if (!c.data) return null;
  if (!isEditable(c.data.status)) {
    return (
      <>
        <PageTitle>Edit {c.data.name}</PageTitle>
        <p>
          A {c.data.status} campaign cannot be edited any more.{' '}
          <Link to={`/campaigns/${id}`}>Back to it</Link>.
        </p>
      </>
    );
  }
  return <CampaignForm key={c.data.id} existing={c.data} defaultWindow={c.data.window} />;
}

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function stepsFrom(c: Campaign | null): StepDraft[] {
  if (!c || c.steps.length === 0) return [newStep('inmail', 3), newStep('follow_up', 4)];
  return c.steps.map((s) => ({
    ...newStep(s.kind, s.delayBusinessDays),
    source: s.templateSetId ? 'set' : s.templateId ? 'template' : 'text',
    subject: s.subject,
    body: s.body,
    templateId: s.templateId ?? '',
    templateSetId: s.templateSetId ?? '',
  }));
}

function CampaignForm({ existing, defaultWindow }: { existing: Campaign | null; defaultWindow: SendWindow }) {
  const s = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const location = useLocation();
  const [params] = useSearchParams();
  const picked = (location.state as PickedMembers | null)?.members ?? [];
  const id = useId();

  const lists = useApi<{ items: CandidateList[] }>('/v1/candidate-lists');
  const templates = useApi<Page<Template>>('/v1/templates?limit=100');
  const sets = useApi<Page<TemplateSet>>('/v1/template-sets?limit=100');
  const seats = useApi<{ items: SeatView[] }>(s.isAdmin ? '/v1/seats' : null);

  const a = existing?.audience;
  const [name, setName] = useState(existing?.name ?? '');
  const [objective, setObjective] = useState<CampaignObjective>(existing?.objective ?? 'fill_role');
  const [seatId, setSeatId] = useState(existing?.seatId ?? s.me.seat?.id ?? '');
  const [audienceKind, setAudienceKind] = useState<'list' | 'members'>(
    a?.kind === 'members' || (!a && picked.length > 0) ? 'members' : 'list',
  );
  const [listId, setListId] = useState(a?.kind === 'list' ? a.listId : (params.get('list') ?? ''));
  const [members, setMembers] = useState<{ id: string; name: string }[]>(
    a?.kind === 'members' ? a.memberIds.map((m) => ({ id: m, name: '' })) : picked,
  );
  const [steps, setSteps] = useState<StepDraft[]>(() => stepsFrom(existing));
  const [useBudget, setUseBudget] = useState(existing ? existing.budget !== null : true);
  const [budget, setBudget] = useState(String(existing?.budget ?? 30));
  const [reserve, setReserve] = useState(String(existing?.reserve ?? 20));
  const [dailyCap, setDailyCap] = useState(existing?.dailyCap?.toString() ?? '');
  const [sendWindow, setSendWindow] = useState<WindowDraft>(() =>
    windowDraft(existing?.window ?? defaultWindow),
  );
  const [ownership, setOwnership] = useState(String(existing?.ownershipWindowDays ?? 30));
  const [startMode, setStartMode] = useState<'manual' | 'at'>(existing?.startAt ? 'at' : 'manual');
  const [startAt, setStartAt] = useState(toLocalInput(existing?.startAt ?? null));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${existing ? `Edit ${existing.name}` : 'New campaign'} · InMail`;
  }, [existing]);
  // A saved audience of member ids comes without names: look up a handful for the chips.
  const unnamed = members.filter((m) => !m.name).slice(0, 25);
  const unnamedKey = unnamed.map((m) => m.id).join(',');
  useEffect(() => {
    if (!unnamedKey) return;
    const ctl = new AbortController();
    void Promise.all(
      unnamedKey.split(',').map((mid) =>
        api<MemberDetail>(`/v1/members/${mid}`, { signal: ctl.signal }).then(
          (m) => [mid, `${m.firstName} ${m.lastName}`] as const,
          () => [mid, ''] as const,
        ),
      ),
    ).then((names) => {
      if (ctl.signal.aborted) return;
      const byId = new Map(names.filter(([, n]) => n));
      if (byId.size) setMembers((x) => x.map((m) => (m.name ? m : { ...m, name: byId.get(m.id) ?? '' })));
    });
    return () => ctl.abort();
  }, [unnamedKey]);

  const seat = s.isAdmin ? seats.data?.items.find((x) => x.id === seatId) : s.me.seat;
  const budgetN = useBudget ? Number(budget) || 0 : null;
  const reserveN = Number(reserve) || 0;
  const r = seat ? reservation(seat.balance, budgetN, reserveN) : null;
  const chosenList = lists.data?.items.find((l) => l.id === listId);

  const errorFor = useMemo(
    () => (path: string) =>
      error?.problem.errors?.find(
        (e) => e.field === path || e.field === `body.${path}` || e.field.startsWith(`${path}.`),
      )?.message,
    [error],
  );

  function body() {
    const window = toWindow(sendWindow);
    if (startMode === 'at' && !startAt) throw new Error('Choose when the campaign should start.');
    return {
      name: name.trim(),
      objective,
      ...(seatId ? { seatId } : {}),
      audience:
        audienceKind === 'list'
          ? { kind: 'list', listId }
          : { kind: 'members', memberIds: members.map((m) => m.id) },
      steps: steps.map((x) => ({
        kind: x.kind,
        delayBusinessDays: Number(x.delay) || 0,
        ...(x.kind === 'connection_request'
          ? { body: x.body }
          : x.source === 'template'
            ? { templateId: x.templateId || null }
            : x.source === 'set'
              ? { templateSetId: x.templateSetId || null }
              : { subject: x.subject, body: x.body }),
      })),
      budget: useBudget ? Number(budget) || null : null,
      reserve: reserveN,
      dailyCap: dailyCap.trim() ? Number(dailyCap) : null,
      window,
      ownershipWindowDays: Number(ownership) || 0,
      startAt: startMode === 'at' && startAt ? new Date(startAt).toISOString() : null,
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setError(null);
    setLocalError(null);
    if (audienceKind === 'list' && !listId) return setLocalError('Choose the candidate list to send to.');
    if (audienceKind === 'members' && members.length === 0)
      return setLocalError('Add at least one candidate, or choose a list.');
    if (steps.some((x) => x.source === 'template' && x.kind !== 'connection_request' && !x.templateId))
      return setLocalError('Choose the template of every step that takes its text from one.');
    if (steps.some((x) => x.source === 'set' && x.kind !== 'connection_request' && !x.templateSetId))
      return setLocalError('Choose the template set of every step that uses one.');
    let payload;
    try {
      payload = body();
    } catch (err) {
      return setLocalError((err as Error).message);
    }
    setPending(true);
    try {
      const saved = await api<Campaign>(existing ? `/v1/campaigns/${existing.id}` : '/v1/campaigns', {
        method: existing ? 'PATCH' : 'POST',
        body: payload,
      });
      announce(existing ? 'Campaign saved' : 'Campaign created as a draft');
      navigate(`/campaigns/${saved.id}`, { state: { saved: true } });
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError({ status: 0, code: 'client_error', detail: String(err) }, 'POST', '/v1/campaigns'),
      );
      setPending(false);
    }
  }

  const listItems = lists.data?.items ?? [];
  const problem = error ?? null;

  return (
    <>
      <p className="back">
        <Link to={existing ? `/campaigns/${existing.id}` : '/campaigns'}>
          ← {existing ? existing.name : 'Campaigns'}
        </Link>
      </p>
      <PageTitle>{existing ? `Edit ${existing.name}` : 'New campaign'}</PageTitle>
      <form className="form campaign-form" onSubmit={submit} noValidate>
        <section className="card form" aria-labelledby={`${id}-basics`}>
          <h2 id={`${id}-basics`}>Basics</h2>
          <div className="form-row">
            <Field label="Name" error={errorFor('name')}>
              {(p) => (
                <input
                  {...p}
                  value={name}
                  required
                  maxLength={200}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <Field label="Objective" hint="Reported in analytics.">
              {(p) => (
                <select
                  {...p}
                  value={objective}
                  onChange={(e) => setObjective(e.target.value as CampaignObjective)}
                >
                  {(Object.keys(OBJECTIVE_LABEL) as CampaignObjective[]).map((k) => (
                    <option key={k} value={k}>
                      {OBJECTIVE_LABEL[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {s.isAdmin ? (
            <Field
              label="Send from the seat of"
              hint="As an org admin you may send from any seat of the organization."
              error={errorFor('seatId')}
            >
              {(p) => (
                <select {...p} value={seatId} onChange={(e) => setSeatId(e.target.value)}>
                  {!seatId ? <option value="">Choose a seat…</option> : null}
                  {(seats.data?.items ?? [])
                    .filter((x) => !x.revokedAt)
                    .map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.holder?.name ?? 'Unassigned'} · {x.licenseType.name} · {x.balance} credits
                      </option>
                    ))}
                </select>
              )}
            </Field>
          ) : (
            <p className="small">
              Sends from your seat
              {s.me.seat ? ` (${s.me.seat.licenseType.name}, ${s.me.seat.balance} credits)` : ''}.
              {!s.me.seat ? ' You hold no seat: ask an org admin to assign one.' : ''}
            </p>
          )}
        </section>

        <section className="card form" aria-labelledby={`${id}-audience`}>
          <h2 id={`${id}-audience`}>Audience</h2>
          <p className="small muted">
            The audience is frozen when the campaign starts: people added to the list later are not included.
          </p>
          <fieldset className="plain-fieldset">
            <legend className="visually-hidden">Send to</legend>
            <label className="check-inline spaced">
              <input
                type="radio"
                name={`${id}-aud`}
                checked={audienceKind === 'list'}
                onChange={() => setAudienceKind('list')}
              />
              A candidate list
            </label>
            <label className="check-inline spaced">
              <input
                type="radio"
                name={`${id}-aud`}
                checked={audienceKind === 'members'}
                onChange={() => setAudienceKind('members')}
              />
              Selected candidates
            </label>
          </fieldset>
          {audienceKind === 'list' ? (
            <Field
              label="Candidate list"
              error={errorFor('audience')}
              hint={
                chosenList
                  ? `${chosenList.size} candidate${chosenList.size === 1 ? '' : 's'} on it now.`
                  : 'Lists are filled from search results: one candidate, a page, or all matches.'
              }
            >
              {(p) => (
                <select {...p} value={listId} onChange={(e) => setListId(e.target.value)}>
                  <option value="">{lists.loading ? 'Loading lists…' : 'Choose a list…'}</option>
                  {listItems.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({l.size})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <div className="form">
              {members.length ? (
                <ul className="chips" aria-label="Selected candidates">
                  {members.map((m) => (
                    <li key={m.id} className="chip">
                      {m.name || `Candidate ${m.id.slice(0, 8)}`}{' '}
                      <button
                        type="button"
                        className="chip-remove"
                        aria-label={`Remove ${m.name || 'this candidate'}`}
                        onClick={() => setMembers((x) => x.filter((y) => y.id !== m.id))}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="small muted">
                  No candidates selected. Select them in <Link to="/search">search results</Link>, or add them
                  by name here.
                </p>
              )}
              <MemberPicker
                label="Add a candidate by name"
                onPick={(m) => setMembers((x) => (x.some((y) => y.id === m.id) ? x : [...x, m]))}
              />
              {errorFor('audience') ? <p className="field-error">{errorFor('audience')}</p> : null}
            </div>
          )}
        </section>

        <section className="card" aria-labelledby={`${id}-steps`}>
          <h2 id={`${id}-steps`}>Sequence</h2>
          <p className="small muted">
            The first step goes out in each candidate’s send window after the start; each later step only if
            they have not answered in the wait before it.
          </p>
          {templates.error && !templates.error.missingRoute ? (
            <p className="small field-error">Templates could not be loaded: {templates.error.message}</p>
          ) : null}
          <SequenceBuilder
            steps={steps}
            onChange={setSteps}
            templates={(templates.data?.items ?? []).filter((t) => !t.archivedAt)}
            sets={(sets.data?.items ?? []).filter((t) => !t.archivedAt)}
            errorFor={errorFor}
          />
        </section>

        <section className="card form" aria-labelledby={`${id}-credits`}>
          <h2 id={`${id}-credits`}>Credits</h2>
          <div className="check">
            <input
              id={`${id}-budget-on`}
              type="checkbox"
              checked={useBudget}
              onChange={(e) => setUseBudget(e.target.checked)}
            />
            <label htmlFor={`${id}-budget-on`}>Limit the campaign to a budget</label>
          </div>
          <div className="form-row">
            {useBudget ? (
              <Field
                label="Budget (InMails)"
                hint="Reserved on the seat when the campaign starts; what is left goes back when it ends."
                error={errorFor('budget')}
              >
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    value={budget}
                    onChange={(e) => setBudget(e.target.value)}
                  />
                )}
              </Field>
            ) : null}
            <Field
              label="Keep in reserve (credits)"
              hint="Never spent by this campaign: kept for one-off InMails."
              error={errorFor('reserve')}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={reserve}
                  onChange={(e) => setReserve(e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Daily cap (credits a day, optional)"
              hint="The rest wait for the next day’s window."
              error={errorFor('dailyCap')}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={dailyCap}
                  placeholder="No cap"
                  onChange={(e) => setDailyCap(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="explain" data-testid="budget-explain">
            <p className="small">
              <strong>Budget and reserve, by example:</strong> a seat holding 50 credits, a budget of 30 and
              20 kept in reserve — “send 30, keep 20” — reserves 30 credits at the start for this campaign and
              leaves 20 for the candidates who come in on their own.
            </p>
            {seat && r ? (
              <p className="small">
                {useBudget ? (
                  r.reserved > 0 ? (
                    <>
                      For this seat, holding <strong>{seat.balance}</strong> credits: starting now would
                      reserve <strong>{r.reserved}</strong>
                      {r.limitedBy === 'reserve'
                        ? ` (not the whole budget of ${budgetN}: ${reserveN} must stay)`
                        : ''}{' '}
                      and keep <strong>{r.keeps}</strong> on the seat.
                    </>
                  ) : (
                    <span className="text-danger">
                      This seat holds {seat.balance} credits and must keep {reserveN}: nothing is left for the
                      budget, so the start would be refused.
                    </span>
                  )
                ) : (
                  <>
                    Without a budget the campaign spends from the seat’s {seat.balance} credits as it goes and
                    stops at {reserveN}.
                  </>
                )}
              </p>
            ) : null}
          </div>
        </section>

        <section className="card form" aria-labelledby={`${id}-window`}>
          <h2 id={`${id}-window`}>Send window</h2>
          <p className="small">
            Days and hours are in <strong>each recipient’s own time zone</strong>: with Tuesday 08:00–11:00, a
            candidate in Tokyo gets the message on a Tuesday morning in Tokyo and one in Berlin on a Tuesday
            morning in Berlin. Sends are spread over the window so they do not all go out at the same second;
            someone whose window is open when the campaign starts gets it at once.
          </p>
          {existing ? null : (
            <p className="small muted">
              Filled in from your organization’s default window; changes here apply to this campaign only.
            </p>
          )}
          <SendWindowFields
            value={sendWindow}
            onChange={setSendWindow}
            errorFor={errorFor}
            prefix="window."
          />
        </section>

        <section className="card form" aria-labelledby={`${id}-rules`}>
          <h2 id={`${id}-rules`}>Ownership and start</h2>
          <Field
            label="Ownership window (days)"
            hint="Candidates a teammate InMailed within this many days are skipped, so two recruiters of your organization do not chase the same person. An org admin can override a skip."
            error={errorFor('ownershipWindowDays')}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={365}
                inputMode="numeric"
                className="narrow"
                value={ownership}
                onChange={(e) => setOwnership(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="plain-fieldset">
            <legend>Start</legend>
            <label className="check">
              <input
                type="radio"
                name={`${id}-start`}
                checked={startMode === 'manual'}
                onChange={() => setStartMode('manual')}
              />
              <span>When I press Start (after checking the dry run)</span>
            </label>
            <label className="check">
              <input
                type="radio"
                name={`${id}-start`}
                checked={startMode === 'at'}
                onChange={() => setStartMode('at')}
              />
              <span>At a set time: pressing Start schedules it, and it starts by itself then</span>
            </label>
            {startMode === 'at' ? (
              <Field label="Start at (your time)" error={errorFor('startAt')}>
                {(p) => (
                  <input
                    {...p}
                    type="datetime-local"
                    className="auto-width"
                    value={startAt}
                    onChange={(e) => setStartAt(e.target.value)}
                  />
                )}
              </Field>
            ) : null}
          </fieldset>
        </section>

        {localError ? (
          <div className="alert alert-error" role="alert">
            {localError}
          </div>
        ) : null}
        <ProblemAlert error={problem}>
          {problem?.code === 'invalid_steps'
            ? 'Some steps are not valid: see the messages at the steps.'
            : problem?.message}
        </ProblemAlert>
        <div className="actions sticky-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={pending || !name.trim()}
            aria-busy={pending}
          >
            {pending ? 'Saving…' : existing ? 'Save changes' : 'Save draft'}
          </button>
          <Link to={existing ? `/campaigns/${existing.id}` : '/campaigns'} className="btn btn-quiet">
            Cancel
          </Link>
          <span className="small muted">Nothing is sent until you start it.</span>
        </div>
      </form>
    </>
  );
}
