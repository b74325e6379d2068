import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { Signature } from '../domain/quality.ts';

/**
 * MinHash signatures of the bodies a seat sent (written by the send statement, see
 * SendRepository.record). Stored as signed 32-bit integers; read back as the unsigned numbers
 * domain/quality.ts computes.
 */
export class SignatureRepository {
  constructor(private readonly db: Executor) {}

  /** A seat's signatures since an instant, newest first. */
  async recentForSeat(seatId: string, since: Date, limit: number): Promise<Signature[]> {
    const r = await sql<{ signature: number[] }>`
      SELECT signature FROM inmail_signatures
      WHERE seat_id = ${seatId} AND sent_at > ${since}
      ORDER BY sent_at DESC LIMIT ${limit}`.execute(this.db);
    return r.rows.map((row) => row.signature.map((x) => x >>> 0));
  }

  /** Housekeeping: signatures older than any near-duplicate window. */
  async deleteBefore(before: Date): Promise<number> {
    const r = await sql`DELETE FROM inmail_signatures WHERE sent_at < ${before}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }
}

/** A signature as stored: each unsigned 32-bit minimum as a signed integer. */
export function storedSignature(sig: Signature): number[] {
  return sig.map((x) => x | 0);
}
