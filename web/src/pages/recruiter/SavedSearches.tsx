/** Saved searches (run, alerts on and off, delete, matches onto a list) and the search history. */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, useApi, usePaged } from '../../api/hooks.ts';
import type { AddToListResult, CandidateList, SavedSearch, SearchHistoryItem } from '../../api/types.ts';
import { Ago, Empty, ErrorState, Loading, LoadMore, PageTitle, ProblemAlert } from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';
import { MAX_FROM_SEARCH } from './search-tools.tsx';
import { writeRequest, type SearchFilters } from './Search.tsx';

/** "skills: Python, SQL · countries: DE" — the filters in a line. */
export function summarizeFilters(f: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) parts.push(`${k}: ${v.join(', ')}`);
    else if (typeof v === 'object') {
      const inner = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .map(([ik, x]) => `${ik} ${Array.isArray(x) ? x.join(', ') : String(x)}`)
        .join('; ');
      parts.push(`${k}: ${inner}`);
    } else parts.push(`${k}: ${String(v)}`);
  }
  return parts.join(' · ');
}

function searchHref(query: string, filters: Record<string, unknown>): string {
  return `/search?${writeRequest({
    ...(query ? { query } : {}),
    ...(Object.keys(filters).length ? { filters: filters as SearchFilters } : {}),
  }).toString()}`;
}

export function SavedSearches() {
  const saved = useApi<{ items: SavedSearch[] }>('/v1/saved-searches');
  const history = usePaged<SearchHistoryItem>('/v1/search/history', 20);
  const announce = useAnnounce();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = 'Saved searches · InMail';
  }, []);

  // The switch moves at once; if the server refuses, it moves back and the error shows.
  const put = (x: SavedSearch) =>
    saved.setData((p) => p && { items: p.items.map((y) => (y.id === x.id ? x : y)) });
  const setAlerts = useAction(async (s: SavedSearch, alerts: boolean) => {
    put({ ...s, alerts });
    try {
      const next = await api<SavedSearch>(`/v1/saved-searches/${s.id}`, {
        method: 'PATCH',
        body: { alerts },
      });
      put(next);
      announce(`Alerts ${alerts ? 'on' : 'off'} for ${s.name}`);
      return next;
    } catch (err) {
      put(s);
      throw err;
    }
  });
  const remove = useAction(async (s: SavedSearch) => {
    if (!window.confirm(`Delete the saved search “${s.name}”?`)) return undefined;
    await api(`/v1/saved-searches/${s.id}`, { method: 'DELETE' });
    saved.setData((p) => p && { items: p.items.filter((x) => x.id !== s.id) });
    announce(`${s.name} deleted`);
    return true;
  });
  const [listing, setListing] = useState<string | null>(null);
  const toList = useAction(async (s: SavedSearch) => {
    setListing(s.id);
    try {
      const l = await api<CandidateList>('/v1/candidate-lists', {
        method: 'POST',
        body: { name: `${s.name} (${new Date().toLocaleDateString()})`.slice(0, 200) },
      });
      const r = await api<AddToListResult>(`/v1/candidate-lists/${l.id}/members/from-search`, {
        method: 'POST',
        body: { query: s.query, filters: s.filters, limit: MAX_FROM_SEARCH },
      });
      announce(`${r.added} candidates put on the list ${l.name}`);
      navigate(`/lists/${l.id}`);
      return r;
    } finally {
      setListing(null);
    }
  });

  const items = saved.data?.items ?? [];
  return (
    <>
      <p className="back">
        <Link to="/search">← Search</Link>
      </p>
      <PageTitle>Saved searches and history</PageTitle>
      <section className="card" aria-labelledby="saved-title">
        <h2 id="saved-title">Saved searches</h2>
        <p className="small muted">
          With alerts on, you get a notification each morning about members who newly match (created or edited
          since the day before).
        </p>
        <ProblemAlert error={setAlerts.error ?? remove.error ?? toList.error} />
        {saved.loading && !saved.data ? (
          <Loading label="Loading saved searches" />
        ) : saved.error && !saved.data ? (
          <ErrorState error={saved.error} retry={saved.reload} what="saved searches" />
        ) : items.length === 0 ? (
          <Empty compact title="None yet: run a search and choose “Save this search”." />
        ) : (
          <ul className="plain-list" data-testid="saved-searches">
            {items.map((s) => (
              <li key={s.id} className="row saved-row">
                <div className="grow">
                  <p className="card-title">{s.name}</p>
                  <p className="small">
                    {s.query ? <code>{s.query}</code> : <span className="muted">No query</span>}
                    {Object.keys(s.filters).length ? (
                      <span className="muted"> · {summarizeFilters(s.filters)}</span>
                    ) : null}
                  </p>
                  {s.lastAlertAt ? (
                    <p className="small muted">
                      Last alert <Ago iso={s.lastAlertAt} />
                    </p>
                  ) : null}
                </div>
                <label className="check-inline">
                  <input
                    type="checkbox"
                    checked={s.alerts}
                    disabled={setAlerts.pending}
                    onChange={(e) => void setAlerts.run(s, e.target.checked)}
                  />
                  Daily alert
                </label>
                <div className="actions">
                  <Link to={searchHref(s.query, s.filters)} className="btn btn-small btn-primary">
                    Run
                  </Link>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={toList.pending}
                    aria-busy={listing === s.id}
                    onClick={() => void toList.run(s)}
                  >
                    {listing === s.id ? 'Putting on a list…' : 'Matches to a new list'}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    onClick={() => void remove.run(s)}
                    aria-label={`Delete ${s.name}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Recent searches</h2>
        <p className="small muted">Your searches of the last 90 days, newest first.</p>
        {history.loading && history.items.length === 0 ? (
          <Loading label="Loading your history" />
        ) : history.error && history.items.length === 0 ? (
          <ErrorState error={history.error} retry={history.reload} what="your search history" />
        ) : history.items.length === 0 ? (
          <Empty compact title="No searches yet." />
        ) : (
          <>
            <ul className="plain-list" data-testid="search-history">
              {history.items.map((h) => (
                <li key={h.id} className="row">
                  <div className="grow">
                    <p className="small">
                      {h.query ? <code>{h.query}</code> : <span className="muted">No query</span>}
                      {Object.keys(h.filters).length ? (
                        <span className="muted"> · {summarizeFilters(h.filters)}</span>
                      ) : null}
                    </p>
                    <p className="small muted">
                      {h.total.exact ? h.total.count.toLocaleString() : `${h.total.count.toLocaleString()}+`}{' '}
                      results · <Ago iso={h.searchedAt} />
                    </p>
                  </div>
                  <Link to={searchHref(h.query, h.filters)} className="btn btn-small">
                    Run again
                  </Link>
                </li>
              ))}
            </ul>
            <LoadMore hasMore={history.hasMore} loading={history.loadingMore} onClick={history.loadMore} />
          </>
        )}
      </section>
    </>
  );
}
