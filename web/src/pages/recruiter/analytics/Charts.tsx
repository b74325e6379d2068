/**
 * The dashboard's two charts, drawn by recharts (loaded with the dashboard only). Each chart is a
 * picture for sighted readers: it is hidden from assistive technology and its figure carries the
 * same numbers as text (a caption, and a table under "Show the numbers").
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendPoint } from '../../../api/types.ts';
import { pct, type FunnelStep } from './analytics-lib.ts';

const BLUE = '#0a58ca';
const GREEN = '#1b6e3a';
const INK = '#55616d';

/** A chart with its caption and its numbers as a table (the chart's text alternative). */
export function ChartFigure({
  caption,
  table,
  children,
  testId,
}: {
  caption: ReactNode;
  table: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <div className="chart" aria-hidden="true">
        {children}
      </div>
      <figcaption>{caption}</figcaption>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </figure>
  );
}

/** "2026-09" -> "Sep 2026"; a week's Monday stays a date. */
export function periodLabel(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const d = new Date(`${period}-01T00:00:00Z`);
    return new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  return period;
}

const asPercent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function TrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({
    label: periodLabel(p.period),
    responseRate: asPercent(p.responseRate),
    acceptanceRate: asPercent(p.acceptanceRate),
  }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: -8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e3e6e9" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} />
        <YAxis
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fill: INK, fontSize: 12 }}
          width={48}
        />
        <Tooltip formatter={(v) => (typeof v === 'number' ? `${v}%` : '—')} />
        <Legend />
        <Line
          type="monotone"
          dataKey="responseRate"
          name="Response rate"
          stroke={BLUE}
          strokeWidth={2.5}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="acceptanceRate"
          name="Acceptance rate"
          stroke={GREEN}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const data = steps.map((s) => ({
    label: s.label,
    count: s.count,
    text: `${s.count}${s.key !== 'sent' && s.ofSent !== null ? ` (${pct(s.ofSent)})` : ''}`,
  }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fill: '#1d2226', fontSize: 13 }} />
        <Bar dataKey="count" fill={BLUE} radius={[0, 4, 4, 0]} isAnimationActive={false}>
          <LabelList dataKey="text" position="right" fill="#1d2226" fontSize={13} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
