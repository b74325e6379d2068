import { useEffect } from 'react';
import { Link } from 'react-router';
import { usePaged } from '../../api/hooks.ts';
import type { ThreadSummary } from '../../api/types.ts';
import { ThreadList } from '../../components/ThreadList.tsx';
import { Empty, ErrorState, Loading, LoadMore, PageTitle } from '../../components/ui.tsx';
import { useSession } from '../../session.tsx';

export function Sent() {
  const list = usePaged<ThreadSummary>('/v1/sent');
  const seat = useSession().me.seat;
  useEffect(() => {
    document.title = 'Sent · InMail';
  }, []);
  return (
    <>
      <PageTitle
        actions={
          <Link to="/candidates" className="btn btn-primary">
            New InMail
          </Link>
        }
      >
        Compose / Sent
      </PageTitle>
      <p className="muted">
        To write an InMail, open a candidate and choose “Send InMail”.
        {seat ? ` Your seat holds ${seat.balance} credits.` : ''}
      </p>
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading your sent InMails" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="your sent InMails" />
      ) : list.items.length === 0 ? (
        <Empty title="You have not sent anything yet">
          <p>
            <Link to="/candidates">Find a candidate</Link> and send your first InMail.
          </p>
        </Empty>
      ) : (
        <>
          <ThreadList items={list.items} side="sender" hrefOf={(t) => `/threads/${t.id}`} />
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
