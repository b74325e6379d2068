import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { ConnectionRequest } from '../../api/types.ts';
import {
  Ago,
  Avatar,
  Empty,
  ErrorState,
  Loading,
  MessageText,
  PageTitle,
  ProblemAlert,
} from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';

type Direction = 'incoming' | 'outgoing';

export function Invitations() {
  const [direction, setDirection] = useState<Direction>('incoming');
  const list = useApi<{ items: ConnectionRequest[] }>(`/v1/connection-requests?direction=${direction}`);
  const announce = useAnnounce();
  useEffect(() => {
    document.title = 'Invitations · InMail';
  }, []);

  const act = useAction(async (id: string, verb: 'accept' | 'ignore' | 'withdraw') => {
    const updated = await api<ConnectionRequest>(`/v1/connection-requests/${id}/${verb}`, { method: 'POST' });
    list.setData(
      (prev) => prev && { items: prev.items.map((c) => (c.id === id ? { ...c, ...updated } : c)) },
    );
    announce(
      verb === 'accept'
        ? 'Invitation accepted'
        : verb === 'ignore'
          ? 'Invitation ignored'
          : 'Invitation withdrawn',
    );
    return true;
  });

  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>Invitations</PageTitle>
      <div className="tabs" role="group" aria-label="Which invitations">
        {(['incoming', 'outgoing'] as const).map((d) => (
          <button
            key={d}
            type="button"
            className={`tab${direction === d ? ' active' : ''}`}
            aria-pressed={direction === d}
            onClick={() => setDirection(d)}
          >
            {d === 'incoming' ? 'Received' : 'Sent'}
          </button>
        ))}
      </div>
      <ProblemAlert error={act.error} />
      {list.loading && !list.data ? (
        <Loading label="Loading invitations" />
      ) : list.error && !list.data ? (
        <ErrorState error={list.error} retry={list.reload} what="invitations" />
      ) : items.length === 0 ? (
        <Empty title={direction === 'incoming' ? 'No invitations' : 'You have not invited anyone'}>
          <p>Connection requests are free. A connection can message you without an InMail.</p>
        </Empty>
      ) : (
        <ul className="card-list">
          {items.map((c) => {
            const person = direction === 'incoming' ? c.from : c.to;
            return (
              <li key={c.id} className="card person-row">
                <Avatar name={person.name} />
                <div className="grow">
                  <p className="card-title">{person.name}</p>
                  <p className="muted small">{person.headline}</p>
                  {c.note ? (
                    <blockquote className="note">
                      <MessageText text={c.note} />
                    </blockquote>
                  ) : null}
                  <p className="small muted">
                    <Ago iso={c.createdAt} />
                    {c.status !== 'pending' ? ` · ${c.status}` : ''}
                  </p>
                </div>
                {c.status === 'pending' ? (
                  <div className="actions">
                    {direction === 'incoming' ? (
                      <>
                        <button
                          type="button"
                          className="btn btn-primary"
                          disabled={act.pending}
                          onClick={() => void act.run(c.id, 'accept')}
                        >
                          Accept<span className="visually-hidden"> {person.name}</span>
                        </button>
                        <button
                          type="button"
                          className="btn"
                          disabled={act.pending}
                          onClick={() => void act.run(c.id, 'ignore')}
                        >
                          Ignore<span className="visually-hidden"> {person.name}</span>
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="btn"
                        disabled={act.pending}
                        onClick={() => void act.run(c.id, 'withdraw')}
                      >
                        Withdraw<span className="visually-hidden"> invitation to {person.name}</span>
                      </button>
                    )}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
