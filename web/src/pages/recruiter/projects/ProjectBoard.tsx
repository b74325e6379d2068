/**
 * A project's pipeline board: a column per stage with its count and its most recently moved
 * candidates. A candidate moves with the "Stage" select and "Move" (or "Advance" one step), so the
 * board works from the keyboard and on a phone; every move goes through the API and the board
 * reloads from it. A candidate's details (history, notes, owner) open in a dialog.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useAction, useApi } from '../../../api/hooks.ts';
import type {
  Board,
  OrgUser,
  Project,
  ProjectCandidate,
  ProjectCandidateDetail,
  ProjectNote,
  ProjectStatus,
  Stage,
} from '../../../api/types.ts';
import { MemberPicker } from '../../../components/recruiting.tsx';
import {
  Ago,
  Empty,
  ErrorState,
  Field,
  formatDateTime,
  Loading,
  MessageText,
  PageTitle,
  ProblemAlert,
  Success,
} from '../../../components/ui.tsx';
import { useAnnounce, useSession } from '../../../session.tsx';
import { nextStage, sourceLabel, STAGE_LABEL, STAGES, STATUS_LABEL } from './pipeline.ts';
import { StatusBadge } from './Projects.tsx';

const PER_STAGE = 50;

/**
 * A card dragged to another column moves there (the "Stage" select and "Move" do the same from the
 * keyboard). What travels with the drag: the candidate, under a type of our own.
 */
const DRAG_TYPE = 'application/x-inmail-project-candidate';
type Dragged = { id: string; name: string; stage: Stage };
/** Who moved, for the announcement and the focus after the board reloads. */
type Moved = Pick<ProjectCandidate, 'id' | 'name'>;

/** The people a candidate or project can be owned by: every user for an admin, else yourself. */
function useOwnerChoices(current: { userId: string; name: string } | null) {
  const { me, isAdmin } = useSession();
  const users = useApi<{ items: OrgUser[] }>(isAdmin ? '/v1/users' : null);
  const choices = new Map<string, string>();
  if (me.user) choices.set(me.user.id, `${me.user.firstName} ${me.user.lastName} (you)`);
  for (const u of users.data?.items ?? []) {
    if (!u.disabled && !choices.has(u.id)) choices.set(u.id, `${u.firstName} ${u.lastName}`);
  }
  if (current && !choices.has(current.userId)) choices.set(current.userId, current.name);
  return [...choices];
}

