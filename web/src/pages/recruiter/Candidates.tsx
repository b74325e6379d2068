import { useEffect } from 'react';
import { Link } from 'react-router';
import { usePaged } from '../../api/hooks.ts';
import type { MemberCard } from '../../api/types.ts';
import { place, roleLine } from '../../components/ProfileView.tsx';
import { Avatar, Degree, Empty, ErrorState, Loading, LoadMore, PageTitle } from '../../components/ui.tsx';

export function Candidates() {
  const list = usePaged<MemberCard>('/v1/members', 50);
  useEffect(() => {
    document.title = 'Candidates · InMail';
  }, []);
  return (
    <>
      <PageTitle
        actions={
          <Link to="/search" className="btn">
            Boolean search
          </Link>
        }
      >
        Candidates
      </PageTitle>
      <p className="muted">Members of the network, with your degree of connection to each.</p>
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading candidates" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="candidates" />
      ) : list.items.length === 0 ? (
        <Empty title="No members on the network yet" />
      ) : (
        <>
          <ul className="candidate-list" data-testid="candidates">
            {list.items.map((m) => (
              <li key={m.id} className="card candidate">
                <Avatar name={`${m.firstName} ${m.lastName}`} />
                <div className="grow">
                  <p className="card-title">
                    <Link to={`/members/${m.id}`}>
                      {m.firstName} {m.lastName}
                    </Link>{' '}
                    <Degree degree={m.degree} />
                    {m.openToWork ? <span className="badge badge-open">Open to work</span> : null}
                  </p>
                  <p className="small">{m.headline}</p>
                  <p className="muted small">
                    {[roleLine(m), place(m.location)].filter(Boolean).join(' · ')}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
