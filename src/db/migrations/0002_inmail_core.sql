-- InMail core: license types and seats, the credit ledger, threads, InMails and messages,
-- member controls, connection requests, notifications, events, idempotency keys.

-- License types are data. Built-in ones have org_id NULL; an organization may add its own.
CREATE TABLE license_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid REFERENCES organizations (id),
  key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,40}$'),
  name text NOT NULL,
  monthly_allotment integer NOT NULL CHECK (monthly_allotment BETWEEN 1 AND 100000),
  rollover_cap integer NOT NULL,
  CHECK (rollover_cap >= monthly_allotment),
  UNIQUE NULLS NOT DISTINCT (org_id, key)
);
-- Defaults after the public figures (../shared/domain.md): a seat holds at most 4x its allotment.
INSERT INTO license_types (key, name, monthly_allotment, rollover_cap) VALUES
  ('lite', 'Recruiter Lite', 30, 120),
  ('professional', 'Recruiter Professional', 100, 400),
  ('corporate', 'Recruiter Corporate', 150, 600);

-- Policies an org admin changes at run time.
CREATE TABLE org_policies (
  org_id uuid PRIMARY KEY REFERENCES organizations (id),
  refund_policy text NOT NULL DEFAULT 'response-within-90-days'
    CHECK (refund_policy IN ('response-within-90-days', 'on-decline')),
  refund_window_days integer NOT NULL DEFAULT 90 CHECK (refund_window_days BETWEEN 1 AND 365),
  refund_target text NOT NULL DEFAULT 'seat' CHECK (refund_target IN ('seat', 'pool')),
  org_cap_per_candidate integer NOT NULL DEFAULT 1 CHECK (org_cap_per_candidate BETWEEN 1 AND 100),
  org_cap_window_days integer NOT NULL DEFAULT 14 CHECK (org_cap_window_days BETWEEN 1 AND 365),
  mandatory_personalization boolean NOT NULL DEFAULT false,
  quality_block_below integer CHECK (quality_block_below BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seats (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  -- The recruiter holding the seat; NULL while unassigned.
  user_id uuid UNIQUE REFERENCES users (id),
  license_type_id uuid NOT NULL REFERENCES license_types (id),
  -- Set by an admin: at most this many InMails per renewal period (NULL: no limit).
  monthly_limit integer CHECK (monthly_limit BETWEEN 0 AND 100000),
  -- Credits renew on this day of the month (clamped to the month's last day).
  anniversary_day integer NOT NULL CHECK (anniversary_day BETWEEN 1 AND 31),
  period_started_at timestamptz NOT NULL,
  renews_at timestamptz NOT NULL,
  -- Stored sums of the ledger, updated in the same transaction as each entry (checked in tests).
  balance integer NOT NULL DEFAULT 0 CHECK (balance >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX seats_org_idx ON seats (org_id);
CREATE INDEX seats_renewal_idx ON seats (renews_at) WHERE revoked_at IS NULL;

-- An organization's pool receives refunds when refund_target = 'pool'.
CREATE TABLE credit_pools (
  org_id uuid PRIMARY KEY REFERENCES organizations (id),
  balance integer NOT NULL DEFAULT 0 CHECK (balance >= 0)
);

-- The ledger: append-only. `amount` changes the available balance, `reserved_delta` the credits
-- held for campaign budgets. A seat's balance is sum(amount); its reservation sum(reserved_delta).
-- Entries of the pool have seat_id NULL.
CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  seat_id uuid REFERENCES seats (id),
  kind text NOT NULL CHECK (kind IN ('grant', 'spend', 'refund', 'expire', 'reserve', 'release', 'adjust', 'transfer')),
  amount integer NOT NULL,
  reserved_delta integer NOT NULL DEFAULT 0,
  inmail_id uuid,
  campaign_id uuid,
  actor_user_id uuid REFERENCES users (id),
  reason text,
  -- For grants: the period the grant is for, so a renewal is never granted twice.
  period_start timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX ledger_seat_idx ON ledger_entries (seat_id, id);
CREATE INDEX ledger_org_idx ON ledger_entries (org_id, created_at);
CREATE UNIQUE INDEX ledger_one_grant_per_period ON ledger_entries (seat_id, period_start) WHERE kind = 'grant';
CREATE UNIQUE INDEX ledger_one_refund_per_inmail ON ledger_entries (inmail_id) WHERE kind = 'refund';
CREATE UNIQUE INDEX ledger_one_spend_per_inmail ON ledger_entries (inmail_id) WHERE kind = 'spend';

CREATE OR REPLACE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only';
END $$;
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

-- Member controls.
ALTER TABLE members
  ADD COLUMN inmail_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN contact_later_until timestamptz,
  ADD COLUMN email_notifications boolean NOT NULL DEFAULT true;

CREATE TABLE member_blocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  blocked_user_id uuid REFERENCES users (id),
  blocked_org_id uuid REFERENCES organizations (id),
  created_at timestamptz NOT NULL,
  CHECK ((blocked_user_id IS NULL) <> (blocked_org_id IS NULL))
);
CREATE UNIQUE INDEX member_blocks_user_key ON member_blocks (member_id, blocked_user_id) WHERE blocked_user_id IS NOT NULL;
CREATE UNIQUE INDEX member_blocks_org_key ON member_blocks (member_id, blocked_org_id) WHERE blocked_org_id IS NOT NULL;

-- A conversation between an organization user and a member. It starts with an InMail (paid) or,
-- between 1st-degree connections, with a free message.
CREATE TABLE threads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  sender_user_id uuid NOT NULL REFERENCES users (id),
  recipient_member_id uuid NOT NULL REFERENCES members (id),
  kind text NOT NULL CHECK (kind IN ('inmail', 'message')),
  subject text NOT NULL,
  created_at timestamptz NOT NULL,
  last_message_at timestamptz NOT NULL,
  recipient_unread integer NOT NULL DEFAULT 0,
  sender_unread integer NOT NULL DEFAULT 0
);
CREATE INDEX threads_recipient_idx ON threads (recipient_member_id, last_message_at DESC, id);
CREATE INDEX threads_sender_idx ON threads (org_id, sender_user_id, last_message_at DESC, id);

CREATE TABLE inmails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id uuid NOT NULL REFERENCES threads (id),
  org_id uuid NOT NULL REFERENCES organizations (id),
  seat_id uuid REFERENCES seats (id),
  sender_user_id uuid NOT NULL REFERENCES users (id),
  recipient_member_id uuid NOT NULL REFERENCES members (id),
  subject text NOT NULL,
  body text NOT NULL,
  -- pending -> accepted | declined | replied (answered without accepting) | expired
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'replied', 'expired')),
  -- false for a free message to a 1st-degree connection
  charged boolean NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  opened_at timestamptz,
  accepted_at timestamptz,
  declined_at timestamptz,
  replied_at timestamptz,
  expired_at timestamptz,
  decline_reason text CHECK (decline_reason IN ('not_looking', 'not_a_fit', 'timing', 'contact_later', 'other')),
  decline_note text,
  -- declined with contact_later: the member asked to be contacted again from this instant
  contact_later_until timestamptz,
  refunded_at timestamptz,
  campaign_id uuid,
  template_id uuid,
  template_version integer,
  channel text NOT NULL DEFAULT 'inmail' CHECK (channel IN ('inmail', 'message'))
);
CREATE INDEX inmails_recipient_sent_idx ON inmails (recipient_member_id, sent_at DESC);
CREATE INDEX inmails_org_sent_idx ON inmails (org_id, sent_at DESC);
CREATE INDEX inmails_seat_idx ON inmails (seat_id, sent_at DESC);
CREATE INDEX inmails_pending_idx ON inmails (expires_at) WHERE status = 'pending';
CREATE INDEX inmails_thread_idx ON inmails (thread_id);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id uuid NOT NULL REFERENCES threads (id),
  inmail_id uuid REFERENCES inmails (id),
  author text NOT NULL CHECK (author IN ('sender', 'recipient')),
  author_user_id uuid REFERENCES users (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX messages_thread_idx ON messages (thread_id, created_at, id);

CREATE TABLE spam_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  thread_id uuid NOT NULL REFERENCES threads (id),
  org_id uuid NOT NULL REFERENCES organizations (id),
  sender_user_id uuid NOT NULL REFERENCES users (id),
  note text,
  created_at timestamptz NOT NULL,
  UNIQUE (member_id, thread_id)
);

