/** Puts one candidate into a project, from their profile. */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { useAction, useApi } from '../../../api/hooks.ts';
import type { Page, Project, ProjectCandidate } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/ui.tsx';
import { useAnnounce } from '../../../session.tsx';
import { STAGE_LABEL } from './pipeline.ts';

export function AddToProject({ memberId, name }: { memberId: string; name: string }) {
  const id = useId();
  const announce = useAnnounce();
  const projects = useApi<Page<Project>>('/v1/projects?status=open&limit=100');
  const [projectId, setProjectId] = useState('');
  const [done, setDone] = useState<{
    project: Project;
    candidate: ProjectCandidate | null;
    added: boolean;
  } | null>(null);
  const add = useAction(async () => {
    const p = projects.data?.items.find((x) => x.id === projectId);
    if (!p) return undefined;
    const r = await api<{ added: number; alreadyInProject: number; items: ProjectCandidate[] }>(
      `/v1/projects/${p.id}/candidates`,
      { method: 'POST', body: { memberIds: [memberId] } },
    );
    setDone({ project: p, candidate: r.items[0] ?? null, added: r.added > 0 });
    announce(r.added ? `${name} added to ${p.name}` : `${name} is already in ${p.name}`);
    return r;
  });
  const items = projects.data?.items ?? [];

  return (
    <form
      className="add-one"
      data-testid="add-to-project"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void add.run();
      }}
    >
      <label htmlFor={`${id}-project`} className="small">
        Add to project
      </label>
      <div className="inline-form">
        <select id={`${id}-project`} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
          <option value="">{projects.loading ? 'Loading…' : 'Choose a project…'}</option>
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="btn btn-small"
          disabled={!projectId || add.pending}
          aria-busy={add.pending}
        >
          Add<span className="visually-hidden"> to project</span>
        </button>
      </div>
      {projects.data && items.length === 0 ? (
        <p className="small muted">
          No open projects: <Link to="/projects">create one</Link>.
        </p>
      ) : null}
      <ProblemAlert error={add.error} />
      {done ? (
        <p className="small" role="status">
          {done.added ? 'Added to' : 'Already in'}{' '}
          <Link to={`/projects/${done.project.id}`}>{done.project.name}</Link>
          {done.candidate ? ` (${STAGE_LABEL[done.candidate.stage]})` : ''}.
        </p>
      ) : null}
    </form>
  );
}
