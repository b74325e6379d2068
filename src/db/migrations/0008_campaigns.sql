-- Campaigns and multi-step sequences. A campaign sends from one seat to a frozen audience, step by
-- step, in each recipient's own send window. Every recipient's progress lives in
-- campaign_recipients, so a scheduler that dies resumes from the database and never sends twice.

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  created_by uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  objective text NOT NULL CHECK (objective IN ('fill_role', 'build_pipeline', 'keep_in_touch')),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
  seat_id uuid NOT NULL REFERENCES seats (id),
  -- {kind: 'members', memberIds: [...]} | {kind: 'list', listId} | {kind: 'saved_search', savedSearchId}
  audience jsonb NOT NULL,
  audience_count integer,
  -- At most this many InMails (credits) for the campaign, reserved on the seat at start; NULL: no
  -- budget, credits are spent from the seat's available balance.
  budget integer CHECK (budget BETWEEN 1 AND 1000000),
  -- Credits that must stay unspent on the seat (the seed's example: send 30, keep 20).
  reserve_keep integer NOT NULL DEFAULT 0 CHECK (reserve_keep >= 0),
  daily_cap integer CHECK (daily_cap BETWEEN 1 AND 100000),
  -- The send window in each recipient's time zone (days, hours, holidays): see domain/send-window.ts.
  send_window jsonb NOT NULL,
  ownership_window_days integer NOT NULL DEFAULT 30 CHECK (ownership_window_days BETWEEN 0 AND 365),
  start_at timestamptz,
  started_at timestamptz,
  paused_at timestamptz,
  -- Why the scheduler paused it (a scheduled start that could not start: no credits, no audience).
  paused_reason text,
  finished_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX campaigns_org_idx ON campaigns (org_id, created_at DESC, id);
CREATE INDEX campaigns_active_idx ON campaigns (status) WHERE status IN ('scheduled', 'running');

CREATE TABLE campaign_steps (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position BETWEEN 0 AND 9),
  kind text NOT NULL CHECK (kind IN ('inmail', 'follow_up', 'connection_request', 'message')),
  -- Business days to wait after this step for a response before the next step (or giving up).
  delay_business_days integer NOT NULL CHECK (delay_business_days BETWEEN 0 AND 65),
  -- Text from a template (copied with its version when the step is saved) or written inline; or a
  -- template set that picks a template per candidate seniority when the step is sent.
  template_id uuid,
  template_version integer,
  template_set_id uuid,
  subject text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, position)
);

CREATE TABLE campaign_recipients (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id),
  org_id uuid NOT NULL REFERENCES organizations (id),
  -- pending: the next step is due at next_action_at; needs_personalization: waits for the
  -- recruiter's slot text; snoozed: asked to be contacted later; skipped: collision or rule, see
  -- skip_reason; done: the sequence ended (outcome); failed: an unexpected error (error).
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'needs_personalization', 'snoozed', 'skipped', 'done', 'failed')),
  -- The last step sent; -1 before the first.
  step integer NOT NULL DEFAULT -1,
  next_action_at timestamptz,
  last_sent_at timestamptz,
  thread_id uuid,
  first_inmail_id uuid,
  personalization text,
  override boolean NOT NULL DEFAULT false,
  skip_reason text,
  outcome text CHECK (outcome IN ('interested', 'not_interested', 'no_response', 'contact_later')),
  error text,
  enrolled_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, member_id)
);
CREATE INDEX campaign_recipients_due_idx ON campaign_recipients (campaign_id, next_action_at)
  WHERE status IN ('pending', 'snoozed');
CREATE INDEX campaign_recipients_status_idx ON campaign_recipients (campaign_id, status);
-- Collision checks: is this member in another active campaign of the organization?
CREATE INDEX campaign_recipients_member_idx ON campaign_recipients (org_id, member_id)
  WHERE status IN ('pending', 'needs_personalization', 'snoozed');

-- A campaign's sends are keyed by (campaign, candidate, step): at most one InMail each, whatever
-- the scheduler does.
ALTER TABLE inmails ADD COLUMN campaign_step integer;
CREATE UNIQUE INDEX inmails_campaign_step_key ON inmails (campaign_id, recipient_member_id, campaign_step)
  WHERE campaign_id IS NOT NULL;
CREATE INDEX inmails_campaign_idx ON inmails (campaign_id) WHERE campaign_id IS NOT NULL;
-- The ownership window: when did a teammate last contact this member?
CREATE INDEX inmails_org_recipient_idx ON inmails (org_id, recipient_member_id, sent_at DESC);

ALTER TABLE connection_requests ADD COLUMN campaign_id uuid;
-- Progress counts a campaign's step sends from its events.
CREATE INDEX events_campaign_idx ON events (campaign_id, type) WHERE campaign_id IS NOT NULL;
CREATE INDEX ledger_campaign_idx ON ledger_entries (campaign_id) WHERE campaign_id IS NOT NULL;