CREATE TABLE connection_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_member_id uuid NOT NULL REFERENCES members (id),
  to_member_id uuid NOT NULL REFERENCES members (id),
  note text CHECK (length(note) <= 300),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'ignored', 'withdrawn')),
  created_at timestamptz NOT NULL,
  responded_at timestamptz,
  CHECK (from_member_id <> to_member_id)
);
CREATE UNIQUE INDEX connection_requests_pending_key ON connection_requests (from_member_id, to_member_id)
  WHERE status = 'pending';
CREATE INDEX connection_requests_to_idx ON connection_requests (to_member_id, status, created_at DESC);
CREATE INDEX connection_requests_from_idx ON connection_requests (from_member_id, created_at DESC);

-- In-app notifications for an account (a member's inbox or a recruiter's).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  emailed_at timestamptz
);
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at DESC, id);
CREATE INDEX notifications_unread_idx ON notifications (account_id) WHERE read_at IS NULL;

-- Every state change, for analytics and webhooks.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  org_id uuid,
  actor_user_id uuid,
  actor_member_id uuid,
  seat_id uuid,
  recipient_member_id uuid,
  inmail_id uuid,
  thread_id uuid,
  campaign_id uuid,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_org_time_idx ON events (org_id, occurred_at);
CREATE INDEX events_inmail_idx ON events (inmail_id) WHERE inmail_id IS NOT NULL;

-- Idempotency keys of write requests: the first result is stored and returned to retries.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
