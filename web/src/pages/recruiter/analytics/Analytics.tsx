/**
 * The analytics dashboard (docs/analytics.md): one period and one response window for every
 * report on the page, kept in the address bar so a view can be bookmarked or shared. Each report
 * loads on its own (a slow or failing one does not hold the others) and links its CSV export.
 * Loaded on demand (React.lazy in App.tsx), so the chart library is fetched only here.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { qs, type ApiError } from '../../../api/client.ts';
import { useApi } from '../../../api/hooks.ts';
import type {
  AbTestReport,
  CreditsReport,
  HeatmapReport,
  OutreachReport,
  Page,
  ReportMeta,
  Template,
  TrendsReport,
} from '../../../api/types.ts';
import { Empty, ErrorState, Field, formatDate, Loading, PageTitle } from '../../../components/ui.tsx';
import { useSession } from '../../../session.tsx';
import {
  addDays,
  bestSlots,
  formatDay,
  describeAb,
  formatHours,
  formatP,
  funnel,
  heatLevel,
  pct,
  periodQuery,
  points,
  readPeriod,
  slotLabel,
  WEEKDAYS,
  WINDOW_CHOICES,
  type Period,
} from './analytics-lib.ts';
import { ChartFigure, FunnelChart, periodLabel, TrendChart } from './Charts.tsx';

function csv(path: string, params: Record<string, string | number | undefined>) {
  return `${path}${qs({ ...params, format: 'csv' })}`;
}

/** A report's card: its heading, its CSV export and its states. */
function Report({
  title,
  csvHref,
  children,
  testId,
  intro,
}: {
  title: string;
  csvHref?: string | null;
  children: ReactNode;
  testId?: string;
  intro?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card report" aria-labelledby={id} data-testid={testId}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {csvHref ? (
          <a className="btn btn-small" href={csvHref} download>
            Download CSV<span className="visually-hidden">: {title}</span>
          </a>
        ) : null}
      </div>
      {intro}
      {children}
    </section>
  );
}

