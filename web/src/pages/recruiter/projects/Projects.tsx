/**
 * Projects: the organization's roles and search mandates, each with its pipeline board. Create
 * one here; add candidates from a profile ("Add to project") or on the board.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import { useAction, usePaged } from '../../../api/hooks.ts';
import type { Project, ProjectStatus } from '../../../api/types.ts';
import {
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  LoadMore,
  PageTitle,
  ProblemAlert,
} from '../../../components/ui.tsx';
import { useAnnounce } from '../../../session.tsx';
import { STATUS_LABEL } from './pipeline.ts';

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`badge project-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function Projects() {
  const [status, setStatus] = useState<ProjectStatus | ''>('open');
  const projects = usePaged<Project>(`/v1/projects${qs({ status })}`, 25);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  useEffect(() => {
    document.title = 'Projects · InMail';
  }, []);
  const create = useAction(async () => {
    const p = await api<Project>('/v1/projects', {
      method: 'POST',
      body: { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
    });
    announce(`Project ${p.name} created`);
    navigate(`/projects/${p.id}`);
    return p;
  });

  return (
    <>
      <PageTitle>Projects</PageTitle>
      <p className="muted">
        A project is a role or a search mandate. Its board follows each candidate from contacted to hired;
        sends and answers move candidates on their own, and you move them on from there.
      </p>
      <div className="filter-bar">
        <Field label="Show">
          {(p) => (
            <select
              {...p}
              className="auto-width"
              value={status}
              onChange={(e) => setStatus(e.target.value as ProjectStatus | '')}
            >
              <option value="open">Open projects</option>
              <option value="on_hold">On hold</option>
              <option value="closed">Closed</option>
              <option value="">All projects</option>
            </select>
          )}
        </Field>
      </div>
      {projects.loading && projects.items.length === 0 ? (
        <Loading label="Loading projects" />
      ) : projects.error && projects.items.length === 0 ? (
        <ErrorState error={projects.error} retry={projects.reload} what="projects" />
      ) : projects.items.length === 0 ? (
        <Empty title={status ? `No ${STATUS_LABEL[status].toLowerCase()} projects` : 'No projects yet'}>
          <p>Create one below.</p>
        </Empty>
      ) : (
        <ul className="card-list" data-testid="projects">
          {projects.items.map((p) => (
            <li key={p.id} className="card list-row">
              <div className="grow">
                <p className="card-title">
                  <Link to={`/projects/${p.id}`}>{p.name}</Link> <StatusBadge status={p.status} />
                </p>
                {p.description ? <p className="small">{p.description}</p> : null}
                <p className="small muted">
                  {p.candidates} candidate{p.candidates === 1 ? '' : 's'}
                  {p.owner ? ` · owner ${p.owner.name}` : ''} · updated {formatDate(p.updatedAt)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={projects.hasMore} loading={projects.loadingMore} onClick={projects.loadMore} />
      <form
        className="card form"
        aria-labelledby="new-project-title"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (name.trim()) void create.run();
        }}
      >
        <h2 id="new-project-title">New project</h2>
        <div className="form-row">
          <Field label="Project name">
            {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Description (optional)">
            {(p) => (
              <input
                {...p}
                value={description}
                maxLength={5000}
                onChange={(e) => setDescription(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ProblemAlert error={create.error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.pending}>
            Create project
          </button>
        </div>
      </form>
    </>
  );
}
