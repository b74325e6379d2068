/**
 * Boolean candidate search: the query box (a syntax error is shown at its position), filters,
 * facets that narrow with one click, and results with the matching parts highlighted. The request
 * lives in the URL, so back and forward, reloads and shared links show the same search.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PickedMembers } from './campaigns/CampaignEditor.tsx';
import { AddToList, SaveSearch } from './search-tools.tsx';
import { api, ApiError } from '../../api/client.ts';
import {
  Avatar,
  Degree,
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  LoadMore,
  PageTitle,
} from '../../components/ui.tsx';

export const SENIORITIES = [
  'intern',
  'entry',
  'associate',
  'senior',
  'lead',
  'manager',
  'director',
  'vp',
  'cxo',
  'partner',
] as const;

export interface SearchFilters {
  skills?: { all?: string[]; any?: string[] };
  companies?: { names: string[]; when?: 'current' | 'past' | 'either' };
  locations?: { countries?: string[]; regions?: string[]; cities?: string[] };
  seniorities?: string[];
  openToWork?: boolean;
  networkDegrees?: (1 | 2 | 3)[];
  yearsOfExperience?: { min?: number; max?: number };
  notContactedInDays?: number;
  notInActiveCampaign?: boolean;
  industries?: string[];
}

export interface SearchRequest {
  query?: string;
  filters?: SearchFilters;
  sort?: { likelyToRespondBoost?: boolean };
}

interface Highlight {
  field: string;
  value: string;
  terms: string[];
}

interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  location: { city: string; region: string; country: string };
  seniority: string;
  yearsOfExperience: number;
  openToWork: boolean;
  degree: 1 | 2 | 3;
  highlights: Highlight[];
  lastContactedByMyOrgAt: string | null;
  likelyToRespond: { openToWork: boolean; responseRate: number | null; boost: number };
}

interface Facet<T = string> {
  value: T;
  count: number;
}

interface SearchResponse {
  items: Candidate[];
  total: { count: number; exact: boolean };
  facets: {
    skills: Facet[];
    companies: Facet[];
    locations: Facet<{ city: string; region: string; country: string }>[];
    seniorities: Facet[];
    graduationYears: Facet<number>[];
  };
  nextCursor: string | null;
  query: string | null;
}

const EXAMPLES = [
  'title:("portfolio manager" OR quant) AND skill:python NOT company:citadel',
  '"machine learning" AND (python OR scala)',
  'skill:react AND location:berlin',
  'title:engineer* NOT title:intern',
];

/** The request in the URL: q (the query) and f (filters as JSON), boost=0 when switched off. */
export function readRequest(params: URLSearchParams): SearchRequest | null {
  const q = params.get('q');
  const f = params.get('f');
  if (q === null && f === null) return null;
  let filters: SearchFilters | undefined;
  try {
    filters = f ? (JSON.parse(f) as SearchFilters) : undefined;
  } catch {
    filters = undefined;
  }
  return {
    ...(q ? { query: q } : {}),
    ...(filters && Object.keys(filters).length ? { filters } : {}),
    ...(params.get('boost') === '0' ? { sort: { likelyToRespondBoost: false } } : {}),
  };
}

export function writeRequest(r: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  p.set('q', r.query ?? '');
  if (r.filters && Object.keys(r.filters).length) p.set('f', JSON.stringify(r.filters));
  if (r.sort?.likelyToRespondBoost === false) p.set('boost', '0');
  return p;
}