function States<T>({
  r,
  what,
  children,
}: {
  r: { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (r.data === undefined) {
    if (r.error) return <ErrorState error={r.error} retry={r.reload} what={what} />;
    return <Loading label={`Loading ${what}`} />;
  }
  return <div aria-busy={r.loading}>{children(r.data)}</div>;
}

function WindowNote({ meta }: { meta: ReportMeta }) {
  return (
    <p className="small muted">
      {meta.window.charAt(0).toUpperCase() + meta.window.slice(1)}.
      {meta.completeBefore && meta.completeBefore < meta.to
        ? ` Sends from ${formatDay(meta.completeBefore)} on are still inside their window: their figures can grow.`
        : ''}
    </p>
  );
}

function Controls({ period, onChange }: { period: Period; onChange: (p: Partial<Period>) => void }) {
  const [from, setFrom] = useState(period.from);
  const [through, setThrough] = useState(period.through);
  const [seen, setSeen] = useState(period);
  // A new period from the address bar (back button, a link) replaces what was typed.
  if (seen.from !== period.from || seen.through !== period.through) {
    setSeen(period);
    setFrom(period.from);
    setThrough(period.through);
  }
  return (
    <form
      className="card filter-bar analytics-controls"
      aria-label="Period and response window"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onChange({ from, through });
      }}
    >
      <Field label="From">
        {(p) => <input {...p} type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label="Through">
        {(p) => (
          <input {...p} type="date" value={through} required onChange={(e) => setThrough(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="btn btn-primary">
        Show
      </button>
      <fieldset className="plain window-choice">
        <legend>Response window</legend>
        <div className="segmented">
          {WINDOW_CHOICES.map((w) => (
            <label key={w} className={period.windowDays === w ? 'on' : ''}>
              <input
                type="radio"
                name="window"
                value={w}
                checked={period.windowDays === w}
                onChange={() => onChange({ windowDays: w })}
              />
              {w} days
            </label>
          ))}
        </div>
      </fieldset>
    </form>
  );
}

function Summary({ r }: { r: OutreachReport }) {
  const t = r.totals;
  return (
    <dl className="facts stats kpis" data-testid="kpis">
      <div>
        <dt>Sent</dt>
        <dd className="big-number">{t.sent}</dd>
      </div>
      <div>
        <dt>Response rate</dt>
        <dd className="big-number">{pct(t.responseRate)}</dd>
      </div>
      <div>
        <dt>Acceptance rate</dt>
        <dd className="big-number">{pct(t.acceptanceRate)}</dd>
      </div>
      <div>
        <dt>Median time to first response</dt>
        <dd className="big-number">{formatHours(t.medianHoursToFirstResponse)}</dd>
      </div>
      <div>
        <dt>InMail → screen</dt>
        <dd className="big-number">{pct(t.screenConversion)}</dd>
      </div>
    </dl>
  );
}

function Funnel({ r }: { r: OutreachReport }) {
  const steps = funnel(r.totals);
  if (r.totals.sent === 0) return <Empty compact title="Nothing was sent in this period." />;
  const caption = `Of ${r.totals.sent} sent: ${steps
    .slice(1)
    .map((s) => `${s.count} ${s.label.toLowerCase()} (${pct(s.ofSent)})`)
    .join(', ')}.`;
  return (
    <ChartFigure
      testId="funnel"
      caption={
        <>
          {caption} Shares are of the sends. “Accepted or replied” is every response but a decline;{' '}
          {r.totals.declined} declined. Opens count only where the recipient’s client reports them.
        </>
      }
      table={
        <table className="compact-table">
          <caption className="visually-hidden">Funnel</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                Share of sent
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td className="num">{s.count}</td>
                <td className="num">{pct(s.ofSent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <FunnelChart steps={steps} />
    </ChartFigure>
  );
}

function Trend({ r }: { r: TrendsReport }) {
  const pts = r.series[0]?.points ?? [];
  if (pts.every((p) => p.sent === 0)) return <Empty compact title="Nothing was sent in this period." />;
  const withSends = pts.filter((p) => p.sent > 0);
  const first = withSends[0]!;
  const last = withSends[withSends.length - 1]!;
  return (
    <ChartFigure
      testId="trend"
      caption={
        withSends.length > 1
          ? `The response rate went from ${pct(first.responseRate)} in ${periodLabel(first.period)} to ${pct(last.responseRate)} in ${periodLabel(last.period)}.`
          : `Response rate in ${periodLabel(first.period)}: ${pct(first.responseRate)}.`
      }
      table={
        <table className="compact-table">
          <caption className="visually-hidden">Response rate by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Responded
              </th>
              <th scope="col" className="num">
                Response rate
              </th>
              <th scope="col" className="num">
                Acceptance rate
              </th>
            </tr>
          </thead>
          <tbody>
            {pts.map((p) => (
              <tr key={p.period}>
                <th scope="row">{periodLabel(p.period)}</th>
                <td className="num">{p.sent}</td>
                <td className="num">{p.responded}</td>
                <td className="num">{pct(p.responseRate)}</td>
                <td className="num">{pct(p.acceptanceRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <TrendChart points={pts} />
    </ChartFigure>
  );
}

function Recruiters({ r }: { r: OutreachReport }) {
  if (r.rows.length === 0) return <Empty compact title="Nobody sent anything in this period." />;
  const metric = (k: string, v: ReactNode) => (
    <td className="num" data-metric={k}>
      {v}
    </td>
  );
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Results by recruiter">
      <table className="wrap-head" data-testid="recruiter-table">
        <thead>
          <tr>
            <th scope="col">Recruiter</th>
            <th scope="col" className="num">
              Sent
            </th>
            <th scope="col" className="num">
              Responded
            </th>
            <th scope="col" className="num">
              Response rate
            </th>
            <th scope="col" className="num">
              Acceptance rate
            </th>
            <th scope="col" className="num">
              Median time to first response
            </th>
            <th scope="col" className="num">
              Screened
            </th>
            <th scope="col" className="num">
              InMail → screen
            </th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((x) => (
            <tr key={x.key} data-key={x.key}>
              <th scope="row">{x.label}</th>
              {metric('sent', x.sent)}
              {metric('responded', x.responded)}
              {metric('responseRate', pct(x.responseRate))}
              {metric('acceptanceRate', pct(x.acceptanceRate))}
              {metric('median', formatHours(x.medianHoursToFirstResponse))}
              {metric('screened', x.screened)}
              {metric('screenConversion', pct(x.screenConversion))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Heatmap({ r }: { r: HeatmapReport }) {
  const total = r.cells.reduce((n, c) => n + c.sent, 0);
  if (total === 0) return <Empty compact title="Nothing was sent in this period." />;
  const at = new Map(r.cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const maxRate = Math.max(0, ...r.cells.filter((c) => c.sent > 0).map((c) => c.responseRate ?? 0));
  const best = bestSlots(r.cells);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <>
      <p data-testid="best-slots">
        {best.length
          ? `Best hours (at least 3 sends): ${best
              .map((c) => `${slotLabel(c.weekday, c.hour)}, ${pct(c.responseRate)} of ${c.sent}`)
              .join('; ')}.`
          : 'No hour has 3 sends yet: too little to tell the best hours.'}
      </p>
      <div className="table-wrap heatmap-wrap" tabIndex={0} role="region" aria-label="Send-time heatmap">
        <table className="heatmap">
          <caption className="visually-hidden">
            Response rate by weekday and hour of sending, in the recipient’s local time
          </caption>
          <thead>
            <tr>
              <td />
              {hours.map((h) => (
                <th key={h} scope="col">
                  <span aria-hidden="true">{h}</span>
                  <span className="visually-hidden">{String(h).padStart(2, '0')}:00</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, i) => (
              <tr key={name}>
                <th scope="row">
                  <span aria-hidden="true">{name.slice(0, 3)}</span>
                  <span className="visually-hidden">{name}</span>
                </th>
                {hours.map((h) => {
                  const c = at.get(`${i + 1}:${h}`) ?? {
                    weekday: i + 1,
                    hour: h,
                    sent: 0,
                    responded: 0,
                    responseRate: null,
                  };
                  const text = c.sent ? `${pct(c.responseRate, 0)} of ${c.sent} sent` : 'none sent';
                  return (
                    <td
                      key={h}
                      className={`heat-${heatLevel(c, maxRate)}`}
                      title={`${slotLabel(i + 1, h)}: ${text}`}
                    >
                      {c.sent ? (
                        <span aria-hidden="true">{Math.round((c.responseRate ?? 0) * 100)}</span>
                      ) : null}
                      <span className="visually-hidden">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        Numbers are response rates in %, darker is better; a blank cell had no sends. {total} sends in all.
      </p>
    </>
  );
}

function Forecast({ seat }: { seat: CreditsReport['seats'][number] }) {
  if (seat.pacePerDay <= 0)
    return <>No net use in the last 28 days: at this pace the balance does not run out.</>;
  const pace = `${Math.round(seat.pacePerDay * 10) / 10} a day`;
  if (seat.runsOutBeforeRenewal)
    return (
      <strong className="text-danger">
        At {pace} the balance runs out around {formatDate(seat.runsOutAt)}, before the renewal on{' '}
        {formatDate(seat.renewsAt)}.
      </strong>
    );
  return (
    <>
      At {pace} the balance lasts past the renewal on {formatDate(seat.renewsAt)}
      {seat.projectedBalanceAtRenewal !== null
        ? ` (about ${Math.floor(seat.projectedBalanceAtRenewal)} left then)`
        : ''}
      {seat.runsOutAt ? `; it would run out around ${formatDate(seat.runsOutAt)}` : ''}.
    </>
  );
}

function Credits({ r, isAdmin }: { r: CreditsReport; isAdmin: boolean }) {
  const t = r.totals;
  if (r.seats.length === 0)
    return <Empty compact title={isAdmin ? 'The organization has no seats.' : 'You hold no seat.'} />;
  const facts: [string, number][] = [
    ['Granted', t.granted],
    ['Spent', t.spent],
    ['Refunded', t.refunded],
    ['Expired', t.expired],
    ['Reserved now', t.reserved],
    ['Balance now', t.balance],
    ['Pending refunds', t.pendingRefunds],
  ];
  return (
    <>
      <dl className="facts stats" data-testid="credit-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="big-number">{v}</dd>
          </div>
        ))}
        {r.pool.balance !== null ? (
          <div>
            <dt>Pool balance</dt>
            <dd className="big-number">{r.pool.balance}</dd>
          </div>
        ) : null}
      </dl>
      {r.seats.length === 1 ? (
        <p data-testid="forecast">
          <Forecast seat={r.seats[0]!} />
        </p>
      ) : (
        <>
          <p data-testid="forecast">
            {t.seatsRunningOut
              ? `${t.seatsRunningOut} of ${t.seats} seats run out before their renewal at the current pace.`
              : `No seat runs out before its renewal at the current pace.`}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Credits by seat">
            <table className="compact-table">
              <thead>
                <tr>
                  <th scope="col">Seat</th>
                  <th scope="col" className="num">
                    Granted
                  </th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                  <th scope="col" className="num">
                    Refunded
                  </th>
                  <th scope="col" className="num">
                    Expired
                  </th>
                  <th scope="col" className="num">
                    Reserved
                  </th>
                  <th scope="col" className="num">
                    Balance
                  </th>
                  <th scope="col">Forecast</th>
                </tr>
              </thead>
              <tbody>
                {r.seats.map((s) => (
                  <tr key={s.seatId}>
                    <th scope="row">
                      {s.holder ?? 'Unassigned'} <span className="muted small">({s.licenseType})</span>
                    </th>
                    <td className="num">{s.granted}</td>
                    <td className="num">{s.spent}</td>
                    <td className="num">{s.refunded}</td>
                    <td className="num">{s.expired}</td>
                    <td className="num">{s.reserved}</td>
                    <td className="num">{s.balance}</td>
                    <td className="small">
                      <Forecast seat={s} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="small muted">
        Flows are summed from {formatDay(r.meta.from)} through {formatDay(addDays(r.meta.to, -1))}; balance,
        reserved and pending refunds are as of now.
        {isAdmin ? '' : ' You see your own seat.'}
      </p>
    </>
  );
}

function AbTest({ period }: { period: Period }) {
  const templates = useApi<Page<Template>>('/v1/templates?limit=100');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [level, setLevel] = useState('0.95');
  const [asked, setAsked] = useState<{ a: string; b: string; level: string } | null>(null);
  const query = asked
    ? { a: `template:${asked.a}`, b: `template:${asked.b}`, level: asked.level, ...periodQuery(period) }
    : null;
  const result = useApi<AbTestReport>(query ? `/v1/analytics/ab-test${qs(query)}` : null);
  const items = templates.data?.items ?? [];
  const name = (id: string) => items.find((t) => t.id === id)?.name ?? id;

  if (templates.data === undefined || items.length < 2)
    return (
      <Report title="A/B comparison of templates" testId="ab-test">
        {templates.data !== undefined ? (
          <Empty compact title="Comparing needs two templates; your organization has fewer." />
        ) : templates.error ? (
          <ErrorState error={templates.error} retry={templates.reload} what="templates" />
        ) : (
          <Loading label="Loading templates" />
        )}
      </Report>
    );
  return (
    <Report
      title="A/B comparison of templates"
      testId="ab-test"
      csvHref={query ? csv('/v1/analytics/ab-test', query) : null}
      intro={
        <p className="small muted">
          Response rates of two templates over the period, compared with a two-proportion z-test.
        </p>
      }
    >
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          if (a && b) setAsked({ a, b, level });
        }}
      >
        <Field label="Template A">
          {(p) => (
            <select {...p} value={a} onChange={(e) => setA(e.target.value)}>
              <option value="">Choose…</option>
              {items.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Template B">
          {(p) => (
            <select {...p} value={b} onChange={(e) => setB(e.target.value)}>
              <option value="">Choose…</option>
              {items.map((t) => (
                <option key={t.id} value={t.id} disabled={t.id === a}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Confidence">
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value)}>
              {['0.8', '0.9', '0.95', '0.99'].map((l) => (
                <option key={l} value={l}>
                  {Math.round(Number(l) * 100)}%
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!a || !b || a === b}>
          Compare
        </button>
      </form>
      {query ? (
        <div aria-live="polite">
          <States r={result} what="the comparison">
            {(r) => (
              <>
                <div className="table-wrap">
                  <table className="compact-table">
                    <thead>
                      <tr>
                        <th scope="col">Variant</th>
                        <th scope="col" className="num">
                          Sent
                        </th>
                        <th scope="col" className="num">
                          Responded
                        </th>
                        <th scope="col" className="num">
                          Response rate
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {(['a', 'b'] as const).map((k) => (
                        <tr key={k}>
                          <th scope="row">
                            {k.toUpperCase()}: {name(r[k].variant.templateId ?? '')}
                          </th>
                          <td className="num">{r[k].sent}</td>
                          <td className="num">{r[k].responded}</td>
                          <td className="num">{pct(r[k].responseRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className={`ab-verdict${r.test.status === 'ok' ? '' : ' muted'}`} data-testid="ab-verdict">
                  {describeAb(r)}
                </p>
                {r.test.status === 'ok' && r.test.difference !== null ? (
                  <p className="small muted">
                    Difference {points(r.test.difference)}, z = {r.test.z?.toFixed(2)}, p ={' '}
                    {formatP(r.test.pValue ?? 1)}.
                  </p>
                ) : null}
              </>
            )}
          </States>
        </div>
      ) : null}
    </Report>
  );
}

export function Analytics() {
  const [params, setParams] = useSearchParams();
  const { isAdmin } = useSession();
  // Sends count on their UTC day (as the API buckets them), so the default period ends today in UTC.
  const [today] = useState(() => new Date());
  const period = readPeriod(params, today);
  const q = periodQuery(period);
  useEffect(() => {
    document.title = 'Analytics · InMail';
  }, []);

  const totals = useApi<OutreachReport>(`/v1/analytics/outreach${qs({ groupBy: 'none', ...q })}`);
  const byRecruiter = useApi<OutreachReport>(`/v1/analytics/outreach${qs({ groupBy: 'recruiter', ...q })}`);
  const trends = useApi<TrendsReport>(`/v1/analytics/trends${qs({ interval: 'month', ...q })}`);
  const heatmap = useApi<HeatmapReport>(`/v1/analytics/heatmap${qs(q)}`);
  const credits = useApi<CreditsReport>(`/v1/analytics/credits${qs({ from: q.from, to: q.to })}`);

  function change(p: Partial<Period>) {
    const next = { ...period, ...p };
    setParams(
      { from: next.from, through: next.through, window: String(next.windowDays) },
      { replace: false },
    );
  }

  return (
    <>
      <PageTitle
        actions={
          <button
            type="button"
            className="btn"
            onClick={() => {
              for (const r of [totals, byRecruiter, trends, heatmap, credits]) r.reload();
            }}
          >
            Refresh
          </button>
        }
      >
        Analytics
      </PageTitle>
      <Controls period={period} onChange={change} />
      <p className="small muted" data-testid="period">
        Sends from {formatDay(period.from)} through {formatDay(period.through)}, with what came of each within{' '}
        {period.windowDays} days (UTC days).
      </p>

      <Report
        title="Outreach"
        testId="outreach"
        csvHref={csv('/v1/analytics/outreach', { groupBy: 'none', ...q })}
      >
        <States r={totals} what="the outreach report">
          {(r) => (
            <>
              <Summary r={r} />
              <h3>Funnel</h3>
              <Funnel r={r} />
              <WindowNote meta={r.meta} />
            </>
          )}
        </States>
      </Report>

      <Report
        title="Response rate by month"
        csvHref={csv('/v1/analytics/trends', { interval: 'month', ...q })}
      >
        <States r={trends} what="the trend">
          {(r) => <Trend r={r} />}
        </States>
      </Report>

      <Report
        title="By recruiter"
        testId="by-recruiter"
        csvHref={csv('/v1/analytics/outreach', { groupBy: 'recruiter', ...q })}
      >
        <States r={byRecruiter} what="the results by recruiter">
          {(r) => <Recruiters r={r} />}
        </States>
      </Report>

      <Report
        title="Credits"
        testId="credits"
        csvHref={csv('/v1/analytics/credits', { from: q.from, to: q.to })}
      >
        <States r={credits} what="the credits report">
          {(r) => <Credits r={r} isAdmin={isAdmin} />}
        </States>
      </Report>

      <Report
        title="Best send times"
        testId="heatmap"
        csvHref={csv('/v1/analytics/heatmap', q)}
        intro={
          <p className="small muted">
            When InMails were sent, by weekday and hour in the recipient’s own time zone, and how many got a
            response.
          </p>
        }
      >
        <States r={heatmap} what="the heatmap">
          {(r) => <Heatmap r={r} />}
        </States>
      </Report>

      <AbTest period={period} />
    </>
  );
}

export default Analytics;
