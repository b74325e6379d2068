/** Zod schemas shared by routes: ids, timestamps, paging, the problem document. */
import { z } from 'zod';
import { invalid } from '../domain/errors.ts';

/** A timestamp: an ISO 8601 string on the wire, a Date in the code. */
export const Timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

export const Uuid = z.uuid({ message: 'must be a UUID' });

export const IdParams = z.object({ id: Uuid }).strict();

export const FieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
});

/** RFC 9457 problem details, with our stable `code` and the fields at fault. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** A page of results with an opaque cursor for the next one (null at the end). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Opaque keyset cursors: base64url JSON. Decoding garbage gives a 400, not a 500. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes an opaque cursor against a schema; garbage is a 400 invalid_cursor, never a 500. */
export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.output<T> | null {
  if (cursor === undefined) return null;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid('invalid_cursor', 'The cursor is not valid; start again without one', [
      { field: 'cursor', message: 'not a cursor this API issued' },
    ]);
  }
}

/** Cursor of (timestamp, id) keyset pages. */
export const TimeIdCursor = z
  .object({ at: z.iso.datetime({ offset: true }), id: z.uuid() })
  .transform((c) => ({ at: new Date(c.at), id: c.id }));

export function encodeTimeIdCursor(c: { at: Date; id: string } | null): string | null {
  return c ? encodeCursor({ at: c.at.toISOString(), id: c.id }) : null;
}

/** Message text: trimmed, not empty, at most `max` characters. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
}

/** A send window in the recipient's local time (domain/send-window.ts). */
export const SendWindowSchema = z
  .object({
    days: z
      .array(
        z.union([
          z.literal(1),
          z.literal(2),
          z.literal(3),
          z.literal(4),
          z.literal(5),
          z.literal(6),
          z.literal(7),
        ]),
      )
      .min(1)
      .max(7)
      .describe('ISO weekdays, 1 = Monday'),
    startHour: z.number().int().min(0).max(23),
    startMinute: z.number().int().min(0).max(59),
    endHour: z.number().int().min(0).max(24),
    endMinute: z.number().int().min(0).max(59),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')).max(366),
    timeZone: z.string().min(1).max(64).describe('Fallback zone for recipients without a valid one'),
  })
  .strict();
