/** CSV exports: a header and rows, dates as ISO 8601, empty cells for nulls (csv-stringify). */
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | Date | null | undefined;

export function toCsv(columns: string[], rows: Cell[][]): string {
  return stringify(
    [columns, ...rows.map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : (c ?? ''))))],
    {
      cast: { boolean: (b) => (b ? 'true' : 'false') },
    },
  );
}

/** Sends CSV as a download named `name.csv`. */
export function sendCsv(reply: FastifyReply, name: string, columns: string[], rows: Cell[][]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.csv"`)
    .send(toCsv(columns, rows));
}