/** Drops empty parts, so the request carries only what the recruiter chose. */
function clean(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  if (f.skills?.all?.length) out.skills = { all: f.skills.all };
  if (f.companies?.names.length) out.companies = f.companies;
  const loc = f.locations;
  if (loc && (loc.countries?.length || loc.cities?.length || loc.regions?.length)) {
    out.locations = {
      ...(loc.countries?.length ? { countries: loc.countries } : {}),
      ...(loc.regions?.length ? { regions: loc.regions } : {}),
      ...(loc.cities?.length ? { cities: loc.cities } : {}),
    };
  }
  if (f.seniorities?.length) out.seniorities = f.seniorities;
  if (f.openToWork) out.openToWork = true;
  if (f.networkDegrees?.length) out.networkDegrees = f.networkDegrees;
  if (
    f.yearsOfExperience &&
    (f.yearsOfExperience.min !== undefined || f.yearsOfExperience.max !== undefined)
  ) {
    out.yearsOfExperience = f.yearsOfExperience;
  }
  if (f.notContactedInDays) out.notContactedInDays = f.notContactedInDays;
  if (f.notInActiveCampaign) out.notInActiveCampaign = true;
  if (f.industries?.length) out.industries = f.industries;
  return out;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Text with the matched terms marked; React escapes every part, so values stay text. */
export function Marked({ text, terms }: { text: string; terms: string[] }): ReactNode {
  const words = terms
    .map((t) => t.replace(/^"|"$/g, '').replace(/\*$/, '').trim())
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const parts = text.split(re);
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

const FIELD_LABEL: Record<string, string> = {
  name: 'Name',
  headline: 'Headline',
  title: 'Title',
  company: 'Company',
  skill: 'Skill',
  school: 'School',
  location: 'Location',
  industry: 'Industry',
  language: 'Language',
  summary: 'About',
  other: 'Profile',
};

export function Search() {
  const [params, setParams] = useSearchParams();
  const request = useMemo(() => readRequest(params), [params]);
  const key = params.toString();

  const [result, setResult] = useState<{ key: string; data: SearchResponse | null; error: ApiError | null }>({
    key: '',
    data: null,
    error: null,
  });
  const [more, setMore] = useState<{ items: Candidate[]; cursor: string | null; loading: boolean }>({
    items: [],
    cursor: null,
    loading: false,
  });
  // Selected candidates (id -> name), kept across searches so a selection can be built up.
  const [selected, setSelected] = useState<Map<string, string>>(() => new Map());
  const toggle = (c: Candidate, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(c.id, `${c.firstName} ${c.lastName}`);
      else next.delete(c.id);
      return next;
    });

  useEffect(() => {
    document.title = `${request?.query ? `${request.query} · ` : ''}Search · InMail`;
  }, [request]);

  useEffect(() => {
    if (!request) return;
    const ctl = new AbortController();
    api<SearchResponse>('/v1/search/candidates', {
      method: 'POST',
      body: { ...request, limit: 25 },
      signal: ctl.signal,
    }).then(
      (data) => {
        setResult({ key, data, error: null });
        setMore({ items: [], cursor: data.nextCursor, loading: false });
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setResult({
          key,
          data: null,
          error:
            err instanceof ApiError
              ? err
              : new ApiError(
                  { status: 0, code: 'client_error', detail: String(err) },
                  'POST',
                  '/v1/search/candidates',
                ),
        });
      },
    );
    return () => ctl.abort();
  }, [request, key]);

  const loading = request !== null && result.key !== key;
  const data = result.key === key ? result.data : null;
  const error = result.key === key ? result.error : null;
  const queryError =
    error && error.status === 400 && typeof error.problem.position === 'number' ? error : null;

  function loadMore() {
    if (!request || !more.cursor || more.loading) return;
    setMore((m) => ({ ...m, loading: true }));
    api<SearchResponse>('/v1/search/candidates', {
      method: 'POST',
      body: { ...request, limit: 25, cursor: more.cursor },
    }).then(
      (page) =>
        setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, loading: false })),
      () => setMore((m) => ({ ...m, loading: false })),
    );
  }

  const run = (r: SearchRequest) => setParams(writeRequest(r));
  const addFilter = (f: SearchFilters) => run({ ...request, filters: clean({ ...request?.filters, ...f }) });

  const items = data ? [...data.items, ...more.items] : [];
  return (
    <>
      <PageTitle
        actions={
          <Link to="/search/saved" className="btn btn-small">
            Saved searches and history
          </Link>
        }
      >
        Search
      </PageTitle>
      <SearchForm key={key} initial={request} onSearch={run} queryError={queryError} />
      {request === null ? (
        <Empty title="Find the right people before spending a credit">
          <p>Type a Boolean query, choose filters, or both. Try one of the examples under “Query syntax”.</p>
        </Empty>
      ) : loading && !data ? (
        <Loading label="Searching" />
      ) : error && !queryError ? (
        <ErrorState error={error} what="the search" />
      ) : data ? (
        <div className="search-layout">
          <section aria-labelledby="results-title" className="search-results">
            <h2 id="results-title" aria-live="polite">
              {data.total.exact
                ? data.total.count.toLocaleString()
                : `At least ${data.total.count.toLocaleString()}`}{' '}
              {data.total.count === 1 ? 'candidate' : 'candidates'}
            </h2>
            {data.query ? (
              <p className="muted small">
                Understood as <code>{data.query}</code>
              </p>
            ) : null}
            {request ? (
              <ResultTools
                request={request}
                items={items}
                total={data.total.count}
                selected={selected}
                onSelectAll={(on) =>
                  setSelected((prev) => {
                    const next = new Map(prev);
                    for (const c of items) {
                      if (on) next.set(c.id, `${c.firstName} ${c.lastName}`);
                      else next.delete(c.id);
                    }
                    return next;
                  })
                }
                onClear={() => setSelected(new Map())}
              />
            ) : null}
            {items.length === 0 ? (
              <Empty title="No one matches">
                <p>Loosen the query or remove a filter.</p>
              </Empty>
            ) : (
              <ul className="candidate-list" data-testid="search-results">
                {items.map((c) => (
                  <Result key={c.id} c={c} selected={selected.has(c.id)} onToggle={(on) => toggle(c, on)} />
                ))}
              </ul>
            )}
            <LoadMore hasMore={more.cursor !== null} loading={more.loading} onClick={loadMore} />
          </section>
          <Facets data={data} onPick={addFilter} />
        </div>
      ) : null}
    </>
  );
}

