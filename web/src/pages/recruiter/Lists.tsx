/**
 * Candidate lists of the organization: create one, open it to see its members, remove some, and
 * start a campaign for it. Lists are filled from search results (one, a page, or every match).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { CandidateList, ListMember, Page } from '../../api/types.ts';
import { place } from '../../components/ProfileView.tsx';
import { MemberPicker } from '../../components/recruiting.tsx';
import {
  Avatar,
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  LoadMore,
  PageTitle,
  ProblemAlert,
} from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';

export function Lists() {
  const lists = useApi<{ items: CandidateList[] }>('/v1/candidate-lists');
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  useEffect(() => {
    document.title = 'Candidate lists · InMail';
  }, []);
  const create = useAction(async () => {
    const l = await api<CandidateList>('/v1/candidate-lists', {
      method: 'POST',
      body: { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
    });
    announce(`List ${l.name} created`);
    navigate(`/lists/${l.id}`);
    return l;
  });
  const items = lists.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Link to="/search" className="btn">
            Find candidates
          </Link>
        }
      >
        Candidate lists
      </PageTitle>
      <p className="muted">
        Lists hold candidates for a campaign or a role. Add people from search results: one at a time, a page,
        or all the matches of a search.
      </p>
      {lists.loading && !lists.data ? (
        <Loading label="Loading lists" />
      ) : lists.error && !lists.data ? (
        <ErrorState error={lists.error} retry={lists.reload} what="candidate lists" />
      ) : items.length === 0 ? (
        <Empty title="No lists yet">
          <p>Create one below, or from the search results (“Add to a list…”).</p>
        </Empty>
      ) : (
        <ul className="candidate-list" data-testid="lists">
          {items.map((l) => (
            <li key={l.id} className="card list-row">
              <div className="grow">
                <p className="card-title">
                  <Link to={`/lists/${l.id}`}>{l.name}</Link>
                </p>
                {l.description ? <p className="small">{l.description}</p> : null}
                <p className="small muted">
                  {l.size} candidate{l.size === 1 ? '' : 's'} · updated {formatDate(l.updatedAt)}
                </p>
              </div>
              <Link to={`/campaigns/new?list=${l.id}`} className="btn btn-small">
                Start a campaign
              </Link>
            </li>
          ))}
        </ul>
      )}
      <form
        className="card form"
        aria-labelledby="new-list-title"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (name.trim()) void create.run();
        }}
      >
        <h2 id="new-list-title">New list</h2>
        <div className="form-row">
          <Field label="Name" error={create.error?.code === 'conflict' ? create.error.message : undefined}>
            {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Description (optional)">
            {(p) => (
              <input
                {...p}
                value={description}
                maxLength={2000}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ProblemAlert error={create.error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.pending}>
            Create list
          </button>
        </div>
      </form>
    </>
  );
}

type ListPage = CandidateList & { members: Page<ListMember> };

export function ListDetail() {
  const { id = '' } = useParams();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const boxId = useId();
  const path = `/v1/candidate-lists/${encodeURIComponent(id)}`;
  const first = useApi<ListPage>(`${path}?limit=50`);
  const [more, setMore] = useState<{
    items: ListMember[];
    cursor: string | null;
    loading: boolean;
    for: ListPage | null;
  }>({
    items: [],
    cursor: null,
    loading: false,
    for: null,
  });
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const l = first.data;
  // A fresh first page drops the pages loaded after the old one.
  if (l && more.for !== l) setMore({ items: [], cursor: l.members.nextCursor, loading: false, for: l });

  useEffect(() => {
    if (l) document.title = `${l.name} · Lists · InMail`;
  }, [l]);

  const remove = useAction(async (ids: string[]) => {
    const r = await api<{ removed: number; size: number }>(`${path}/members/remove`, {
      method: 'POST',
      body: { memberIds: ids },
    });
    setChecked(new Set());
    announce(`${r.removed} removed from the list`);
    first.reload();
    return r;
  });
  const addOne = useAction(async (m: { id: string; name: string }) => {
    const r = await api<{ added: number }>(`${path}/members`, {
      method: 'POST',
      body: { memberIds: [m.id] },
    });
    announce(r.added ? `${m.name} added` : `${m.name} is already on the list`);
    first.reload();
    return r;
  });
  const del = useAction(async () => {
    if (
      !l ||
      !window.confirm(`Delete the list “${l.name}”? Campaigns that already started keep their audience.`)
    )
      return undefined;
    await api(path, { method: 'DELETE' });
    announce('List deleted');
    navigate('/lists');
    return true;
  });

  if (first.loading && !l) return <Loading label="Loading the list" />;
  if (first.error && !l) return <ErrorState error={first.error} retry={first.reload} what="the list" />;
  if (!l) return null;

  const members = [...l.members.items, ...more.items];
  const loadMore = () => {
    if (!more.cursor || more.loading) return;
    setMore((m) => ({ ...m, loading: true }));
    api<ListPage>(`${path}?limit=50&cursor=${encodeURIComponent(more.cursor)}`).then(
      (p) =>
        setMore((m) => ({
          ...m,
          items: [...m.items, ...p.members.items],
          cursor: p.members.nextCursor,
          loading: false,
        })),
      (err: unknown) => {
        setMore((m) => ({ ...m, loading: false }));
        if (err instanceof ApiError) setError(err);
      },
    );
  };
  const allChecked = members.length > 0 && members.every((m) => checked.has(m.id));

  return (
    <>
      <p className="back">
        <Link to="/lists">← Candidate lists</Link>
      </p>
      <PageTitle
        actions={
          <Link to={`/campaigns/new?list=${l.id}`} className="btn btn-primary">
            Start a campaign for this list
          </Link>
        }
      >
        {l.name}
      </PageTitle>
      {l.description ? <p>{l.description}</p> : null}
      <p className="muted" data-testid="list-size">
        {l.size} candidate{l.size === 1 ? '' : 's'} · created {formatDate(l.createdAt)}
      </p>
      <div className="card">
        <MemberPicker label="Add a candidate by name" onPick={(m) => void addOne.run(m)} />
        <ProblemAlert error={addOne.error} />
      </div>
      <ProblemAlert error={remove.error ?? error ?? del.error} />
      {members.length === 0 ? (
        <Empty title="Nobody on this list yet">
          <p>
            <Link to="/search">Search</Link> and choose “Add to a list…” to fill it.
          </p>
        </Empty>
      ) : (
        <section className="card" aria-label="Members of the list">
          <div className="actions">
            <label className="check-inline">
              <input
                type="checkbox"
                checked={allChecked}
                onChange={(e) => setChecked(e.target.checked ? new Set(members.map((m) => m.id)) : new Set())}
              />
              Select all shown
            </label>
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={checked.size === 0 || remove.pending}
              onClick={() => void remove.run([...checked].slice(0, 100))}
            >
              Remove selected ({checked.size})
            </button>
          </div>
          <ul className="plain-list" id={boxId} data-testid="list-members">
            {members.map((m) => {
              const name = `${m.firstName} ${m.lastName}`;
              return (
                <li key={m.id} className="row">
                  <input
                    type="checkbox"
                    checked={checked.has(m.id)}
                    aria-label={`Select ${name}`}
                    onChange={(e) =>
                      setChecked((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(m.id);
                        else next.delete(m.id);
                        return next;
                      })
                    }
                  />
                  <Avatar name={name} size={32} />
                  <div className="grow">
                    <Link to={`/members/${m.id}`}>{name}</Link>
                    {m.openToWork ? <span className="badge badge-open">Open to work</span> : null}
                    <span className="block small muted">
                      {[m.headline, place(m.location)].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                  <span className="small muted nowrap">added {formatDate(m.addedAt)}</span>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    disabled={remove.pending}
                    onClick={() => void remove.run([m.id])}
                    aria-label={`Remove ${name} from the list`}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
          <LoadMore hasMore={more.cursor !== null} loading={more.loading} onClick={loadMore} />
        </section>
      )}
      <div className="actions">
        <button type="button" className="btn btn-quiet" onClick={() => void del.run()} disabled={del.pending}>
          Delete this list
        </button>
      </div>
    </>
  );
}
