import { useEffect } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, usePaged } from '../../api/hooks.ts';
import type { Notification } from '../../api/types.ts';
import {
  Ago,
  Empty,
  ErrorState,
  Loading,
  LoadMore,
  MessageText,
  PageTitle,
  ProblemAlert,
} from '../../components/ui.tsx';
import { useAnnounce, useSession } from '../../session.tsx';

/** A notification's link, if it points into this app (never elsewhere). */
function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function Notifications() {
  const list = usePaged<Notification>('/v1/notifications');
  const { refreshUnread } = useSession();
  const announce = useAnnounce();
  const unread =
    typeof list.last?.unread === 'number' ? list.last.unread : list.items.filter((n) => !n.readAt).length;
  useEffect(() => {
    document.title = 'Notifications · InMail';
  }, []);

  const markRead = useAction(async (id: string) => {
    const n = await api<Notification>(`/v1/notifications/${id}/read`, { method: 'POST' });
    list.update((items) =>
      items.map((i) => (i.id === id ? { ...i, readAt: n?.readAt ?? new Date().toISOString() } : i)),
    );
    refreshUnread();
    return true;
  });
  const markAll = useAction(async () => {
    await api('/v1/notifications/read-all', { method: 'POST' });
    const now = new Date().toISOString();
    list.update((items) => items.map((i) => (i.readAt ? i : { ...i, readAt: now })));
    refreshUnread();
    announce('All notifications marked as read');
    return true;
  });

  return (
    <>
      <PageTitle
        actions={
          list.items.length > 0 ? (
            <button
              type="button"
              className="btn"
              onClick={() => void markAll.run()}
              disabled={markAll.pending || unread === 0}
            >
              Mark all as read
            </button>
          ) : null
        }
      >
        Notifications
      </PageTitle>
      <ProblemAlert error={markRead.error ?? markAll.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading notifications" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="notifications" />
      ) : list.items.length === 0 ? (
        <Empty title="You are all caught up" />
      ) : (
        <>
          <ul className="card-list notifications" data-testid="notifications">
            {list.items.map((n) => {
              const href = internalLink(n.link);
              return (
                <li key={n.id} className={`card notification${n.readAt ? '' : ' unread'}`}>
                  <div className="grow">
                    <p className="card-title">
                      {!n.readAt ? <span className="visually-hidden">Unread: </span> : null}
                      {href ? (
                        <Link to={href} onClick={() => !n.readAt && void markRead.run(n.id)}>
                          {n.title}
                        </Link>
                      ) : (
                        n.title
                      )}
                    </p>
                    {n.body ? <MessageText text={n.body} /> : null}
                    <p className="small muted">
                      <Ago iso={n.createdAt} />
                    </p>
                  </div>
                  {!n.readAt ? (
                    <button
                      type="button"
                      className="btn btn-quiet"
                      onClick={() => void markRead.run(n.id)}
                      disabled={markRead.pending}
                    >
                      Mark read<span className="visually-hidden">: {n.title}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
