import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../api/hooks.ts';
import { SCOPES, type ApiKey } from '../../api/types.ts';
import {
  Empty,
  ErrorState,
  Field,
  formatDate,
  Loading,
  PageTitle,
  ProblemAlert,
} from '../../components/ui.tsx';
import { useAnnounce } from '../../session.tsx';

export function ApiKeys() {
  const keys = useApi<{ items: ApiKey[] }>('/v1/api-keys');
  const announce = useAnnounce();
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  useEffect(() => {
    document.title = 'API keys · InMail';
  }, []);

  const revoke = useAction(async (k: ApiKey) => {
    if (!window.confirm(`Revoke the key “${k.name}”? Programs using it stop working at once.`)) return false;
    const updated = await api<ApiKey>(`/v1/api-keys/${k.id}`, { method: 'DELETE' });
    keys.setData((prev) => prev && { items: prev.items.map((x) => (x.id === k.id ? updated : x)) });
    announce(`Key ${k.name} revoked`);
    return true;
  });

  const items = keys.data?.items ?? [];
  return (
    <>
      <PageTitle>API keys</PageTitle>
      <p className="muted">
        Keys let your own programs call the <a href="/docs">InMail API</a> for your organization, limited to
        the scopes you choose.
      </p>
      <CreateKey
        onCreated={(k) => {
          setCreated(k);
          keys.setData((prev) => ({ items: [k, ...(prev?.items ?? [])] }));
        }}
      />
      {created ? <NewKey created={created} onDone={() => setCreated(null)} /> : null}
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        <ProblemAlert error={revoke.error} />
        {keys.loading && !keys.data ? (
          <Loading label="Loading keys" />
        ) : keys.error && !keys.data ? (
          <ErrorState error={keys.error} retry={keys.reload} what="API keys" />
        ) : items.length === 0 ? (
          <Empty title="No API keys yet" />
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? 'revoked' : ''}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td className="small">{k.scopes.join(', ')}</td>
                    <td>{formatDate(k.createdAt)}</td>
                    <td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'never'}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="badge">Revoked {formatDate(k.revokedAt)}</span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-danger"
                          onClick={() => void revoke.run(k)}
                          disabled={revoke.pending}
                        >
                          Revoke<span className="visually-hidden"> {k.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function CreateKey({ onCreated }: { onCreated: (k: ApiKey & { key: string }) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['members:read']);
  const [expires, setExpires] = useState('');
  const create = useAction(async () => {
    const k = await api<ApiKey & { key: string }>('/v1/api-keys', {
      method: 'POST',
      body: {
        name: name.trim(),
        scopes,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() } : {}),
      },
    });
    onCreated(k);
    setName('');
    return true;
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    void create.run();
  }
  return (
    <form className="card form" onSubmit={submit}>
      <h2>Create a key</h2>
      <Field
        label="Name"
        hint="Who or what uses it, e.g. “ATS sync”."
        error={create.error?.fieldError('name')}
      >
        {(p) => (
          <input {...p} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <fieldset className="scopes">
        <legend>Scopes</legend>
        <div className="scope-grid">
          {SCOPES.map((s) => (
            <label key={s} className="check-inline">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) =>
                  setScopes((prev) => (e.target.checked ? [...prev, s] : prev.filter((x) => x !== s)))
                }
              />{' '}
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Expires (optional)" error={create.error?.fieldError('expiresAt')}>
        {(p) => <input {...p} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}
      </Field>
      <ProblemAlert error={create.error} />
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={create.pending || !name.trim() || scopes.length === 0}
        >
          {create.pending ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}

function NewKey({ created, onDone }: { created: ApiKey & { key: string }; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="card alert alert-success" role="alert" tabIndex={-1} ref={ref} data-testid="new-key">
      <p className="alert-title">Key “{created.name}” created. Copy it now: it is shown only once.</p>
      <p>
        <code className="secret">{created.key}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard?.writeText(created.key).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
