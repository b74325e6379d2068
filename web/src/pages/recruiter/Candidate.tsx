import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { CapStatus, MemberDetail } from '../../api/types.ts';
import { ProfileBody, ProfileHeader } from '../../components/ProfileView.tsx';
import {
  Counter,
  Empty,
  ErrorState,
  Field,
  formatDate,
  formatDateTime,
  Loading,
  PageTitle,
  ProblemAlert,
  StatusBadge,
  Success,
} from '../../components/ui.tsx';
import { useSession } from '../../session.tsx';
import { AddToProject } from './projects/AddToProject.tsx';
import { AddOneToList } from './search-tools.tsx';

function CapLine({ name, cap }: { name: string; cap: CapStatus }) {
  const full = cap.used >= cap.limit;
  return (
    <div className={`cap${full ? ' cap-full' : ''}`}>
      <dt>{name}</dt>
      <dd>
        <meter min={0} max={cap.limit} value={Math.min(cap.used, cap.limit)} aria-hidden="true" /> {cap.used}{' '}
        of {cap.limit} InMails in {cap.windowDays} days
        {full && cap.freesAt ? <strong> · next possible {formatDateTime(cap.freesAt)}</strong> : null}
      </dd>
    </div>
  );
}

export function sendBlocker(m: MemberDetail): string | null {
  if (m.degree === 1) return null;
  if (!m.acceptsInmail) return 'This member does not accept InMails right now.';
  const caps = m.contact?.caps;
  if (caps) {
    for (const [label, c] of [
      ['network-wide', caps.network],
      ['your organization', caps.organization],
    ] as const) {
      if (c.used >= c.limit) {
        return `The frequency cap for ${label} is reached${c.freesAt ? ` until ${formatDateTime(c.freesAt)}` : ''}.`;
      }
    }
  }
  return null;
}

const NOTE_MAX = 300;

/** A free invitation to connect, from the recruiter's own member profile. */
function Connect({ m }: { m: MemberDetail }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const counter = useId();
  const invite = useAction(async () => {
    await api('/v1/connection-requests', {
      method: 'POST',
      body: { memberId: m.id, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    setSent(true);
    setOpen(false);
    return true;
  });
  if (sent) return <Success>Invitation sent to {m.firstName}.</Success>;
  if (!open) {
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Connect
      </button>
    );
  }
  return (
    <form
      className="form connect-form"
      onSubmit={(e) => {
        e.preventDefault();
        void invite.run();
      }}
    >
      <Field label="Note (optional)" extra={<Counter id={counter} value={note} max={NOTE_MAX} />}>
        {(p) => (
          <textarea
            {...p}
            aria-describedby={counter}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <ProblemAlert error={invite.error} />
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={invite.pending || [...note].length > NOTE_MAX}
        >
          Send invitation
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function Candidate() {
  const { id = '' } = useParams();
  const { isRecruiter, isMember } = useSession();
  const member = useApi<MemberDetail>(`/v1/members/${encodeURIComponent(id)}`);
  const m = member.data;
  useEffect(() => {
    if (m) document.title = `${m.firstName} ${m.lastName} · InMail`;
  }, [m]);

  if (member.loading && !m) return <Loading label="Loading the profile" />;
  if (member.error && !m)
    return <ErrorState error={member.error} retry={member.reload} what="this profile" />;
  if (!m) return null;

  const blocker = sendBlocker(m);
  const contact = m.contact;
  return (
    <>
      <p className="back">
        <Link to="/candidates">← Candidates</Link>
      </p>
      <PageTitle>
        {m.firstName} {m.lastName}
      </PageTitle>
      <ProfileHeader
        m={m}
        actions={
          isRecruiter ? (
            <>
              {blocker ? (
                <button type="button" className="btn btn-primary" disabled>
                  Send InMail
                </button>
              ) : (
                <Link to={`/compose/${m.id}`} className="btn btn-primary">
                  {m.degree === 1 ? 'Send message' : 'Send InMail'}
                </Link>
              )}
              {blocker ? <p className="small muted">{blocker}</p> : null}
              {m.degree === 1 ? (
                <p className="small muted">A 1st-degree connection: messages are free.</p>
              ) : null}
              {isMember && m.degree !== 1 ? <Connect m={m} /> : null}
              <AddOneToList memberId={m.id} name={`${m.firstName} ${m.lastName}`} />
              <AddToProject memberId={m.id} name={`${m.firstName} ${m.lastName}`} />
            </>
          ) : null
        }
      />
      {contact ? (
        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact history</h2>
          <dl className="facts">
            <div>
              <dt>Last contacted by your organization</dt>
              <dd>{contact.lastContactedByMyOrgAt ? formatDate(contact.lastContactedByMyOrgAt) : 'never'}</dd>
            </div>
          </dl>
          <h3>Frequency caps</h3>
          <dl className="facts caps">
            <CapLine name="Whole network" cap={contact.caps.network} />
            <CapLine name="Your organization" cap={contact.caps.organization} />
          </dl>
          <h3>InMails from your organization</h3>
          {contact.inmailsFromMyOrg.length === 0 ? (
            <Empty compact title="None yet." />
          ) : (
            <ul className="plain-list">
              {contact.inmailsFromMyOrg.map((i) => (
                <li key={i.id} className="row">
                  <span className="grow">
                    {i.threadId ? (
                      <Link to={`/threads/${i.threadId}`}>{formatDateTime(i.sentAt)}</Link>
                    ) : (
                      formatDateTime(i.sentAt)
                    )}
                  </span>
                  <StatusBadge status={i.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <ProfileBody m={m} />
    </>
  );
}
