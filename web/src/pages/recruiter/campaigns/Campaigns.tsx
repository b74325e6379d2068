/** The organization's campaigns with their status and progress; running ones refresh on their own. */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useInterval, usePaged } from '../../../api/hooks.ts';
import type { Campaign } from '../../../api/types.ts';
import { Empty, ErrorState, formatDate, Loading, LoadMore, PageTitle } from '../../../components/ui.tsx';
import { CampaignStatusBadge, ProgressMeter } from './parts.tsx';
import { OBJECTIVE_LABEL, progressTotal } from './campaign-lib.ts';

export function Campaigns() {
  const list = usePaged<Campaign>('/v1/campaigns', 25);
  const live = list.items.some((c) => c.status === 'running' || c.status === 'scheduled');
  useInterval(list.reload, live ? 5000 : null);
  useEffect(() => {
    document.title = 'Campaigns · InMail';
  }, []);

  return (
    <>
      <PageTitle
        actions={
          <Link to="/campaigns/new" className="btn btn-primary">
            New campaign
          </Link>
        }
      >
        Campaigns
      </PageTitle>
      <p className="muted">
        A campaign sends a sequence of messages from one seat to a list of candidates, each in their own send
        window, within a credit budget, and stops for everyone who answers.
      </p>
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading campaigns" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="campaigns" />
      ) : list.items.length === 0 ? (
        <Empty title="No campaigns yet">
          <p>
            Put candidates on a <Link to="/lists">list</Link> (from a search, a page or one at a time), then{' '}
            <Link to="/campaigns/new">create a campaign</Link> for it.
          </p>
        </Empty>
      ) : (
        <>
          <ul className="campaign-list" data-testid="campaigns">
            {list.items.map((c) => {
              const p = c.progress;
              const total = c.audienceCount ?? progressTotal(p);
              return (
                <li key={c.id} className="card campaign-row">
                  <div className="grow">
                    <p className="card-title">
                      <Link to={`/campaigns/${c.id}`}>{c.name}</Link>{' '}
                      <CampaignStatusBadge status={c.status} />
                    </p>
                    <p className="small muted">
                      {OBJECTIVE_LABEL[c.objective]} · created {formatDate(c.createdAt)}
                      {c.status === 'scheduled' && c.startAt ? ` · starts ${formatDate(c.startAt)}` : ''}
                      {c.budget !== null ? ` · budget ${c.budget}` : ''}
                    </p>
                    {c.status === 'draft' ? (
                      <p className="small">Not started: the audience is frozen when it starts.</p>
                    ) : (
                      <ProgressMeter progress={p} total={total} compact />
                    )}
                  </div>
                  <dl className="facts campaign-facts">
                    <div>
                      <dt>Recipients</dt>
                      <dd>{c.audienceCount ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>To personalize</dt>
                      <dd>{p.needsPersonalization}</dd>
                    </div>
                    <div>
                      <dt>Credits spent</dt>
                      <dd>{p.creditsSpent}</dd>
                    </div>
                  </dl>
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
