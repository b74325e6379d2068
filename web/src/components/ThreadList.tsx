import { Link } from 'react-router';
import type { ThreadSummary } from '../api/types.ts';
import { Ago, Avatar, StatusBadge } from './ui.tsx';

/** Threads as a list of links: the member sees who wrote, the recruiter whom they wrote to. */
export function ThreadList({
  items,
  side,
  hrefOf,
}: {
  items: ThreadSummary[];
  side: 'recipient' | 'sender';
  hrefOf: (t: ThreadSummary) => string;
}) {
  return (
    <ul className="thread-list">
      {items.map((t) => {
        const who = side === 'recipient' ? t.sender.name : t.recipient.name;
        const sub =
          side === 'recipient'
            ? [t.sender.title, t.sender.organization].filter(Boolean).join(' at ')
            : t.recipient.headline;
        const lastBy =
          t.lastMessage.author === (side === 'recipient' ? 'recipient' : 'sender') ? 'You: ' : '';
        return (
          <li key={t.id} className={`thread-item${t.unread > 0 ? ' unread' : ''}`}>
            <Avatar name={who} />
            <div className="thread-main">
              <div className="thread-top">
                <Link to={hrefOf(t)} className="thread-link">
                  <span className="thread-who">{who}</span>
                  <span className="visually-hidden">{t.unread > 0 ? ` (${t.unread} unread)` : ''}: </span>
                  <span className="thread-subject">{t.subject || '(no subject)'}</span>
                </Link>
                <span className="thread-time">
                  <Ago iso={t.lastMessageAt} />
                </span>
              </div>
              {sub ? <p className="thread-sub muted small">{sub}</p> : null}
              <p className="thread-snippet">
                {lastBy}
                {t.lastMessage.body}
              </p>
              <div className="thread-badges">
                {t.unread > 0 ? (
                  <span className="badge badge-unread" aria-hidden="true">
                    {t.unread} new
                  </span>
                ) : null}
                {t.inmail ? <StatusBadge status={t.inmail.status} /> : <span className="badge">Message</span>}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
