import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { Block, Preferences as Prefs } from '../../api/types.ts';
import {
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  PageTitle,
  ProblemAlert,
  Success,
} from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';

/** yyyy-mm-dd of an ISO timestamp, for a date input. */
function dateOnly(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

export function Preferences() {
  const prefs = useApi<Prefs>('/v1/preferences');
  useEffect(() => {
    document.title = 'Preferences · InMail';
  }, []);
  return (
    <>
      <PageTitle>InMail preferences</PageTitle>
      {prefs.loading && !prefs.data ? (
        <Loading label="Loading your preferences" />
      ) : prefs.error && !prefs.data ? (
        <ErrorState error={prefs.error} retry={prefs.reload} what="your preferences" />
      ) : prefs.data ? (
        <PreferencesForm initial={prefs.data} onSaved={(p) => prefs.setData(p)} />
      ) : null}
      <Blocks />
    </>
  );
}

function PreferencesForm({ initial, onSaved }: { initial: Prefs; onSaved: (p: Prefs) => void }) {
  const [inmailEnabled, setInmailEnabled] = useState(initial.inmailEnabled);
  const [emailNotifications, setEmailNotifications] = useState(initial.emailNotifications);
  const [laterOn, setLaterOn] = useState(initial.contactLaterUntil !== null);
  const [later, setLater] = useState(dateOnly(initial.contactLaterUntil));
  const [saved, setSaved] = useState(false);
  const announce = useAnnounce();
  const today = new Date().toISOString().slice(0, 10);

  const save = useAction(async () => {
    const p = await api<Prefs>('/v1/preferences', {
      method: 'PATCH',
      body: {
        inmailEnabled,
        emailNotifications,
        contactLaterUntil: laterOn && later ? new Date(`${later}T00:00:00Z`).toISOString() : null,
      },
    });
    onSaved(p);
    setSaved(true);
    announce('Preferences saved');
    return true;
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    void save.run();
  }

  return (
    <form className="card form" onSubmit={submit} onChange={() => setSaved(false)}>
      <h2>Messages from recruiters</h2>
      <div className="check">
        <input
          id="pref-inmail"
          type="checkbox"
          checked={inmailEnabled}
          onChange={(e) => setInmailEnabled(e.target.checked)}
        />
        <label htmlFor="pref-inmail">
          Accept InMails
          <span className="hint">When off, recruiters who are not your connections cannot message you.</span>
        </label>
      </div>
      <div className="check">
        <input
          id="pref-later"
          type="checkbox"
          checked={laterOn}
          onChange={(e) => setLaterOn(e.target.checked)}
        />
        <label htmlFor="pref-later">
          Contact me later
          <span className="hint">No InMails until the date below; they are welcome again after it.</span>
        </label>
      </div>
      {laterOn ? (
        <Field label="Not before" error={save.error?.fieldError('contactLaterUntil')}>
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              required
              value={later}
              onChange={(e) => setLater(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <div className="check">
        <input
          id="pref-email"
          type="checkbox"
          checked={emailNotifications}
          onChange={(e) => setEmailNotifications(e.target.checked)}
        />
        <label htmlFor="pref-email">Email me about new messages</label>
      </div>
      <ProblemAlert error={save.error} />
      {saved ? <Success>Saved.</Success> : null}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending} aria-busy={save.pending}>
          {save.pending ? 'Saving…' : 'Save preferences'}
        </button>
      </div>
    </form>
  );
}

function Blocks() {
  const blocks = useApi<{ items: Block[] }>('/v1/blocks');
  const announce = useAnnounce();
  const unblock = useAction(async (b: Block) => {
    await api(`/v1/blocks/${b.id}`, { method: 'DELETE' });
    blocks.setData((prev) => prev && { items: prev.items.filter((x) => x.id !== b.id) });
    announce(`${b.name} unblocked`);
    return true;
  });
  const items = blocks.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="blocks-title">
      <h2 id="blocks-title">Blocked senders and organizations</h2>
      <p className="muted small">
        Blocked people and organizations cannot send you InMails. Block someone from a message.
      </p>
      <ProblemAlert error={unblock.error} />
      {blocks.loading && !blocks.data ? (
        <Loading label="Loading blocks" />
      ) : blocks.error && !blocks.data ? (
        <ErrorState error={blocks.error} retry={blocks.reload} what="blocked senders" />
      ) : items.length === 0 ? (
        <Empty compact title="You have not blocked anyone." />
      ) : (
        <ul className="plain-list">
          {items.map((b) => (
            <li key={b.id} className="row">
              <span className="grow">
                {b.name}{' '}
                <span className="muted small">
                  ({b.organizationId ? 'organization' : 'person'}, since {formatDate(b.createdAt)})
                </span>
              </span>
              <button
                type="button"
                className="btn"
                onClick={() => void unblock.run(b)}
                disabled={unblock.pending}
              >
                Unblock<span className="visually-hidden"> {b.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
