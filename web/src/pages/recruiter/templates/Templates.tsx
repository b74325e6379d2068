/** Templates the recruiter can use (their own and shared ones), with filters, archive and restore. */
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import { useAction, useDebounced, usePaged } from '../../../api/hooks.ts';
import type { Template } from '../../../api/types.ts';
import {
  Empty,
  ErrorState,
  formatDate,
  Loading,
  LoadMore,
  PageTitle,
  ProblemAlert,
} from '../../../components/ui.tsx';
import { useAnnounce, useSession } from '../../../session.tsx';
import { SENIORITY_TAGS, TemplateTabs } from './template-lib.tsx';

export function Templates() {
  const s = useSession();
  const announce = useAnnounce();
  const id = useId();
  const [q, setQ] = useState('');
  const [visibility, setVisibility] = useState('');
  const [seniority, setSeniority] = useState('');
  const [mine, setMine] = useState(false);
  const [archived, setArchived] = useState(false);
  const query = useDebounced(q.trim(), 300);
  const list = usePaged<Template>(
    `/v1/templates${qs({
      q: query || undefined,
      visibility: visibility || undefined,
      seniority: seniority || undefined,
      mine: mine ? 'true' : undefined,
      archived: archived ? 'true' : undefined,
    })}`,
    25,
  );
  useEffect(() => {
    document.title = 'Templates · InMail';
  }, []);

  const toggle = useAction(async (t: Template) => {
    const next = await api<Template>(`/v1/templates/${t.id}/${t.archivedAt ? 'restore' : 'archive'}`, {
      method: 'POST',
    });
    list.update((items) => items.filter((x) => x.id !== t.id));
    announce(`${next.name} ${next.archivedAt ? 'archived' : 'restored'}`);
    return next;
  });
  const filters = [q, visibility, seniority].some(Boolean) || mine;

  return (
    <>
      <PageTitle
        actions={
          <Link to="/templates/new" className="btn btn-primary">
            New template
          </Link>
        }
      >
        Templates
      </PageTitle>
      <TemplateTabs current="templates" />
      <p className="muted">
        Reusable messages with merge fields and a <code>{'{{personalization}}'}</code> slot. Personal
        templates are yours; shared ones everyone in your organization can use. Each change of the text is a
        new version.
      </p>
      <form
        className="card filter-bar"
        role="search"
        aria-label="Filter templates"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>Name</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-vis`}>Visibility</label>
          <select id={`${id}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value)}>
            <option value="">All</option>
            <option value="personal">Personal</option>
            <option value="shared">Shared</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sen`}>Seniority</label>
          <select id={`${id}-sen`} value={seniority} onChange={(e) => setSeniority(e.target.value)}>
            <option value="">Any</option>
            {SENIORITY_TAGS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-checks">
          <label className="check-inline">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only mine
          </label>
          <label className="check-inline">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />{' '}
            Archived
          </label>
        </div>
      </form>
      <ProblemAlert error={toggle.error} />
      {list.loading && list.items.length === 0 ? (
        <Loading label="Loading templates" />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} retry={list.reload} what="templates" />
      ) : list.items.length === 0 ? (
        <Empty
          title={archived ? 'No archived templates' : filters ? 'No template matches' : 'No templates yet'}
        >
          {!archived && !filters ? (
            <p>
              <Link to="/templates/new">Write the first one</Link>: a short message with a question and a{' '}
              <code>{'{{personalization}}'}</code> slot gets the most answers.
            </p>
          ) : null}
        </Empty>
      ) : (
        <>
          <ul className="candidate-list" data-testid="templates">
            {list.items.map((t) => {
              const canEdit = s.isAdmin || t.owner.userId === s.me.user?.id;
              return (
                <li key={t.id} className="card template-row">
                  <div className="grow">
                    <p className="card-title">
                      <Link to={`/templates/${t.id}`}>{t.name}</Link>{' '}
                      <span className={`badge vis-${t.visibility}`}>
                        {t.visibility === 'shared' ? 'Shared' : 'Personal'}
                      </span>
                      {t.hasPersonalizationSlot ? (
                        <span className="badge badge-slot">personalized</span>
                      ) : null}
                      {t.seniority ? <span className="badge">{t.seniority}</span> : null}
                      {t.roleFamily ? <span className="badge">{t.roleFamily}</span> : null}
                    </p>
                    <p className="small template-subject">{t.subject}</p>
                    <p className="small muted">
                      v{t.latestVersion} · {t.owner.name} · updated {formatDate(t.updatedAt)}
                    </p>
                  </div>
                  <div className="actions">
                    <Link to={`/templates/${t.id}`} className="btn btn-small">
                      {canEdit && !t.archivedAt ? 'Edit' : 'Open'}
                    </Link>
                    {canEdit ? (
                      <button
                        type="button"
                        className="btn btn-quiet btn-small"
                        disabled={toggle.pending}
                        onClick={() => void toggle.run(t)}
                        aria-label={`${t.archivedAt ? 'Restore' : 'Archive'} ${t.name}`}
                      >
                        {t.archivedAt ? 'Restore' : 'Archive'}
                      </button>
                    ) : null}
                  </div>
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
