import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { RefundPolicy } from '../domain/credits.ts';
import type { SendWindow } from '../domain/send-window.ts';

export interface OrgPolicyRow {
  org_id: string;
  refund_policy: RefundPolicy;
  refund_window_days: number;
  refund_target: 'seat' | 'pool';
  org_cap_per_candidate: number;
  org_cap_window_days: number;
  mandatory_personalization: boolean;
  quality_block_below: number | null;
  /** The default send window of new campaigns; null: the product default. */
  default_send_window: SendWindow | null;
  updated_at: Date;
}

export type OrgPolicyPatch = Partial<{
  refundPolicy: RefundPolicy;
  refundWindowDays: number;
  refundTarget: 'seat' | 'pool';
  orgCapPerCandidate: number;
  orgCapWindowDays: number;
  mandatoryPersonalization: boolean;
  qualityBlockBelow: number | null;
  defaultSendWindow: SendWindow | null;
}>;

export class PolicyRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The organization's policies. Every organization gets its row when it is created (a trigger),
   * so this is one SELECT on the send path; the insert is only a fallback.
   */
  async get(orgId: string): Promise<OrgPolicyRow> {
    const r = await sql<OrgPolicyRow>`SELECT * FROM org_policies WHERE org_id = ${orgId}`.execute(this.db);
    if (r.rows[0]) return r.rows[0];
    await sql`INSERT INTO org_policies (org_id) VALUES (${orgId}) ON CONFLICT DO NOTHING`.execute(this.db);
    return (await sql<OrgPolicyRow>`SELECT * FROM org_policies WHERE org_id = ${orgId}`.execute(this.db))
      .rows[0]!;
  }

  async update(orgId: string, p: OrgPolicyPatch, at: Date): Promise<OrgPolicyRow> {
    await this.get(orgId);
    const has = (k: keyof OrgPolicyPatch) => p[k] !== undefined;
    const r = await sql<OrgPolicyRow>`
      UPDATE org_policies SET
        refund_policy = CASE WHEN ${has('refundPolicy')} THEN ${p.refundPolicy ?? null}::text ELSE refund_policy END,
        refund_window_days = CASE WHEN ${has('refundWindowDays')} THEN ${p.refundWindowDays ?? null}::int ELSE refund_window_days END,
        refund_target = CASE WHEN ${has('refundTarget')} THEN ${p.refundTarget ?? null}::text ELSE refund_target END,
        org_cap_per_candidate = CASE WHEN ${has('orgCapPerCandidate')} THEN ${p.orgCapPerCandidate ?? null}::int ELSE org_cap_per_candidate END,
        org_cap_window_days = CASE WHEN ${has('orgCapWindowDays')} THEN ${p.orgCapWindowDays ?? null}::int ELSE org_cap_window_days END,
        mandatory_personalization = CASE WHEN ${has('mandatoryPersonalization')} THEN ${p.mandatoryPersonalization ?? null}::boolean ELSE mandatory_personalization END,
        quality_block_below = CASE WHEN ${has('qualityBlockBelow')} THEN ${p.qualityBlockBelow ?? null}::int ELSE quality_block_below END,
        default_send_window = CASE WHEN ${has('defaultSendWindow')}
          THEN ${p.defaultSendWindow == null ? null : JSON.stringify(p.defaultSendWindow)}::jsonb ELSE default_send_window END,
        updated_at = ${at}
      WHERE org_id = ${orgId}
      RETURNING *`.execute(this.db);
    return r.rows[0]!;
  }
}
