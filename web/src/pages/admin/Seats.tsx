import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useAction, useApi, usePaged } from '../../api/hooks.ts';
import type { LedgerEntry, LicenseType, OrgUser, SeatView } from '../../api/types.ts';
import {
  Empty,
  ErrorState,
  Field,
  formatDate,
  formatDateTime,
  Loading,
  LoadMore,
  PageTitle,
  ProblemAlert,
  Success,
} from '../../components/ui.tsx';
import { useAnnounce, useSession } from '../../session.tsx';

export function Seats() {
  const seats = useApi<{ items: SeatView[] }>('/v1/seats');
  useEffect(() => {
    document.title = 'Seats · InMail';
  }, []);
  const items = seats.data?.items ?? [];
  return (
    <>
      <PageTitle>Seats</PageTitle>
      <p className="muted">
        Each recruiter sends InMails from a seat. Its credits renew monthly, up to the rollover cap. Open a
        seat for its credit ledger.
      </p>
      <Pool />
      {seats.loading && !seats.data ? (
        <Loading label="Loading seats" />
      ) : seats.error && !seats.data ? (
        <ErrorState error={seats.error} retry={seats.reload} what="seats" />
      ) : items.length === 0 ? (
        <Empty title="No seats yet">
          <p>Assign one below.</p>
        </Empty>
      ) : (
        <div className="table-wrap card" tabIndex={0} role="region" aria-label="Seats">
          <table>
            <thead>
              <tr>
                <th scope="col">Holder</th>
                <th scope="col">License</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col" className="num">
                  Reserved
                </th>
                <th scope="col" className="num">
                  Refundable
                </th>
                <th scope="col">Monthly limit</th>
                <th scope="col">Renews</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} className={s.revokedAt ? 'revoked' : ''}>
                  <th scope="row" className="nowrap">
                    <Link to={`/admin/seats/${s.id}`} title="Open the seat's credit ledger">
                      {s.holder?.name ?? 'Unassigned seat'}
                    </Link>
                  </th>
                  <td title={`${s.monthlyAllotment} credits a month, rollover cap ${s.rolloverCap}`}>
                    {s.licenseType.name}
                  </td>
                  <td className="num">
                    <strong>{s.balance}</strong>
                  </td>
                  <td className="num">{s.spentThisPeriod}</td>
                  <td className="num">{s.reserved}</td>
                  <td className="num">{s.pendingRefunds}</td>
                  <td>
                    <MonthlyLimit
                      seat={s}
                      onSaved={(n) =>
                        seats.setData((p) => p && { items: p.items.map((x) => (x.id === n.id ? n : x)) })
                      }
                    />
                  </td>
                  <td className="nowrap">{formatDate(s.renewsAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AssignSeat onCreated={() => seats.reload()} />
      <LicenseTypes />
    </>
  );
}

function Pool() {
  const pool = useApi<{ balance: number }>('/v1/org/pool');
  if (!pool.data) return null;
  return (
    <p className="small">
      Organization pool: <strong data-testid="pool-balance">{pool.data.balance}</strong> credits (refunds land
      here when the policy says so).
    </p>
  );
}

function LicenseTypes() {
  const types = useApi<{ items: LicenseType[] }>('/v1/license-types');
  const announce = useAnnounce();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [allotment, setAllotment] = useState('');
  const [cap, setCap] = useState('');
  const create = useAction(async () => {
    const t = await api<LicenseType>('/v1/license-types', {
      method: 'POST',
      body: {
        key: key.trim(),
        name: name.trim(),
        monthlyAllotment: Number(allotment),
        ...(cap.trim() ? { rolloverCap: Number(cap) } : {}),
      },
    });
    types.setData((prev) => ({ items: [...(prev?.items ?? []), t] }));
    announce(`License type ${t.name} added`);
    setKey('');
    setName('');
    setAllotment('');
    setCap('');
    return true;
  });
  const items = types.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="lt-title">
      <h2 id="lt-title">License types</h2>
      {types.loading && !types.data ? (
        <Loading label="Loading license types" />
      ) : types.error && !types.data ? (
        <ErrorState error={types.error} retry={types.reload} what="license types" />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="License types">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col" className="num">
                  Credits a month
                </th>
                <th scope="col" className="num">
                  Rollover cap
                </th>
                <th scope="col">Defined by</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.key}</code>
                  </td>
                  <td className="num">{t.monthlyAllotment}</td>
                  <td className="num">{t.rolloverCap}</td>
                  <td>{t.builtIn === false ? 'your organization' : 'built in'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Define a license type</summary>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void create.run();
          }}
        >
          <div className="form-row">
            <Field label="Name" error={create.error?.fieldError('name')}>
              {(p) => (
                <input
                  {...p}
                  value={name}
                  required
                  maxLength={100}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Key"
              hint="Lower-case letters, digits, - and _"
              error={create.error?.fieldError('key')}
            >
              {(p) => (
                <input
                  {...p}
                  value={key}
                  required
                  pattern="[a-z0-9][a-z0-9_-]{0,40}"
                  onChange={(e) => setKey(e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="form-row">
            <Field label="Credits a month" error={create.error?.fieldError('monthlyAllotment')}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  value={allotment}
                  required
                  onChange={(e) => setAllotment(e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Rollover cap (optional)"
              hint="Defaults to 4 months' credits."
              error={create.error?.fieldError('rolloverCap')}
            >
              {(p) => (
                <input {...p} type="number" min={1} value={cap} onChange={(e) => setCap(e.target.value)} />
              )}
            </Field>
          </div>
          <ProblemAlert error={create.error} />
          <div className="actions">
            <button type="submit" className="btn" disabled={create.pending || !key || !name || !allotment}>
              Add license type
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}

function MonthlyLimit({ seat, onSaved }: { seat: SeatView; onSaved: (s: SeatView) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(seat.monthlyLimit === null ? '' : String(seat.monthlyLimit));
  const save = useAction(async () => {
    const s = await api<SeatView>(`/v1/seats/${seat.id}`, {
      method: 'PATCH',
      body: { monthlyLimit: value.trim() === '' ? null : Number(value) },
    });
    onSaved(s);
    setEditing(false);
    return true;
  });
  const who = seat.holder?.name ?? 'unassigned seat';
  if (!editing) {
    return (
      <span className="inline-edit">
        {seat.monthlyLimit ?? <span className="muted">none</span>}{' '}
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Change<span className="visually-hidden"> monthly limit of {who}</span>
        </button>
      </span>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <label className="visually-hidden" htmlFor={`limit-${seat.id}`}>
        Monthly limit of {who} (empty for none)
      </label>
      <input
        id={`limit-${seat.id}`}
        type="number"
        min={0}
        inputMode="numeric"
        className="narrow"
        value={value}
        placeholder="none"
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn" disabled={save.pending}>
        Save
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {save.error ? (
        <span className="field-error" role="alert">
          {save.error.message}
        </span>
      ) : null}
    </form>
  );
}

function AssignSeat({ onCreated }: { onCreated: () => void }) {
  const users = useApi<{ items: OrgUser[] }>('/v1/users');
  const types = useApi<{ items: LicenseType[] }>('/v1/license-types');
  const announce = useAnnounce();
  const [userId, setUserId] = useState('');
  const [licenseType, setLicenseType] = useState('');
  const [limit, setLimit] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const seatless = (users.data?.items ?? []).filter((u) => !u.seatId);
  const typeItems = types.data?.items ?? [];
  const chosenType = licenseType || typeItems[0]?.key || '';

  const create = useAction(async () => {
    const s = await api<SeatView>('/v1/seats', {
      method: 'POST',
      body: { userId, licenseType: chosenType, ...(limit.trim() ? { monthlyLimit: Number(limit) } : {}) },
    });
    setDone(
      `${s.holder?.name ?? 'The user'} now holds a ${s.licenseType.name} seat with ${s.balance} credits.`,
    );
    announce('Seat assigned');
    setUserId('');
    setLimit('');
    users.reload();
    onCreated();
    return true;
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    void create.run();
  }

  const loadError = users.error ?? types.error;
  return (
    <form className="card form" onSubmit={submit}>
      <h2>Assign a seat</h2>
      {loadError ? (
        <ErrorState
          error={loadError}
          retry={() => (users.reload(), types.reload())}
          what="users and license types"
        />
      ) : (
        <>
          <div className="form-row">
            <Field label="User" error={create.error?.fieldError('userId')}>
              {(p) => (
                <select {...p} value={userId} required onChange={(e) => setUserId(e.target.value)}>
                  <option value="">
                    {users.loading
                      ? 'Loading…'
                      : seatless.length
                        ? 'Choose a user'
                        : 'Every user holds a seat'}
                  </option>
                  {seatless.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.firstName} {u.lastName} ({u.email})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="License type" error={create.error?.fieldError('licenseType')}>
              {(p) => (
                <select {...p} value={chosenType} onChange={(e) => setLicenseType(e.target.value)}>
                  {typeItems.map((t) => (
                    <option key={t.id} value={t.key}>
                      {t.name}: {t.monthlyAllotment}/month, cap {t.rolloverCap}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Monthly limit (optional)"
              hint="At most this many InMails a month."
              error={create.error?.fieldError('monthlyLimit')}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={limit}
                  onChange={(e) => setLimit(e.target.value)}
                />
              )}
            </Field>
          </div>
          <ProblemAlert error={create.error} />
          {done ? <Success>{done}</Success> : null}
          <div className="actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={create.pending || !userId || !chosenType}
            >
              {create.pending ? 'Assigning…' : 'Assign seat'}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

const KIND_LABEL: Record<string, string> = {
  grant: 'Monthly grant',
  spend: 'InMail sent',
  refund: 'Refund',
  expire: 'Expired over cap',
  reserve: 'Reserved for a campaign',
  release: 'Released reservation',
  adjustment: 'Adjustment',
  adjust: 'Adjustment',
};

export function SeatLedger() {
  const { id = '' } = useParams();
  const seat = useApi<SeatView>(`/v1/seats/${encodeURIComponent(id)}`);
  const ledger = usePaged<LedgerEntry>(`/v1/seats/${encodeURIComponent(id)}/ledger`, 50);
  const { refresh } = useSession();
  useEffect(() => {
    document.title = 'Seat ledger · InMail';
  }, []);
  const s = seat.data;
  return (
    <>
      <p className="back">
        <Link to="/admin/seats">← Seats</Link>
      </p>
      <PageTitle>{s ? `Ledger: ${s.holder?.name ?? 'unassigned seat'}` : 'Seat ledger'}</PageTitle>
      {s ? (
        <dl className="card facts stats">
          <div>
            <dt>Balance</dt>
            <dd className="big-number">{s.balance}</dd>
          </div>
          <div>
            <dt>License</dt>
            <dd>{s.licenseType.name}</dd>
          </div>
          <div>
            <dt>Spent this period</dt>
            <dd>{s.spentThisPeriod}</dd>
          </div>
          <div>
            <dt>Reserved</dt>
            <dd>{s.reserved}</dd>
          </div>
          <div>
            <dt>Pending refunds</dt>
            <dd>{s.pendingRefunds}</dd>
          </div>
          <div>
            <dt>Renews</dt>
            <dd>{formatDate(s.renewsAt)}</dd>
          </div>
        </dl>
      ) : seat.error && !seat.error.missingRoute ? (
        <ErrorState error={seat.error} retry={seat.reload} what="the seat" />
      ) : null}
      <Adjust
        seatId={id}
        onDone={() => {
          seat.reload();
          ledger.reload();
          void refresh();
        }}
      />
      <section className="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Entries</h2>
        {ledger.loading && ledger.items.length === 0 ? (
          <Loading label="Loading the ledger" />
        ) : ledger.error && ledger.items.length === 0 ? (
          <ErrorState error={ledger.error} retry={ledger.reload} what="the ledger" />
        ) : ledger.items.length === 0 ? (
          <Empty compact title="No entries yet." />
        ) : (
          <>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Ledger entries">
              <table>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Entry</th>
                    <th scope="col" className="num">
                      Credits
                    </th>
                    <th scope="col" className="num">
                      Reserved
                    </th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.createdAt)}</td>
                      <td>{KIND_LABEL[e.kind] ?? e.kind}</td>
                      <td className={`num ${e.amount < 0 ? 'neg' : e.amount > 0 ? 'pos' : ''}`}>
                        {e.amount > 0 ? `+${e.amount}` : e.amount}
                      </td>
                      <td className="num">{e.reservedDelta || ''}</td>
                      <td className="small">{e.reason ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore hasMore={ledger.hasMore} loading={ledger.loadingMore} onClick={ledger.loadMore} />
          </>
        )}
      </section>
    </>
  );
}

function Adjust({ seatId, onDone }: { seatId: string; onDone: () => void }) {
  const [moving, setMoving] = useState('');
  const [poolVersion, setPoolVersion] = useState(0);
  const transfer = useAction(async () => {
    await api(`/v1/seats/${seatId}/transfers`, { method: 'POST', body: { amount: Number(moving) } });
    setMoving('');
    setPoolVersion((v) => v + 1);
    onDone();
    return true;
  });
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const announce = useAnnounce();
  const adjust = useAction(async () => {
    await api(`/v1/seats/${seatId}/adjustments`, {
      method: 'POST',
      body: { amount: Number(amount), reason: reason.trim() },
    });
    announce('Adjustment recorded');
    setAmount('');
    setReason('');
    onDone();
    return true;
  });
  return (
    <details className="card">
      <summary>Adjust the balance or add credits from the pool</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void adjust.run();
        }}
      >
        <div className="form-row">
          <Field label="Credits (+ or −)" error={adjust.error?.fieldError('amount')}>
            {(p) => (
              <input
                {...p}
                type="number"
                step={1}
                value={amount}
                required
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
          <Field label="Reason" error={adjust.error?.fieldError('reason')}>
            {(p) => (
              <input
                {...p}
                value={reason}
                required
                maxLength={300}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ProblemAlert error={adjust.error} />
        <div className="actions">
          <button type="submit" className="btn" disabled={adjust.pending || !amount || !reason.trim()}>
            Record adjustment
          </button>
        </div>
      </form>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void transfer.run();
        }}
      >
        <h3>Move credits from the organization's pool</h3>
        <Pool key={poolVersion} />
        <div className="form-row">
          <Field label="Credits to move" error={transfer.error?.fieldError('amount')}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                step={1}
                value={moving}
                required
                onChange={(e) => setMoving(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ProblemAlert
          error={transfer.error && !transfer.error.fieldError('amount') ? transfer.error : null}
        />
        <div className="actions">
          <button type="submit" className="btn" disabled={transfer.pending || !moving}>
            Move to this seat
          </button>
        </div>
      </form>
    </details>
  );
}
