import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import type { OrgUser } from '../../api/types.ts';
import { Empty, ErrorState, Field, Loading, PageTitle, ProblemAlert, Success } from '../../components/ui.tsx';
import { useAnnounce, useSession } from '../../session.tsx';

const ROLES = [
  ['org_admin', 'Admin'],
  ['recruiter', 'Recruiter'],
  ['hiring_manager', 'Hiring manager'],
] as const;
const ROLE_LABEL: Record<string, string> = Object.fromEntries(ROLES);

export function Users() {
  const users = useApi<{ items: OrgUser[] }>('/v1/users');
  useEffect(() => {
    document.title = 'Users · InMail';
  }, []);
  const items = users.data?.items ?? [];
  const replace = (u: OrgUser) =>
    users.setData((prev) => prev && { items: prev.items.map((x) => (x.id === u.id ? u : x)) });
  return (
    <>
      <PageTitle>Users</PageTitle>
      <p className="muted">The people of your organization and what they may do.</p>
      {users.loading && !users.data ? (
        <Loading label="Loading users" />
      ) : users.error && !users.data ? (
        <ErrorState error={users.error} retry={users.reload} what="users" />
      ) : items.length === 0 ? (
        <Empty title="No users" />
      ) : (
        <div className="table-wrap card" tabIndex={0} role="region" aria-label="Users">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Seat</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <UserRow key={u.id} u={u} onChange={replace} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUser onAdded={(u) => users.setData((prev) => ({ items: [...(prev?.items ?? []), u] }))} />
    </>
  );
}

function UserRow({ u, onChange }: { u: OrgUser; onChange: (u: OrgUser) => void }) {
  const { me } = useSession();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(u.roles);
  const name = `${u.firstName} ${u.lastName}`;
  const self = me.user?.id === u.id;
  const patch = useAction(async (body: { roles?: string[]; disabled?: boolean }) => {
    const next = await api<OrgUser>(`/v1/users/${u.id}`, { method: 'PATCH', body });
    onChange(next);
    setEditing(false);
    announce(`${name} updated`);
    return true;
  });
  return (
    <tr className={u.disabled ? 'revoked' : ''}>
      <th scope="row">
        {name}
        {u.title ? <span className="muted small block">{u.title}</span> : null}
        {u.disabled ? <span className="badge">Disabled</span> : null}
      </th>
      <td>{u.email}</td>
      <td>
        {editing ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void patch.run({ roles });
            }}
          >
            <fieldset className="plain">
              <legend className="visually-hidden">Roles of {name}</legend>
              {ROLES.map(([r, label]) => (
                <label key={r} className="check-inline">
                  <input
                    type="checkbox"
                    checked={roles.includes(r)}
                    onChange={(e) =>
                      setRoles((p) => (e.target.checked ? [...p, r] : p.filter((x) => x !== r)))
                    }
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn" disabled={patch.pending || roles.length === 0}>
              Save
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </form>
        ) : (
          u.roles.map((r) => (
            <span key={r} className="badge">
              {ROLE_LABEL[r] ?? r}
            </span>
          ))
        )}
        {patch.error ? (
          <span className="field-error block" role="alert">
            {patch.error.message}
          </span>
        ) : null}
      </td>
      <td>
        {u.seatId ? (
          <Link to={`/admin/seats/${u.seatId}`}>
            Ledger<span className="visually-hidden"> of {name}'s seat</span>
          </Link>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="nowrap">
        {!editing ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setRoles(u.roles);
              setEditing(true);
            }}
          >
            Roles<span className="visually-hidden"> of {name}</span>
          </button>
        ) : null}{' '}
        {!self ? (
          <button
            type="button"
            className="link-button"
            disabled={patch.pending}
            onClick={() => void patch.run({ disabled: !u.disabled })}
          >
            {u.disabled ? 'Enable' : 'Disable'}
            <span className="visually-hidden"> {name}</span>
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function AddUser({ onAdded }: { onAdded: (u: OrgUser) => void }) {
  const empty = { email: '', firstName: '', lastName: '', title: '', password: '' };
  const [f, setF] = useState(empty);
  const [roles, setRoles] = useState<string[]>(['recruiter']);
  const [done, setDone] = useState<string | null>(null);
  const create = useAction(async () => {
    const u = await api<OrgUser>('/v1/users', { method: 'POST', body: { ...f, roles } });
    onAdded(u);
    setDone(`${u.firstName} ${u.lastName} can now log in as ${u.email}. Assign a seat under Seats.`);
    setF(empty);
    return true;
  });
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => {
    setDone(null);
    setF((p) => ({ ...p, [k]: e.target.value }));
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }
  const err = (k: string) => create.error?.fieldError(k);
  return (
    <details className="card">
      <summary>Add a user</summary>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <Field label="First name" error={err('firstName')}>
            {(p) => <input {...p} value={f.firstName} required onChange={set('firstName')} />}
          </Field>
          <Field label="Last name" error={err('lastName')}>
            {(p) => <input {...p} value={f.lastName} required onChange={set('lastName')} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Email" error={err('email')}>
            {(p) => <input {...p} type="email" value={f.email} required onChange={set('email')} />}
          </Field>
          <Field label="Title (optional)" error={err('title')}>
            {(p) => <input {...p} value={f.title} onChange={set('title')} />}
          </Field>
        </div>
        <fieldset>
          <legend>Roles</legend>
          {ROLES.map(([r, label]) => (
            <label key={r} className="check-inline spaced">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles((p) => (e.target.checked ? [...p, r] : p.filter((x) => x !== r)))}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <Field
          label="Initial password"
          hint="At least 10 characters. Share it privately; they can change it later."
          error={err('password')}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={f.password}
              required
              onChange={set('password')}
            />
          )}
        </Field>
        <ProblemAlert error={create.error} />
        {done ? <Success>{done}</Success> : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending || roles.length === 0}>
            {create.pending ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </form>
    </details>
  );
}