function MoveControl({
  c,
  onMoved,
  onOpen,
}: {
  c: ProjectCandidate;
  onMoved: (c: Moved, to: Stage) => void;
  onOpen: (c: ProjectCandidate) => void;
}) {
  const id = useId();
  const [to, setTo] = useState<Stage>(c.stage);
  const move = useAction(async (stage: Stage) => {
    await api<ProjectCandidateDetail>(`/v1/project-candidates/${c.id}`, { method: 'PATCH', body: { stage } });
    onMoved(c, stage);
    return true;
  });
  const next = nextStage(c.stage);
  return (
    <form
      className="move-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (to !== c.stage) void move.run(to);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Stage for {c.name}
      </label>
      <div className="inline-form">
        <select id={id} value={to} onChange={(e) => setTo(e.target.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABEL[s]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="btn btn-small"
          disabled={to === c.stage || move.pending}
          aria-busy={move.pending}
        >
          Move<span className="visually-hidden"> {c.name}</span>
        </button>
      </div>
      <div className="card-tools">
        {next ? (
          <button
            type="button"
            className="link-button small"
            disabled={move.pending}
            onClick={() => void move.run(next)}
          >
            Advance to {STAGE_LABEL[next]}
            <span className="visually-hidden"> ({c.name})</span>
          </button>
        ) : null}
        <button type="button" className="link-button small" onClick={() => onOpen(c)}>
          Details<span className="visually-hidden"> of {c.name}</span>
        </button>
      </div>
      <ProblemAlert error={move.error} />
    </form>
  );
}

function Card({
  c,
  onMoved,
  onOpen,
}: {
  c: ProjectCandidate;
  onMoved: (c: Moved, to: Stage) => void;
  onOpen: (c: ProjectCandidate) => void;
}) {
  return (
    <li
      className="board-card"
      id={`pc-${c.id}`}
      tabIndex={-1}
      data-testid="board-card"
      draggable
      onDragStart={(e) => {
        const moving: Dragged = { id: c.id, name: c.name, stage: c.stage };
        e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(moving));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p className="board-card-name">
        <Link to={`/members/${c.memberId}`}>{c.name}</Link>
      </p>
      <p className="small">
        {c.currentTitle && c.currentCompany ? `${c.currentTitle} at ${c.currentCompany}` : c.headline}
      </p>
      <p className="small muted">
        Here since <Ago iso={c.stageChangedAt} />
        {c.owner ? ` · owner ${c.owner.name}` : ''}
        {c.notes ? ` · ${c.notes} note${c.notes === 1 ? '' : 's'}` : ''}
      </p>
      <MoveControl key={c.stage} c={c} onMoved={onMoved} onOpen={onOpen} />
    </li>
  );
}

/** History, notes and owner of one candidate, in a modal dialog (Escape closes it). */
function CandidateDialog({
  candidateId,
  onClose,
  onChanged,
}: {
  candidateId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detail = useApi<ProjectCandidateDetail>(`/v1/project-candidates/${candidateId}`);
  const d = detail.data;
  const owners = useOwnerChoices(d?.owner ?? null);
  const [note, setNote] = useState('');
  const announce = useAnnounce();
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  const addNote = useAction(async () => {
    const n = await api<ProjectNote>(`/v1/project-candidates/${candidateId}/notes`, {
      method: 'POST',
      body: { body: note.trim() },
    });
    detail.setData((prev) =>
      prev ? { ...prev, notes: prev.notes + 1, noteItems: [...prev.noteItems, n] } : prev,
    );
    setNote('');
    announce('Note added');
    onChanged();
    return n;
  });
  const setOwner = useAction(async (ownerUserId: string | null) => {
    const next = await api<ProjectCandidateDetail>(`/v1/project-candidates/${candidateId}`, {
      method: 'PATCH',
      body: { ownerUserId },
    });
    detail.setData(next);
    announce(next.owner ? `Owner: ${next.owner.name}` : 'No owner');
    onChanged();
    return next;
  });
  const remove = useAction(async () => {
    await api(`/v1/project-candidates/${candidateId}`, { method: 'DELETE' });
    announce('Removed from the project');
    onChanged();
    onClose();
    return true;
  });

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="section-head">
        <h2 id={titleId}>{d ? d.name : 'Candidate'}</h2>
        <button type="button" className="btn btn-small" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      {!d ? (
        detail.error ? (
          <ErrorState error={detail.error} retry={detail.reload} what="this candidate" />
        ) : (
          <Loading label="Loading the candidate" />
        )
      ) : (
        <>
          <p>
            <strong>{STAGE_LABEL[d.stage]}</strong> since {formatDateTime(d.stageChangedAt)} ·{' '}
            <Link to={`/members/${d.memberId}`}>Profile</Link>
          </p>
          <Field label="Owner">
            {(p) => (
              <select
                {...p}
                value={d.owner?.userId ?? ''}
                disabled={setOwner.pending}
                onChange={(e) => void setOwner.run(e.target.value || null)}
              >
                <option value="">Nobody</option>
                {owners.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ProblemAlert error={setOwner.error} />
          <h3>History</h3>
          <ol className="timeline history">
            {d.history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{formatDateTime(h.at)}</time>:{' '}
                {h.from ? `${STAGE_LABEL[h.from]} → ` : ''}
                <strong>{STAGE_LABEL[h.to]}</strong> <span className="muted">({sourceLabel(h.source)})</span>
              </li>
            ))}
          </ol>
          <h3>Notes</h3>
          {d.noteItems.length === 0 ? (
            <Empty compact title="No notes yet." />
          ) : (
            <ul className="plain-list notes">
              {d.noteItems.map((n) => (
                <li key={n.id} className="note-item">
                  <p className="small muted">
                    {n.authorName}, {formatDateTime(n.createdAt)}
                  </p>
                  <MessageText text={n.body} />
                </li>
              ))}
            </ul>
          )}
          <form
            className="form"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (note.trim()) void addNote.run();
            }}
          >
            <Field label="New note">
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  maxLength={5000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              )}
            </Field>
            <ProblemAlert error={addNote.error} />
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={!note.trim() || addNote.pending}>
                Add note
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={remove.pending}
                onClick={() => {
                  if (window.confirm(`Remove ${d.name} from this project? The history and notes go too.`))
                    void remove.run();
                }}
              >
                Remove from project
              </button>
            </div>
            <ProblemAlert error={remove.error} />
          </form>
        </>
      )}
    </dialog>
  );
}

function Settings({ project, onSaved }: { project: Project; onSaved: (p: Project) => void }) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [owner, setOwner] = useState(project.owner?.userId ?? '');
  const owners = useOwnerChoices(project.owner);
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const p = await api<Project>(`/v1/projects/${project.id}`, {
      method: 'PATCH',
      body: { name: name.trim(), description: description.trim(), status, ownerUserId: owner || null },
    });
    onSaved(p);
    setSaved(true);
    return p;
  });
  const remove = useAction(async () => {
    await api(`/v1/projects/${project.id}`, { method: 'DELETE' });
    announce(`Project ${project.name} deleted`);
    navigate('/projects');
    return true;
  });
  return (
    <details className="card project-settings">
      <summary>Project settings</summary>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSaved(false);
          if (name.trim()) void save.run();
        }}
      >
        <div className="form-row">
          <Field label="Project name">
            {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Status">
            {(p) => (
              <select {...p} value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
                {(Object.keys(STATUS_LABEL) as ProjectStatus[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Project owner">
            {(p) => (
              <select {...p} value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="">Nobody</option>
                {owners.map(([id, n]) => (
                  <option key={id} value={id}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Description">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={5000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <ProblemAlert error={save.error ?? remove.error} />
        {saved && !save.pending ? <Success>Saved.</Success> : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || save.pending}>
            Save
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={remove.pending}
            onClick={() => {
              if (window.confirm(`Delete ${project.name} with its candidates, history and notes?`))
                void remove.run();
            }}
          >
            Delete project
          </button>
        </div>
      </form>
    </details>
  );
}

function AddCandidate({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const add = useAction(async (m: { id: string; name: string }) => {
    const r = await api<{ added: number; alreadyInProject: number; items: ProjectCandidate[] }>(
      `/v1/projects/${projectId}/candidates`,
      { method: 'POST', body: { memberIds: [m.id] } },
    );
    const stage = r.items[0]?.stage;
    setDone(
      r.added
        ? `${m.name} added${stage ? ` as ${STAGE_LABEL[stage].toLowerCase()}` : ''}.`
        : `${m.name} is already in this project.`,
    );
    onAdded();
    return r;
  });
  return (
    <div className="card add-candidate">
      <MemberPicker
        label="Add a candidate"
        hint="They start where your organization's outreach of the last 90 days left them."
        onPick={(m) => void add.run(m)}
      />
      <ProblemAlert error={add.error} />
      {done ? (
        <p className="small" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One stage: its count and its most recently moved candidates; "Show more" continues the column
 * from the board's cursor, a page at a time, and puts the keyboard on the first new card. A reload
 * of the board (after any move) starts the column over.
 */
function BoardColumn({
  projectId,
  col,
  onMoved,
  onOpen,
}: {
  projectId: string;
  col: Board['columns'][number];
  onMoved: (c: Moved, to: Stage) => void;
  onOpen: (c: ProjectCandidate) => void;
}) {
  type More = { of: typeof col; items: ProjectCandidate[]; cursor: string | null };
  const fresh = (): More => ({ of: col, items: [], cursor: col.nextCursor });
  const [saved, setExtra] = useState<More>(fresh);
  // Pages loaded for an earlier board are dropped when the board reloads.
  const extra = saved.of === col ? saved : fresh();
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(`pc-${focusNext.current}`)?.focus();
    focusNext.current = null;
  }, [saved]);
  const more = useAction(async (cursor: string) => {
    const page = await api<{ items: ProjectCandidate[]; nextCursor: string | null }>(
      `/v1/projects/${encodeURIComponent(projectId)}/candidates?stage=${col.stage}&limit=${PER_STAGE}` +
        `&cursor=${encodeURIComponent(cursor)}`,
    );
    focusNext.current = page.items[0]?.id ?? null;
    setExtra({ of: col, items: [...extra.items, ...page.items], cursor: page.nextCursor });
    return true;
  });
  const [dropping, setDropping] = useState(false);
  const drop = useAction(async (moving: Dragged) => {
    await api<ProjectCandidateDetail>(`/v1/project-candidates/${moving.id}`, {
      method: 'PATCH',
      body: { stage: col.stage },
    });
    onMoved(moving, col.stage);
    return true;
  });
  const shown = [...col.candidates, ...extra.items];
  const rest = col.count - shown.length;
  return (
    <section
      className={`board-column stage-${col.stage}${dropping ? ' drop-target' : ''}`}
      aria-labelledby={`col-${col.stage}`}
      data-stage={col.stage}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        setDropping(false);
        const raw = e.dataTransfer.getData(DRAG_TYPE);
        if (!raw) return;
        e.preventDefault();
        const moving = JSON.parse(raw) as Dragged;
        if (moving.stage !== col.stage) void drop.run(moving);
      }}
    >
      <h2 id={`col-${col.stage}`} className="board-column-title">
        {STAGE_LABEL[col.stage]} <span className="badge">{col.count}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="small muted">Nobody.</p>
      ) : (
        <ul className="plain board-cards">
          {shown.map((c) => (
            <Card key={c.id} c={c} onMoved={onMoved} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {rest > 0 ? (
        <p className="small muted">
          The {shown.length} most recently moved of {col.count}.
        </p>
      ) : null}
      {rest > 0 && extra.cursor ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={more.pending}
          aria-busy={more.pending}
          onClick={() => void more.run(extra.cursor!)}
        >
          Show {Math.min(rest, PER_STAGE)} more
          <span className="visually-hidden"> in {STAGE_LABEL[col.stage]}</span>
        </button>
      ) : null}
      <ProblemAlert error={more.error ?? drop.error} />
    </section>
  );
}

export function ProjectBoard() {
  const { id = '' } = useParams();
  const board = useApi<Board>(`/v1/projects/${encodeURIComponent(id)}/board?perStage=${PER_STAGE}`);
  const announce = useAnnounce();
  const [open, setOpen] = useState<string | null>(null);
  const focusAfterReload = useRef<string | null>(null);
  const b = board.data;
  useEffect(() => {
    if (b) document.title = `${b.project.name} · Projects · InMail`;
  }, [b]);
  // After a move the card sits in another column: keep the keyboard on it.
  const reloading = board.loading;
  useEffect(() => {
    if (!focusAfterReload.current || !b || reloading) return;
    document.getElementById(`pc-${focusAfterReload.current}`)?.focus();
    focusAfterReload.current = null;
  }, [b, reloading]);

  if (!b) {
    if (board.error) return <ErrorState error={board.error} retry={board.reload} what="this project" />;
    return <Loading label="Loading the board" />;
  }
  const p = b.project;
  function moved(c: Moved, to: Stage) {
    announce(`${c.name} moved to ${STAGE_LABEL[to]}`);
    focusAfterReload.current = c.id;
    board.reload();
  }
  return (
    <>
      <p className="back">
        <Link to="/projects">← Projects</Link>
      </p>
      <PageTitle>
        {p.name} <StatusBadge status={p.status} />
      </PageTitle>
      {p.description ? <p>{p.description}</p> : null}
      <dl className="facts" data-testid="board-summary">
        <div>
          <dt>Candidates</dt>
          <dd>{b.summary.total}</dd>
        </div>
        <div>
          <dt>Contacted</dt>
          <dd>{b.summary.contacted}</dd>
        </div>
        <div>
          <dt>Screened</dt>
          <dd>{b.summary.screened}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{p.owner?.name ?? 'nobody'}</dd>
        </div>
      </dl>
      <AddCandidate projectId={p.id} onAdded={board.reload} />
      <Settings
        key={p.updatedAt}
        project={p}
        onSaved={(next) => board.setData((prev) => (prev ? { ...prev, project: next } : prev))}
      />
      {b.summary.total === 0 ? (
        <Empty title="No candidates yet">
          <p>
            Add one above by name, or from a candidate’s profile with “Add to project”. Find people in{' '}
            <Link to="/search">search</Link>.
          </p>
        </Empty>
      ) : null}
      <div className="board" data-testid="board" aria-busy={board.loading}>
        {b.columns.map((col) => (
          <BoardColumn
            key={col.stage}
            projectId={p.id}
            col={col}
            onMoved={moved}
            onOpen={(x) => setOpen(x.id)}
          />
        ))}
      </div>
      {open ? (
        <CandidateDialog
          key={open}
          candidateId={open}
          // The dialog gives focus back to the button that opened it.
          onClose={() => setOpen(null)}
          onChanged={board.reload}
        />
      ) : null}
    </>
  );
}
