/**
 * What a recruiter does with a search besides reading it: save it (with a daily alert), put its
 * results on a candidate list (the selected ones, the page, or every match), and start a campaign.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import type { AddToListResult, CandidateList, SavedSearch } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';

/** The most matches one "add all" puts on a list (the server's MAX_ADD_FROM_SEARCH). */
export const MAX_FROM_SEARCH = 1000;

/** A search as the API takes it (the filters are passed through as the search page built them). */
export interface SearchRequestBody {
  query?: string;
  filters?: object;
  sort?: { likelyToRespondBoost?: boolean };
}

function asError(err: unknown): ApiError {
  return err instanceof ApiError
    ? err
    : new ApiError({ status: 0, code: 'client_error', detail: String(err) }, 'POST', '');
}

/** Save the current query and filters under a name, alerts on or off. */
export function SaveSearch({ request, suggested }: { request: SearchRequestBody; suggested: string }) {
  const id = useId();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [alerts, setAlerts] = useState(true);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<SavedSearch | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const s = await api<SavedSearch>('/v1/saved-searches', {
        method: 'POST',
        body: {
          name: (name.trim() || suggested).slice(0, 200),
          query: request.query ?? '',
          ...(request.filters ? { filters: request.filters } : {}),
          alerts,
        },
      });
      setSaved(s);
      setOpen(false);
      announce(`Search saved as ${s.name}`);
    } catch (err) {
      setError(asError(err));
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <div className="save-search">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          Save this search
        </button>
        {saved ? (
          <span className="small" role="status">
            Saved as “{saved.name}”{saved.alerts ? ', with a daily alert' : ''}.{' '}
            <Link to="/search/saved">Saved searches</Link>
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form className="card form save-search-form" onSubmit={submit} aria-label="Save this search">
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the saved search</label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder={suggested}
          maxLength={200}
          // The form opened on request: its first field is where the user wants to be.
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="check">
        <input
          id={`${id}-alerts`}
          type="checkbox"
          checked={alerts}
          onChange={(e) => setAlerts(e.target.checked)}
        />
        <label htmlFor={`${id}-alerts`}>
          Daily alert about new members who match{' '}
          <span className="hint">(in your notifications; existing matches are not reported)</span>
        </label>
      </div>
      <ProblemAlert error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
          {pending ? 'Saving…' : 'Save search'}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Adds search results to a candidate list: the selected candidates, the page on screen, or the
 * best matches of the whole search (up to 1,000). A new list can be made on the way.
 */
export function AddToList({
  selected,
  pageIds,
  request,
  total,
  onAdded,
}: {
  selected: string[];
  pageIds: string[];
  request: SearchRequestBody;
  total: number;
  onAdded?: () => void;
}) {
  const id = useId();
  const announce = useAnnounce();
  const lists = useApi<{ items: CandidateList[] }>('/v1/candidate-lists');
  const [listId, setListId] = useState('');
  const [newName, setNewName] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ list: CandidateList; r: AddToListResult } | null>(null);
  const creating = listId === '__new';
  const items = lists.data?.items ?? [];
  const all = Math.min(total, MAX_FROM_SEARCH);

  async function target(): Promise<CandidateList> {
    if (creating) {
      const l = await api<CandidateList>('/v1/candidate-lists', {
        method: 'POST',
        body: { name: newName.trim() },
      });
      lists.setData((p) => ({ items: [l, ...(p?.items ?? [])] }));
      setListId(l.id);
      setNewName('');
      return l;
    }
    const l = items.find((x) => x.id === listId);
    if (!l) throw new Error('Choose a list');
    return l;
  }

  async function add(what: 'selected' | 'page' | 'all') {
    if (pending) return;
    setPending(what);
    setError(null);
    setDone(null);
    try {
      const l = await target();
      const r =
        what === 'all'
          ? await api<AddToListResult>(`/v1/candidate-lists/${l.id}/members/from-search`, {
              method: 'POST',
              body: { ...request, limit: all },
            })
          : await api<AddToListResult>(`/v1/candidate-lists/${l.id}/members`, {
              method: 'POST',
              body: { memberIds: what === 'page' ? pageIds.slice(0, 100) : selected.slice(0, 100) },
            });
      setDone({ list: { ...l, size: r.size }, r });
      lists.setData((p) => p && { items: p.items.map((x) => (x.id === l.id ? { ...x, size: r.size } : x)) });
      announce(`${r.added} added to ${l.name}`);
      onAdded?.();
    } catch (err) {
      setError(asError(err));
    } finally {
      setPending(null);
    }
  }

  const ready = creating ? newName.trim().length > 0 : listId !== '';
  return (
    <div className="card add-to-list" data-testid="add-to-list">
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-list`}>Candidate list</label>
          <select id={`${id}-list`} value={listId} onChange={(e) => setListId(e.target.value)}>
            <option value="">{lists.loading ? 'Loading lists…' : 'Choose a list…'}</option>
            {items.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.size})
              </option>
            ))}
            <option value="__new">New list…</option>
          </select>
        </div>
        {creating ? (
          <div className="field">
            <label htmlFor={`${id}-new`}>Name of the new list</label>
            <input
              id={`${id}-new`}
              value={newName}
              maxLength={200}
              onChange={(e) => setNewName(e.target.value)}
            />
          </div>
        ) : null}
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn btn-small"
          disabled={!ready || selected.length === 0 || pending !== null}
          aria-busy={pending === 'selected'}
          onClick={() => void add('selected')}
        >
          Add selected ({selected.length})
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!ready || pageIds.length === 0 || pending !== null}
          aria-busy={pending === 'page'}
          onClick={() => void add('page')}
        >
          Add this page ({pageIds.length})
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!ready || total === 0 || pending !== null}
          aria-busy={pending === 'all'}
          onClick={() => void add('all')}
        >
          {pending === 'all' ? 'Adding…' : `Add all matches (${all.toLocaleString()})`}
        </button>
      </div>
      {selected.length > 100 ? (
        <p className="small muted">At most 100 selected candidates go on a list at once.</p>
      ) : null}
      <ProblemAlert error={error} />
      {done ? (
        <p className="alert alert-success small" role="status" data-testid="added-to-list">
          {done.r.added} added to <Link to={`/lists/${done.list.id}`}>{done.list.name}</Link>
          {done.r.alreadyOnList ? `, ${done.r.alreadyOnList} already on it` : ''}; it now holds {done.r.size}.{' '}
          <Link to={`/campaigns/new?list=${done.list.id}`}>Start a campaign for this list</Link>
        </p>
      ) : null}
    </div>
  );
}

/** Puts one candidate on a list, from their profile. */
export function AddOneToList({ memberId, name }: { memberId: string; name: string }) {
  const id = useId();
  const announce = useAnnounce();
  const lists = useApi<{ items: CandidateList[] }>('/v1/candidate-lists');
  const [listId, setListId] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ list: CandidateList; added: boolean } | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    const l = lists.data?.items.find((x) => x.id === listId);
    if (!l || pending) return;
    setPending(true);
    setError(null);
    try {
      const r = await api<AddToListResult>(`/v1/candidate-lists/${l.id}/members`, {
        method: 'POST',
        body: { memberIds: [memberId] },
      });
      setDone({ list: l, added: r.added > 0 });
      announce(r.added ? `${name} added to ${l.name}` : `${name} is already on ${l.name}`);
    } catch (err) {
      setError(asError(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="add-one" onSubmit={add}>
      <label htmlFor={`${id}-list`} className="small">
        Add to a list
      </label>
      <div className="inline-form">
        <select id={`${id}-list`} value={listId} onChange={(e) => setListId(e.target.value)}>
          <option value="">{lists.loading ? 'Loading…' : 'Choose a list…'}</option>
          {(lists.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={!listId || pending} aria-busy={pending}>
          Add
        </button>
      </div>
      {lists.data && lists.data.items.length === 0 ? (
        <p className="small muted">
          No lists yet: <Link to="/lists">create one</Link>.
        </p>
      ) : null}
      <ProblemAlert error={error} />
      {done ? (
        <p className="small" role="status">
          {done.added ? 'Added to' : 'Already on'} <Link to={`/lists/${done.list.id}`}>{done.list.name}</Link>
          .
        </p>
      ) : null}
    </form>
  );
}
