/**
 * One conversation, from either side. The member answers an InMail here (accept, decline with a
 * reason, reply) and both sides write freely once it is accepted; the recruiter sees the
 * candidate's answers. Every body is rendered as text.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { useAction, useApi } from '../api/hooks.ts';
import type { DeclineReason, InmailView, MessageView, ThreadView } from '../api/types.ts';
import {
  Avatar,
  Counter,
  ErrorState,
  Field,
  formatDate,
  formatDateTime,
  Loading,
  MessageText,
  PageTitle,
  ProblemAlert,
  StatusBadge,
  Success,
} from '../components/ui.tsx';
import { useAnnounce, useSession } from '../session.tsx';

const BODY_MAX = 2000;

const REASONS: { value: DeclineReason; label: string }[] = [
  { value: 'not_looking', label: 'Not looking right now' },
  { value: 'not_a_fit', label: 'Not a fit for me' },
  { value: 'timing', label: 'Bad timing' },
  { value: 'contact_later', label: 'Contact me later' },
  { value: 'other', label: 'Other' },
];

export function ThreadPage({ backTo, backLabel }: { backTo: string; backLabel: string }) {
  const { threadId = '' } = useParams();
  const s = useSession();
  const announce = useAnnounce();
  const thread = useApi<ThreadView>(`/v1/threads/${encodeURIComponent(threadId)}`);
  const view = thread.data;
  const side =
    view?.side ?? (view && s.me.memberId === view.thread.recipient.memberId ? 'recipient' : 'sender');
  const inmailId = view?.inmail?.id;
  const { refreshUnread } = s;

  useEffect(() => {
    if (view) document.title = `${view.thread.subject} · InMail`;
  }, [view]);

  // The recipient opening an InMail records the first open; reading the thread also clears the
  // unread notification count.
  useEffect(() => {
    if (!inmailId || side !== 'recipient') return;
    api<InmailView>(`/v1/inmails/${inmailId}`).then(
      () => refreshUnread(),
      () => {},
    );
  }, [inmailId, side, refreshUnread]);

  if (thread.loading && !view) return <Loading label="Loading the conversation" />;
  if (thread.error && !view)
    return <ErrorState error={thread.error} retry={thread.reload} what="the conversation" />;
  if (!view) return null;

  const t = view.thread;
  const inmail = view.inmail;
  const pending = side === 'recipient' && inmail?.status === 'pending';
  const other = side === 'recipient' ? t.sender.name : t.recipient.name;

  const onChanged = (next?: Partial<ThreadView>) => {
    if (next) thread.setData((prev) => (prev ? { ...prev, ...next } : prev));
    thread.reload();
    refreshUnread();
  };

  return (
    <div className="thread-page">
      <p className="back">
        <Link to={backTo}>← {backLabel}</Link>
      </p>
      <PageTitle
        actions={inmail ? <StatusBadge status={inmail.status} /> : <span className="badge">Message</span>}
      >
        {t.subject || '(no subject)'}
      </PageTitle>

      {side === 'recipient' ? (
        <section className="card sender-card" aria-label="Sender">
          <Avatar name={t.sender.name} size={48} />
          <div>
            <p className="card-title">{t.sender.name}</p>
            <p>
              {t.sender.title}
              {t.sender.organization ? ` at ${t.sender.organization}` : ''}
            </p>
            {t.sender.headline && !t.sender.headline.startsWith(t.sender.title) ? (
              <p className="muted small">{t.sender.headline}</p>
            ) : null}
          </div>
        </section>
      ) : (
        <section className="card sender-card" aria-label="Candidate">
          <Avatar name={t.recipient.name} size={48} />
          <div>
            <p className="card-title">
              <Link to={`/members/${t.recipient.memberId}`}>{t.recipient.name}</Link>
            </p>
            <p className="muted">{t.recipient.headline}</p>
            {inmail ? <InmailFacts inmail={inmail} /> : null}
          </div>
        </section>
      )}

      <section aria-label="Messages">
        <ol className="messages">
          {view.messages.map((m) => (
            <Message
              key={m.id}
              m={m}
              mine={m.author === side}
              name={m.author === 'sender' ? t.sender.name : t.recipient.name}
            />
          ))}
        </ol>
      </section>

      {pending && inmail ? (
        <RespondPanel inmail={inmail} onDone={onChanged} announce={announce} />
      ) : view.canReply ? (
        <ReplyBox
          label={`Write to ${other}`}
          onSend={async (body) => {
            const m = await api<MessageView>(`/v1/threads/${t.id}/messages`, {
              method: 'POST',
              body: { body },
            });
            thread.setData((prev) => (prev ? { ...prev, messages: [...prev.messages, m] } : prev));
            announce('Message sent');
            onChanged();
          }}
        />
      ) : (
        <p className="muted thread-closed">
          {side === 'sender' && inmail?.status === 'pending'
            ? `The conversation opens when ${other} accepts or replies.`
            : inmail?.status === 'declined'
              ? 'This InMail was declined; the conversation is closed.'
              : inmail?.status === 'expired'
                ? 'This InMail expired without a response.'
                : 'You cannot write in this conversation.'}
        </p>
      )}

      {side === 'recipient' ? <SafetyPanel view={view} /> : null}
    </div>
  );
}

function InmailFacts({ inmail }: { inmail: InmailView }) {
  return (
    <dl className="facts small">
      <div>
        <dt>Sent</dt>
        <dd>{formatDateTime(inmail.sentAt)}</dd>
      </div>
      {inmail.openedAt ? (
        <div>
          <dt>Opened</dt>
          <dd>{formatDateTime(inmail.openedAt)}</dd>
        </div>
      ) : null}
      {inmail.status === 'pending' && inmail.expiresAt ? (
        <div>
          <dt>Expires</dt>
          <dd>{formatDate(inmail.expiresAt)}</dd>
        </div>
      ) : null}
      {inmail.declineReason ? (
        <div>
          <dt>Reason</dt>
          <dd>
            {REASONS.find((r) => r.value === inmail.declineReason)?.label ?? inmail.declineReason}
            {inmail.contactLaterUntil ? ` (until ${formatDate(inmail.contactLaterUntil)})` : ''}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Credit</dt>
        <dd>{!inmail.charged ? 'free' : inmail.refundedAt ? 'refunded' : 'spent'}</dd>
      </div>
    </dl>
  );
}

function Message({ m, mine, name }: { m: MessageView; mine: boolean; name: string }) {
  return (
    <li className={`message${mine ? ' mine' : ''}`}>
      <div className="message-meta">
        <span className="message-author">{mine ? 'You' : name}</span>{' '}
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
      </div>
      <MessageText text={m.body} />
    </li>
  );
}

function ReplyBox({
  label,
  onSend,
  cta = 'Send',
}: {
  label: string;
  onSend: (body: string) => Promise<void>;
  cta?: string;
}) {
  const [body, setBody] = useState('');
  const counterId = useId();
  const send = useAction(async (b: string) => {
    await onSend(b);
    return true;
  });
  const tooLong = [...body].length > BODY_MAX;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim() || tooLong) return;
    if (await send.run(body)) setBody((b) => (b === body ? '' : b));
  }

  return (
    <form className="reply-box card" onSubmit={submit}>
      <Field
        label={label}
        error={send.error?.fieldError('body')}
        extra={<Counter id={counterId} value={body} max={BODY_MAX} />}
      >
        {(p) => (
          <textarea
            {...p}
            aria-describedby={[p['aria-describedby'], counterId].filter(Boolean).join(' ')}
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <ProblemAlert error={send.error && !send.error.fieldError('body') ? send.error : null} />
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={send.pending || !body.trim() || tooLong}
          aria-busy={send.pending}
        >
          {send.pending ? 'Sending…' : cta}
        </button>
      </div>
    </form>
  );
}

function RespondPanel({
  inmail,
  onDone,
  announce,
}: {
  inmail: InmailView;
  onDone: (next?: Partial<ThreadView>) => void;
  announce: (m: string) => void;
}) {
  const [mode, setMode] = useState<'choose' | 'decline' | 'reply'>('choose');
  const [reason, setReason] = useState<DeclineReason>('not_looking');
  const [months, setMonths] = useState(3);
  const [note, setNote] = useState('');
  const accept = useAction(async () => {
    await api(`/v1/inmails/${inmail.id}/accept`, { method: 'POST' });
    announce('InMail accepted. You can now write freely.');
    onDone();
  });
  const decline = useAction(async () => {
    await api(`/v1/inmails/${inmail.id}/decline`, {
      method: 'POST',
      body: {
        reason,
        ...(reason === 'contact_later' ? { contactLaterMonths: months } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    announce('InMail declined');
    onDone();
  });

  return (
    <section className="card respond" aria-labelledby="respond-title">
      <h2 id="respond-title">Respond to this InMail</h2>
      <p className="muted small">
        Accepting opens the conversation; declining tells the sender politely. Either way the sender learns
        you answered.
      </p>
      <ProblemAlert error={accept.error} />
      {mode === 'choose' ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void accept.run()}
            disabled={accept.pending}
            aria-busy={accept.pending}
          >
            {accept.pending ? 'Accepting…' : 'Accept'}
          </button>
          <button type="button" className="btn" onClick={() => setMode('reply')}>
            Reply
          </button>
          <button type="button" className="btn" onClick={() => setMode('decline')}>
            Decline…
          </button>
        </div>
      ) : mode === 'decline' ? (
        <form
          className="decline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void decline.run();
          }}
        >
          <Field label="Reason">
            {(p) => (
              <select {...p} value={reason} onChange={(e) => setReason(e.target.value as DeclineReason)}>
                {REASONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {reason === 'contact_later' ? (
            <Field label="Contact me again in" hint="Until then, no organization can send you an InMail.">
              {(p) => (
                <select {...p} value={months} onChange={(e) => setMonths(Number(e.target.value))}>
                  {[1, 2, 3, 6, 9, 12].map((m) => (
                    <option key={m} value={m}>
                      {m} month{m > 1 ? 's' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field label="Note to the sender (optional)" error={decline.error?.fieldError('note')}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={500}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
          <ProblemAlert error={decline.error && !decline.error.fieldError('note') ? decline.error : null} />
          <div className="actions">
            <button
              type="submit"
              className="btn btn-danger"
              disabled={decline.pending}
              aria-busy={decline.pending}
            >
              {decline.pending ? 'Declining…' : 'Decline InMail'}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setMode('choose')}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <ReplyBox
            label="Your reply"
            cta="Send reply"
            onSend={async (body) => {
              await api(`/v1/inmails/${inmail.id}/replies`, { method: 'POST', body: { body } });
              announce('Reply sent');
              onDone();
            }}
          />
          <button type="button" className="btn btn-quiet" onClick={() => setMode('choose')}>
            Cancel
          </button>
        </>
      )}
    </section>
  );
}

/** Report and block, for the member who received the thread. */
function SafetyPanel({ view }: { view: ThreadView }) {
  const t = view.thread;
  const announce = useAnnounce();
  const [done, setDone] = useState<string | null>(null);
  const report = useAction(async () => {
    await api(`/v1/threads/${t.id}/report`, { method: 'POST', body: {} });
    setDone('Thank you: the message was reported.');
    announce('Reported');
  });
  const block = useAction(async (target: { userId: string } | { organizationId: string }, label: string) => {
    await api('/v1/blocks', { method: 'POST', body: target });
    setDone(`${label} is blocked. Undo it under Preferences.`);
    announce('Blocked');
  });
  const orgId = (t.sender as { organizationId?: string }).organizationId;
  return (
    <details className="safety">
      <summary>Report or block</summary>
      {done ? <Success>{done}</Success> : null}
      <ProblemAlert error={report.error ?? block.error} />
      <div className="actions">
        <button type="button" className="btn" onClick={() => void report.run()} disabled={report.pending}>
          Report as spam
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void block.run({ userId: t.sender.userId }, t.sender.name)}
          disabled={block.pending}
        >
          Block {t.sender.name}
        </button>
        {orgId ? (
          <button
            type="button"
            className="btn"
            onClick={() => void block.run({ organizationId: orgId }, t.sender.organization)}
            disabled={block.pending}
          >
            Block {t.sender.organization}
          </button>
        ) : null}
      </div>
    </details>
  );
}