/** Save the search, select results, put them on a list, start a campaign with them. */
function ResultTools({
  request,
  items,
  total,
  selected,
  onSelectAll,
  onClear,
}: {
  request: SearchRequest;
  items: Candidate[];
  total: number;
  selected: Map<string, string>;
  onSelectAll: (on: boolean) => void;
  onClear: () => void;
}) {
  const [listOpen, setListOpen] = useState(false);
  const allOnPage = items.length > 0 && items.every((c) => selected.has(c.id));
  const picked: PickedMembers = { members: [...selected].map(([id, name]) => ({ id, name })) };
  const suggested = request.query?.slice(0, 60) || 'My search';
  return (
    <div className="result-tools">
      <div className="actions">
        <label className="check-inline">
          <input type="checkbox" checked={allOnPage} onChange={(e) => onSelectAll(e.target.checked)} />
          Select all shown ({items.length})
        </label>
        <span className="small" aria-live="polite" data-testid="selected-count">
          {selected.size} selected
        </span>
        {selected.size ? (
          <button type="button" className="link-button small" onClick={onClear}>
            Clear selection
          </button>
        ) : null}
      </div>
      <div className="actions">
        <SaveSearch request={request} suggested={suggested} />
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={listOpen}
          onClick={() => setListOpen((o) => !o)}
        >
          Add to a list…
        </button>
        {selected.size ? (
          <Link to="/campaigns/new" state={picked} className="btn btn-small">
            Start a campaign with the selected ({selected.size})
          </Link>
        ) : null}
      </div>
      {listOpen ? (
        <AddToList
          selected={[...selected.keys()]}
          pageIds={items.map((c) => c.id)}
          request={request}
          total={total}
        />
      ) : null}
    </div>
  );
}

