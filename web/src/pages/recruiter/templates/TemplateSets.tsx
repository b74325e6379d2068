/**
 * Template sets: one shared template per seniority (or seniority segment) and a default, so a
 * campaign step sends each candidate the message written for their level.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../../api/client.ts';
import { useAction, useApi } from '../../../api/hooks.ts';
import type { Page, Template, TemplateSet } from '../../../api/types.ts';
import { MemberPicker } from '../../../components/recruiting.tsx';
import {
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  PageTitle,
  ProblemAlert,
  Success,
} from '../../../components/ui.tsx';
import { useAnnounce } from '../../../session.tsx';
import { SENIORITY_TAGS, TemplateTabs } from './template-lib.tsx';

export function TemplateSets() {
  const [archived, setArchived] = useState(false);
  const sets = useApi<Page<TemplateSet>>(`/v1/template-sets?limit=100${archived ? '&archived=true' : ''}`);
  const templates = useApi<Page<Template>>('/v1/templates?limit=100&visibility=shared');
  const names = new Map((templates.data?.items ?? []).map((t) => [t.id, t.name]));
  useEffect(() => {
    document.title = 'Template sets · InMail';
  }, []);
  const items = sets.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Link to="/template-sets/new" className="btn btn-primary">
            New template set
          </Link>
        }
      >
        Templates
      </PageTitle>
      <TemplateTabs current="sets" />
      <p className="muted">
        A set picks the template for each candidate’s seniority when a campaign step is sent: their exact
        seniority first, then its segment (associate, senior associate, partner track), then the default.
      </p>
      <label className="check-inline">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show
        archived sets
      </label>
      {sets.loading && !sets.data ? (
        <Loading label="Loading template sets" />
      ) : sets.error && !sets.data ? (
        <ErrorState error={sets.error} retry={sets.reload} what="template sets" />
      ) : items.length === 0 ? (
        <Empty title={archived ? 'No archived sets' : 'No template sets yet'}>
          {archived ? null : (
            <p>
              Write a shared template for each level first, then{' '}
              <Link to="/template-sets/new">make a set</Link> of them.
            </p>
          )}
        </Empty>
      ) : (
        <ul className="candidate-list">
          {items.map((s) => (
            <li key={s.id} className="card">
              <p className="card-title">
                <Link to={`/template-sets/${s.id}`}>{s.name}</Link>
              </p>
              <p className="small">
                {Object.entries(s.templates)
                  .map(([k, v]) => `${k}: ${names.get(v) ?? '…'}`)
                  .join(' · ') || 'No entries'}
                {s.defaultTemplateId ? ` · default: ${names.get(s.defaultTemplateId) ?? '…'}` : ''}
              </p>
              <p className="small muted">Updated {formatDate(s.updatedAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TemplateSetEditor() {
  const { id } = useParams();
  const set = useApi<TemplateSet>(id ? `/v1/template-sets/${encodeURIComponent(id)}` : null);
  if (id && set.loading && !set.data) return <Loading label="Loading the template set" />;
  if (id && set.error && !set.data) return <ErrorState error={set.error} retry={set.reload} what="the set" />;
  return <SetForm key={set.data?.id ?? 'new'} existing={set.data ?? null} onSaved={set.setData} />;
}

function SetForm({ existing, onSaved }: { existing: TemplateSet | null; onSaved: (s: TemplateSet) => void }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const id = useId();
  const templates = useApi<Page<Template>>('/v1/templates?limit=100&visibility=shared');
  const shared = templates.data?.items ?? [];
  const [name, setName] = useState(existing?.name ?? '');
  const [entries, setEntries] = useState<Record<string, string>>(existing?.templates ?? {});
  const [fallback, setFallback] = useState(existing?.defaultTemplateId ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    document.title = `${existing ? existing.name : 'New template set'} · InMail`;
  }, [existing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    setSaved(false);
    const templatesBody = Object.fromEntries(Object.entries(entries).filter(([, v]) => v));
    try {
      const s = await api<TemplateSet>(existing ? `/v1/template-sets/${existing.id}` : '/v1/template-sets', {
        method: existing ? 'PATCH' : 'POST',
        body: { name: name.trim(), templates: templatesBody, defaultTemplateId: fallback || null },
      });
      announce('Template set saved');
      if (existing) {
        onSaved(s);
        setSaved(true);
      } else navigate(`/template-sets/${s.id}`, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setPending(false);
    }
  }

  const archive = useAction(async () => {
    if (!existing) return undefined;
    const s = await api<TemplateSet>(`/v1/template-sets/${existing.id}`, {
      method: 'PATCH',
      body: { archived: !existing.archivedAt },
    });
    onSaved(s);
    announce(s.archivedAt ? 'Template set archived' : 'Template set restored');
    return s;
  });

  const entryError = (key: string) =>
    error?.problem.errors?.find((e) => e.field.endsWith(`templates.${key}`))?.message;

  return (
    <>
      <p className="back">
        <Link to="/template-sets">← Template sets</Link>
      </p>
      <PageTitle>{existing ? existing.name : 'New template set'}</PageTitle>
      {existing?.archivedAt ? (
        <p className="alert alert-warn">Archived: campaigns cannot use it until restored.</p>
      ) : null}
      <div className="editor-grid">
        <form className="card form" onSubmit={submit} noValidate>
          <Field label="Name" error={error?.fieldError('name')}>
            {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {templates.loading && !templates.data ? <Loading label="Loading shared templates" /> : null}
          {templates.data && shared.length === 0 ? (
            <p className="alert alert-warn">
              A set uses shared templates only, and there are none yet.{' '}
              <Link to="/templates/new">Write one</Link> and share it with your organization.
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="compact-table set-table">
              <caption className="visually-hidden">Template by seniority</caption>
              <thead>
                <tr>
                  <th scope="col">Seniority or segment</th>
                  <th scope="col">Template</th>
                </tr>
              </thead>
              <tbody>
                {SENIORITY_TAGS.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row">
                      <label htmlFor={`${id}-${key}`}>{label}</label>
                    </th>
                    <td>
                      <select
                        id={`${id}-${key}`}
                        value={entries[key] ?? ''}
                        aria-invalid={entryError(key) ? true : undefined}
                        onChange={(e) => setEntries((x) => ({ ...x, [key]: e.target.value }))}
                      >
                        <option value="">—</option>
                        {shared.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                      {entryError(key) ? <p className="field-error">{entryError(key)}</p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Field
            label="Default template"
            hint="For candidates no entry above matches."
            error={error?.fieldError('defaultTemplateId')}
          >
            {(p) => (
              <select {...p} value={fallback} onChange={(e) => setFallback(e.target.value)}>
                <option value="">None</option>
                {shared.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ProblemAlert error={error} />
          {saved ? <Success>Saved.</Success> : null}
          <div className="actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || !name.trim()}
              aria-busy={pending}
            >
              {pending ? 'Saving…' : existing ? 'Save' : 'Create set'}
            </button>
            {existing ? (
              <button
                type="button"
                className="btn btn-quiet"
                disabled={archive.pending}
                onClick={() => void archive.run()}
              >
                {existing.archivedAt ? 'Restore set' : 'Archive set'}
              </button>
            ) : null}
          </div>
          <ProblemAlert error={archive.error} />
        </form>
        {existing ? <Choose set={existing} /> : null}
      </div>
    </>
  );
}

interface Choice {
  templateId: string;
  matchedBy: 'seniority' | 'segment' | 'default';
  seniority: string;
  segment: string;
  template: Template;
}

/** Which template of the set a given candidate would get. */
function Choose({ set }: { set: TemplateSet }) {
  const [who, setWho] = useState<string | null>(null);
  const choose = useAction(async (m: { id: string; name: string }) => {
    setWho(m.name);
    return api<Choice>(`/v1/template-sets/${set.id}/choose`, { method: 'POST', body: { candidateId: m.id } });
  });
  const [choice, setChoice] = useState<Choice | null>(null);
  return (
    <section className="card form" aria-labelledby="choose-title">
      <h2 id="choose-title">Which template would a candidate get?</h2>
      <MemberPicker
        label="Candidate"
        onPick={(m) => {
          setChoice(null);
          void choose.run(m).then((c) => setChoice(c ?? null));
        }}
      />
      <ProblemAlert error={choose.error} />
      {choice ? (
        <p role="status">
          <strong>{who}</strong> ({choice.seniority}, segment {choice.segment}) gets{' '}
          <Link to={`/templates/${choice.templateId}`}>{choice.template.name}</Link>, matched by{' '}
          {choice.matchedBy === 'default' ? 'the default' : `their ${choice.matchedBy}`}.
        </p>
      ) : null}
    </section>
  );
}
