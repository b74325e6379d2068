import { useEffect } from 'react';
import { usePaged } from '../../api/hooks.ts';
import type { ThreadSummary } from '../../api/types.ts';
import { ThreadList } from '../../components/ThreadList.tsx';
import { Empty, ErrorState, Loading, LoadMore, PageTitle } from '../../components/ui.tsx';

export function Inbox() {
  const inbox = usePaged<ThreadSummary>('/v1/inbox');
  const unread = typeof inbox.last?.unread === 'number' ? inbox.last.unread : null;
  useEffect(() => {
    document.title = `${unread ? `(${unread}) ` : ''}Inbox · InMail`;
  }, [unread]);

  return (
    <>
      <PageTitle actions={unread ? <span className="badge badge-unread">{unread} unread</span> : null}>
        Inbox
      </PageTitle>
      {inbox.loading && inbox.items.length === 0 ? (
        <Loading label="Loading your inbox" />
      ) : inbox.error && inbox.items.length === 0 ? (
        <ErrorState error={inbox.error} retry={inbox.reload} what="your inbox" />
      ) : inbox.items.length === 0 ? (
        <Empty title="No messages yet">
          <p>When a recruiter sends you an InMail, it shows here. You decide whether to accept it.</p>
        </Empty>
      ) : (
        <>
          <ThreadList items={inbox.items} side="recipient" hrefOf={(t) => `/inbox/${t.id}`} />
          <LoadMore hasMore={inbox.hasMore} loading={inbox.loadingMore} onClick={inbox.loadMore} />
        </>
      )}
    </>
  );
}