/** Up to n highlights, one per field first (a title matched in five past jobs says less than a
 * title, a skill and a school). */
function varied(hs: Highlight[], n: number): Highlight[] {
  const seen = new Set<string>();
  const first = hs.filter((h) => !seen.has(h.field) && seen.add(h.field));
  const rest = hs.filter((h) => !first.includes(h));
  return [...first, ...rest].slice(0, n);
}

function Result({
  c,
  selected,
  onToggle,
}: {
  c: Candidate;
  selected: boolean;
  onToggle: (on: boolean) => void;
}) {
  const name = `${c.firstName} ${c.lastName}`;
  const place = [c.location.city, c.location.region, c.location.country].filter(Boolean).join(', ');
  const rate = c.likelyToRespond.responseRate;
  return (
    <li className={`card candidate${selected ? ' selected' : ''}`}>
      <input
        type="checkbox"
        className="select-box"
        checked={selected}
        aria-label={`Select ${name}`}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <Avatar name={name} />
      <div className="grow">
        <p className="card-title">
          <Link to={`/members/${c.id}`}>{name}</Link> <Degree degree={c.degree} />
          {c.openToWork ? <span className="badge badge-open">Open to work</span> : null}
          {c.likelyToRespond.boost > 0 ? (
            <span className="badge badge-likely" title="Ranked higher: open to work or answers InMails">
              Likely to respond
            </span>
          ) : null}
        </p>
        <p className="small">{c.headline}</p>
        <p className="muted small">
          {[
            c.currentTitle && c.currentCompany ? `${c.currentTitle} at ${c.currentCompany}` : c.currentTitle,
            place,
            `${c.yearsOfExperience} yrs`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {c.highlights.length ? (
          <ul className="highlights">
            {varied(c.highlights, 4).map((h, i) => (
              <li key={`${h.field}-${i}`}>
                <span className="hl-field">{FIELD_LABEL[h.field] ?? h.field}:</span>{' '}
                <Marked text={h.value} terms={h.terms} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="small muted">
          {c.lastContactedByMyOrgAt
            ? `Contacted by your organization on ${formatDate(c.lastContactedByMyOrgAt)}`
            : 'Not contacted by your organization'}
          {rate !== null ? ` · answers ${Math.round(rate * 100)}% of InMails` : ''}
        </p>
      </div>
    </li>
  );
}

function FacetList<T>({
  title,
  items,
  label,
  onPick,
}: {
  title: string;
  items: Facet<T>[];
  label: (v: T) => string;
  onPick: (v: T) => void;
}) {
  if (items.length === 0) return null;
  return (
    <div className="facet">
      <h3>{title}</h3>
      <ul>
        {items.slice(0, 8).map((f) => (
          <li key={label(f.value)}>
            <button type="button" className="facet-button" onClick={() => onPick(f.value)}>
              <span>{label(f.value)}</span>
              <span className="muted small">{f.count}</span>
              <span className="visually-hidden">: narrow to these</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Facets({ data, onPick }: { data: SearchResponse; onPick: (f: SearchFilters) => void }) {
  return (
    <aside className="card facets" aria-label="Narrow the results">
      <h2>Narrow down</h2>
      <FacetList
        title="Skills"
        items={data.facets.skills}
        label={(v) => v}
        onPick={(v) => onPick({ skills: { all: [v] } })}
      />
      <FacetList
        title="Companies"
        items={data.facets.companies}
        label={(v) => v}
        onPick={(v) => onPick({ companies: { names: [v] } })}
      />
      <FacetList
        title="Locations"
        items={data.facets.locations}
        label={(v) => [v.city, v.country].filter(Boolean).join(', ')}
        onPick={(v) =>
          onPick({
            locations: {
              ...(v.city ? { cities: [v.city] } : {}),
              ...(v.country ? { countries: [v.country] } : {}),
            },
          })
        }
      />
      <FacetList
        title="Seniority"
        items={data.facets.seniorities}
        label={(v) => v}
        onPick={(v) => onPick({ seniorities: [v] })}
      />
    </aside>
  );
}

function SearchForm({
  initial,
  onSearch,
  queryError,
}: {
  initial: SearchRequest | null;
  onSearch: (r: SearchRequest) => void;
  queryError: ApiError | null;
}) {
  const f = initial?.filters ?? {};
  const [query, setQuery] = useState(initial?.query ?? '');
  const [skills, setSkills] = useState((f.skills?.all ?? []).join(', '));
  const [companies, setCompanies] = useState((f.companies?.names ?? []).join(', '));
  const [countries, setCountries] = useState((f.locations?.countries ?? []).join(', '));
  const [cities, setCities] = useState((f.locations?.cities ?? []).join(', '));
  const [seniorities, setSeniorities] = useState<string[]>(f.seniorities ?? []);
  const [degrees, setDegrees] = useState<(1 | 2 | 3)[]>(f.networkDegrees ?? []);
  const [openToWork, setOpenToWork] = useState(f.openToWork ?? false);
  const [minYears, setMinYears] = useState(f.yearsOfExperience?.min?.toString() ?? '');
  const [maxYears, setMaxYears] = useState(f.yearsOfExperience?.max?.toString() ?? '');
  const [notContacted, setNotContacted] = useState(f.notContactedInDays?.toString() ?? '');
  const [notInCampaign, setNotInCampaign] = useState(f.notInActiveCampaign ?? false);
  const [boost, setBoost] = useState(initial?.sort?.likelyToRespondBoost !== false);
  const queryRef = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const position = typeof queryError?.problem.position === 'number' ? queryError.problem.position : null;
  const filterCount = Object.keys(f).length;

  // Put the caret where the query went wrong.
  useEffect(() => {
    if (position === null || !queryRef.current) return;
    queryRef.current.focus();
    queryRef.current.setSelectionRange(position, Math.min(position + 1, queryRef.current.value.length));
  }, [position]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    const filters = clean({
      skills: { all: list(skills) },
      companies: { names: list(companies) },
      locations: { countries: list(countries).map((c) => c.toUpperCase()), cities: list(cities) },
      seniorities,
      openToWork,
      networkDegrees: degrees,
      yearsOfExperience: {
        ...(num(minYears) !== undefined ? { min: num(minYears) } : {}),
        ...(num(maxYears) !== undefined ? { max: num(maxYears) } : {}),
      },
      ...(num(notContacted) ? { notContactedInDays: num(notContacted) } : {}),
      notInActiveCampaign: notInCampaign,
    });
    onSearch({
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(Object.keys(filters).length ? { filters } : {}),
      ...(boost ? {} : { sort: { likelyToRespondBoost: false } }),
    });
  }

  return (
    <form className="card form search-form" onSubmit={submit} role="search">
      <div className={`field${queryError ? ' has-error' : ''}`}>
        <label htmlFor="search-query">Boolean query</label>
        <textarea
          id="search-query"
          ref={queryRef}
          rows={2}
          className="query-input"
          spellCheck={false}
          value={query}
          placeholder='e.g. title:("portfolio manager" OR quant) AND skill:python NOT company:citadel'
          aria-invalid={queryError ? true : undefined}
          aria-describedby={queryError ? errorId : 'search-help'}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches; Shift+Enter makes a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {queryError ? (
          <div id={errorId} className="alert alert-error query-error" role="alert" data-testid="query-error">
            <p className="alert-title">{queryError.message}</p>
            {position !== null ? <QueryPointer query={initial?.query ?? query} position={position} /> : null}
          </div>
        ) : null}
      </div>
      <details className="syntax-help" id="search-help">
        <summary>Query syntax</summary>
        <p className="small">
          <code>AND</code>, <code>OR</code>, <code>NOT</code> in capitals; <code>"exact phrases"</code>;
          parentheses; <code>prefix*</code>; fields <code>title:</code> <code>company:</code>{' '}
          <code>skill:</code> <code>school:</code> <code>location:</code> <code>industry:</code>{' '}
          <code>language:</code>. Terms side by side mean AND, and AND binds tighter than OR.
        </p>
        <ul className="examples">
          {EXAMPLES.map((ex) => (
            <li key={ex}>
              <button type="button" className="link-button" onClick={() => setQuery(ex)}>
                {ex}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <details className="filters" open={filterCount > 0}>
        <summary>Filters{filterCount ? ` (${filterCount})` : ''}</summary>
        <div className="form-row">
          <Field label="Skills (all of)" hint="Comma-separated, e.g. Python, SQL">
            {(p) => <input {...p} value={skills} onChange={(e) => setSkills(e.target.value)} />}
          </Field>
          <Field label="Companies (current or past)">
            {(p) => <input {...p} value={companies} onChange={(e) => setCompanies(e.target.value)} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Countries" hint="Two-letter codes, e.g. DE, GB">
            {(p) => <input {...p} value={countries} onChange={(e) => setCountries(e.target.value)} />}
          </Field>
          <Field label="Cities">
            {(p) => <input {...p} value={cities} onChange={(e) => setCities(e.target.value)} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Years of experience, from">
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={80}
                value={minYears}
                onChange={(e) => setMinYears(e.target.value)}
              />
            )}
          </Field>
          <Field label="to">
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={80}
                value={maxYears}
                onChange={(e) => setMaxYears(e.target.value)}
              />
            )}
          </Field>
          <Field label="Not contacted by us in (days)">
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={3650}
                value={notContacted}
                onChange={(e) => setNotContacted(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="plain-fieldset">
          <legend>Seniority</legend>
          <div className="scope-grid">
            {SENIORITIES.map((s) => (
              <label key={s} className="check-inline">
                <input
                  type="checkbox"
                  checked={seniorities.includes(s)}
                  onChange={(e) =>
                    setSeniorities((p) => (e.target.checked ? [...p, s] : p.filter((x) => x !== s)))
                  }
                />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="plain-fieldset">
          <legend>Network degree</legend>
          {([1, 2, 3] as const).map((d) => (
            <label key={d} className="check-inline spaced">
              <input
                type="checkbox"
                checked={degrees.includes(d)}
                onChange={(e) => setDegrees((p) => (e.target.checked ? [...p, d] : p.filter((x) => x !== d)))}
              />
              {d === 1 ? '1st' : d === 2 ? '2nd' : '3rd+'}
            </label>
          ))}
        </fieldset>
        <div className="check">
          <input
            id="f-open"
            type="checkbox"
            checked={openToWork}
            onChange={(e) => setOpenToWork(e.target.checked)}
          />
          <label htmlFor="f-open">Open to work only</label>
        </div>
        <div className="check">
          <input
            id="f-not-in-campaign"
            type="checkbox"
            checked={notInCampaign}
            onChange={(e) => setNotInCampaign(e.target.checked)}
          />
          <label htmlFor="f-not-in-campaign">Not in an active campaign of ours</label>
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          Search
        </button>
        <label className="check-inline">
          <input type="checkbox" checked={boost} onChange={(e) => setBoost(e.target.checked)} />
          Rank likely responders higher
        </label>
      </div>
    </form>
  );
}

/** The query with a marker under the character where parsing failed. */
function QueryPointer({ query, position }: { query: string; position: number }) {
  const before = query.slice(0, position);
  const at = query.slice(position, position + 1) || ' ';
  const after = query.slice(position + 1);
  return (
    <pre className="query-pointer" aria-label={`The problem is at character ${position + 1}`}>
      {before}
      <mark className="query-error-at">{at}</mark>
      {after}
    </pre>
  );
}
