import { useEffect, useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { Policies as PolicyView } from '../../api/types.ts';
import { ErrorState, Field, Loading, PageTitle, ProblemAlert, Success } from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';
import {
  describeWindow,
  toWindow,
  windowDraft,
  type WindowDraft,
} from '../recruiter/campaigns/campaign-lib.ts';
import { SendWindowFields } from '../recruiter/campaigns/SendWindowFields.tsx';

/** A field's message, also when it is nested under it ("defaultSendWindow.days.0") or under "body.". */
function fieldErrorIn(error: ApiError | null, path: string): string | undefined {
  return error?.problem.errors?.find(
    (e) => e.field === path || e.field === `body.${path}` || e.field.startsWith(`${path}.`),
  )?.message;
}

export function Policies() {
  const policies = useApi<PolicyView>('/v1/org/policies');
  useEffect(() => {
    document.title = 'Policies · InMail';
  }, []);
  return (
    <>
      <PageTitle>Policies</PageTitle>
      <p className="muted">Rules for every InMail your organization sends.</p>
      {policies.loading && !policies.data ? (
        <Loading label="Loading policies" />
      ) : policies.error && !policies.data ? (
        <ErrorState error={policies.error} retry={policies.reload} what="policies" />
      ) : policies.data ? (
        <PolicyForm initial={policies.data} onSaved={(p) => policies.setData(p)} />
      ) : null}
    </>
  );
}

function PolicyForm({ initial, onSaved }: { initial: PolicyView; onSaved: (p: PolicyView) => void }) {
  const [p, setP] = useState(initial);
  const [qualityOn, setQualityOn] = useState(initial.qualityBlockBelow !== null);
  const [sendWindow, setSendWindow] = useState<WindowDraft>(() => windowDraft(initial.defaultSendWindow));
  const [saved, setSaved] = useState<'policies' | 'window' | null>(null);
  const announce = useAnnounce();
  const set = <K extends keyof PolicyView>(k: K, v: PolicyView[K]) => {
    setSaved(null);
    setP((prev) => ({ ...prev, [k]: v }));
  };
  const save = useAction(async () => {
    const next = await api<PolicyView>('/v1/org/policies', {
      method: 'PATCH',
      body: {
        ...p,
        qualityBlockBelow: qualityOn ? (p.qualityBlockBelow ?? 50) : null,
        defaultSendWindow: toWindow(sendWindow),
      },
    });
    onSaved(next);
    setP(next);
    setSendWindow(windowDraft(next.defaultSendWindow));
    setSaved('policies');
    announce('Policies saved');
    return true;
  });
  // Only the window goes back to the product default; other edits stay in the form, unsaved.
  const restore = useAction(async () => {
    const next = await api<PolicyView>('/v1/org/policies', {
      method: 'PATCH',
      body: { defaultSendWindow: null },
    });
    onSaved(next);
    setP((prev) => ({ ...prev, defaultSendWindow: next.defaultSendWindow }));
    setSendWindow(windowDraft(next.defaultSendWindow));
    setSaved('window');
    announce('The product default send window is back');
    return true;
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    restore.clear();
    void save.run();
  }
  const num = (v: string) => (v === '' ? 0 : Number(v));
  return (
    <form className="form" onSubmit={submit}>
      <fieldset className="card">
        <legend>Refunds</legend>
        <Field label="Refund rule" error={save.error?.fieldError('refundPolicy')}>
          {(a) => (
            <select
              {...a}
              value={p.refundPolicy}
              onChange={(e) => set('refundPolicy', e.target.value as PolicyView['refundPolicy'])}
            >
              <option value="response-within-90-days">
                Refund when the candidate responds (accepts, declines or replies) within the window
              </option>
              <option value="on-decline">Refund only when the candidate declines</option>
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field label="Refund window (days)" error={save.error?.fieldError('refundWindowDays')}>
            {(a) => (
              <input
                {...a}
                type="number"
                min={1}
                value={p.refundWindowDays}
                onChange={(e) => set('refundWindowDays', num(e.target.value))}
              />
            )}
          </Field>
          <Field label="Refunded credits go to" error={save.error?.fieldError('refundTarget')}>
            {(a) => (
              <select
                {...a}
                value={p.refundTarget}
                onChange={(e) => set('refundTarget', e.target.value as PolicyView['refundTarget'])}
              >
                <option value="seat">The seat that spent them</option>
                <option value="pool">The organization's pool</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Frequency cap per candidate</legend>
        <p className="hint">The network-wide cap (set by the operator) applies as well.</p>
        <div className="form-row">
          <Field label="At most this many InMails" error={save.error?.fieldError('orgCapPerCandidate')}>
            {(a) => (
              <input
                {...a}
                type="number"
                min={1}
                value={p.orgCapPerCandidate}
                onChange={(e) => set('orgCapPerCandidate', num(e.target.value))}
              />
            )}
          </Field>
          <Field label="Within (days)" error={save.error?.fieldError('orgCapWindowDays')}>
            {(a) => (
              <input
                {...a}
                type="number"
                min={1}
                value={p.orgCapWindowDays}
                onChange={(e) => set('orgCapWindowDays', num(e.target.value))}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Message quality</legend>
        <div className="check">
          <input
            id="pol-personal"
            type="checkbox"
            checked={p.mandatoryPersonalization}
            onChange={(e) => set('mandatoryPersonalization', e.target.checked)}
          />
          <label htmlFor="pol-personal">
            Mandatory personalization
            <span className="hint">
              Every InMail must reference something specific from the candidate's own profile.
            </span>
          </label>
        </div>
        <div className="check">
          <input
            id="pol-quality"
            type="checkbox"
            checked={qualityOn}
            onChange={(e) => {
              setSaved(null);
              setQualityOn(e.target.checked);
            }}
          />
          <label htmlFor="pol-quality">Block messages below a quality score</label>
        </div>
        {qualityOn ? (
          <Field label="Minimum quality score (0–100)" error={save.error?.fieldError('qualityBlockBelow')}>
            {(a) => (
              <input
                {...a}
                type="number"
                min={0}
                max={100}
                value={p.qualityBlockBelow ?? 50}
                onChange={(e) => set('qualityBlockBelow', num(e.target.value))}
              />
            )}
          </Field>
        ) : null}
      </fieldset>
      <fieldset className="card">
        <legend>Default send window for new campaigns</legend>
        <p className="hint">
          New campaigns start with these days and hours; a recruiter can change them for one campaign, and
          campaigns created before a change keep their window. Saved now:{' '}
          <span data-testid="default-window-now">{describeWindow(p.defaultSendWindow)}</span>.
        </p>
        <SendWindowFields
          value={sendWindow}
          onChange={(w) => {
            setSaved(null);
            setSendWindow(w);
          }}
          errorFor={(field) => fieldErrorIn(save.error, field)}
          prefix="defaultSendWindow."
        />
        <div className="actions">
          <button
            type="button"
            className="btn"
            disabled={restore.pending || save.pending}
            aria-busy={restore.pending}
            onClick={() => {
              save.clear();
              void restore.run();
            }}
          >
            {restore.pending ? 'Restoring…' : 'Restore the product default'}
          </button>
          <span className="small muted">Tuesday to Thursday, 08:00–11:00.</span>
        </div>
      </fieldset>
      <ProblemAlert error={save.error ?? restore.error}>
        {save.error?.code === 'invalid_send_window'
          ? 'The default send window is not valid: see the messages at its fields.'
          : undefined}
      </ProblemAlert>
      {saved === 'policies' ? <Success>Saved.</Success> : null}
      {saved === 'window' ? <Success>The default send window is the product default again.</Success> : null}
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.pending || restore.pending}
          aria-busy={save.pending}
        >
          {save.pending ? 'Saving…' : 'Save policies'}
        </button>
      </div>
    </form>
  );
}
