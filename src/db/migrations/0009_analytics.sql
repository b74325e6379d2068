-- Analytics and the recruiting pipeline: projects with candidates in stages, teams, and the
-- rollups the reports read. See docs/analytics.md for the metrics and the design.

-- Teams are a label on users: reports group by it.
ALTER TABLE users ADD COLUMN team text CHECK (team IS NULL OR length(team) BETWEEN 1 AND 100);

-- A project is a role or search mandate; its candidates move through stages.
CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'closed')),
  owner_user_id uuid REFERENCES users (id),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX projects_org_idx ON projects (org_id, created_at DESC, id);

CREATE TABLE project_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id),
  member_id uuid NOT NULL REFERENCES members (id),
  stage text NOT NULL CHECK (stage IN ('uncontacted', 'contacted', 'replied', 'screening', 'interview', 'offer',
                                       'hired', 'rejected', 'withdrawn')),
  owner_user_id uuid REFERENCES users (id),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL,
  stage_changed_at timestamptz NOT NULL,
  UNIQUE (project_id, member_id)
);
CREATE INDEX project_candidates_board_idx ON project_candidates (project_id, stage, stage_changed_at DESC, id);
-- Automatic moves look up a member's entries in all projects of the organization.
CREATE INDEX project_candidates_member_idx ON project_candidates (org_id, member_id);

-- Every stage a candidate entered, with when and why: time-in-stage and conversion read it.
CREATE TABLE project_stage_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES project_candidates (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id),
  from_stage text,
  to_stage text NOT NULL,
  at timestamptz NOT NULL,
  -- 'added' (entered the project), 'manual' (a user moved it), 'auto' (an InMail event moved it)
  source text NOT NULL CHECK (source IN ('added', 'manual', 'auto')),
  actor_user_id uuid REFERENCES users (id),
  -- for automatic moves: the event that caused it
  event_id bigint
);
CREATE INDEX project_stage_history_candidate_idx ON project_stage_history (candidate_id, id);

CREATE TABLE project_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES project_candidates (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id),
  author_user_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL
);
CREATE INDEX project_notes_candidate_idx ON project_notes (candidate_id, created_at DESC, id);

-- The event stream, consumed in commit order. An identity id is assigned at insert, not at
-- commit, so "everything after id N" would skip a row whose transaction commits after a later id
-- was read. Each row records its transaction id instead: every transaction below a snapshot's
-- xmin has finished, and the ones still running at the snapshot are named by it (its xip list),
-- so the consumer knows exactly which rows can no longer appear and never reads one twice or
-- misses one (see AnalyticsIngestService). Rows written before this migration carry '0': they are
-- read in the first window. ADD COLUMN with a constant default does not rewrite the table.
ALTER TABLE events ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
ALTER TABLE events ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX events_tx_idx ON events (tx, id);
ALTER TABLE ledger_entries ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
ALTER TABLE ledger_entries ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX ledger_entries_tx_idx ON ledger_entries (tx, id);

-- Where the consumer is: everything with tx < next_xid is consumed, except the transactions in
-- `waiting` (they were running when the last window closed). A window in progress reads rows with
-- next_xid <= tx < window_end not in window_running, plus the waiting ones that have finished
-- (window_done), in (tx, id) order after the cursors.
CREATE TABLE analytics_consumer (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  next_xid xid8 NOT NULL DEFAULT '0',
  waiting xid8[] NOT NULL DEFAULT '{}',
  window_end xid8,
  window_running xid8[],
  window_done xid8[],
  event_cursor_tx xid8 NOT NULL DEFAULT '0',
  event_cursor_id bigint NOT NULL DEFAULT 0,
  ledger_cursor_tx xid8 NOT NULL DEFAULT '0',
  ledger_cursor_id bigint NOT NULL DEFAULT 0,
  events_consumed bigint NOT NULL DEFAULT 0,
  ledger_consumed bigint NOT NULL DEFAULT 0,
  caught_up_at timestamptz
);
INSERT INTO analytics_consumer DEFAULT VALUES;

-- One row per send (an InMail, a free message, or a connection request of an organization's
-- user): its dimensions, fixed when the send is consumed, and the first time of every outcome.
-- The "raw" source of the reports (any filter), and what the rollups are derived from.
CREATE TABLE analytics_sends (
  send_id uuid PRIMARY KEY,
  -- NULL while only outcomes of the send have been consumed (they may be read before it)
  org_id uuid,
  channel text CHECK (channel IN ('inmail', 'message', 'connection_request')),
  sent_at timestamptz,
  sent_event_id bigint,
  user_id uuid,
  seat_id uuid,
  team text,
  campaign_id uuid,
  step integer,
  template_id uuid,
  template_version integer,
  seniority text,
  member_id uuid,
  subject text,
  charged boolean NOT NULL DEFAULT false,
  -- when it was sent, in the recipient's time zone (members.time_zone)
  local_weekday smallint,
  local_hour smallint,
  delivered_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  accepted_at timestamptz,
  declined_at timestamptz,
  replied_at timestamptz,
  expired_at timestamptz,
  refunded_at timestamptz,
  screened_at timestamptz
);
CREATE INDEX analytics_sends_org_time_idx ON analytics_sends (org_id, sent_at);
-- Screen attribution: the organization's latest send to a member before the move.
CREATE INDEX analytics_sends_member_idx ON analytics_sends (org_id, member_id, sent_at DESC);

-- The rollup of sends by send day or month (UTC), one dimension at a time (dim 'all' has key ''),
-- per channel. grain 'd': day is the send day; grain 'm': day is the first of the send month, so
-- a report over a year reads twelve rows per key (and day rows for partial months at its ends).
--
-- <outcome>_<W>d counts the sends of the row whose outcome came within W days of sending, for
-- every window W a report offers (domain/analytics.ts WINDOWS): a late answer is added to the row
-- of its send's day, so a report for any window is a plain sum of one column. hist_<E>h counts
-- first responses within 90 days by time to respond, in buckets ending at E hours
-- (HISTOGRAM_EDGES_HOURS), for the median. Plain integer columns: cheap to add to and to sum.
CREATE TABLE analytics_rollup (
  org_id uuid NOT NULL,
  dim text NOT NULL,
  grain "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day date NOT NULL,
  channel text NOT NULL,
  key text NOT NULL,
  sent integer NOT NULL DEFAULT 0,
  delivered_1d integer NOT NULL DEFAULT 0, delivered_3d integer NOT NULL DEFAULT 0, delivered_7d integer NOT NULL DEFAULT 0, delivered_14d integer NOT NULL DEFAULT 0, delivered_30d integer NOT NULL DEFAULT 0, delivered_90d integer NOT NULL DEFAULT 0,
  opened_1d integer NOT NULL DEFAULT 0, opened_3d integer NOT NULL DEFAULT 0, opened_7d integer NOT NULL DEFAULT 0, opened_14d integer NOT NULL DEFAULT 0, opened_30d integer NOT NULL DEFAULT 0, opened_90d integer NOT NULL DEFAULT 0,
  clicked_1d integer NOT NULL DEFAULT 0, clicked_3d integer NOT NULL DEFAULT 0, clicked_7d integer NOT NULL DEFAULT 0, clicked_14d integer NOT NULL DEFAULT 0, clicked_30d integer NOT NULL DEFAULT 0, clicked_90d integer NOT NULL DEFAULT 0,
  accepted_1d integer NOT NULL DEFAULT 0, accepted_3d integer NOT NULL DEFAULT 0, accepted_7d integer NOT NULL DEFAULT 0, accepted_14d integer NOT NULL DEFAULT 0, accepted_30d integer NOT NULL DEFAULT 0, accepted_90d integer NOT NULL DEFAULT 0,
  declined_1d integer NOT NULL DEFAULT 0, declined_3d integer NOT NULL DEFAULT 0, declined_7d integer NOT NULL DEFAULT 0, declined_14d integer NOT NULL DEFAULT 0, declined_30d integer NOT NULL DEFAULT 0, declined_90d integer NOT NULL DEFAULT 0,
  replied_1d integer NOT NULL DEFAULT 0, replied_3d integer NOT NULL DEFAULT 0, replied_7d integer NOT NULL DEFAULT 0, replied_14d integer NOT NULL DEFAULT 0, replied_30d integer NOT NULL DEFAULT 0, replied_90d integer NOT NULL DEFAULT 0,
  responded_1d integer NOT NULL DEFAULT 0, responded_3d integer NOT NULL DEFAULT 0, responded_7d integer NOT NULL DEFAULT 0, responded_14d integer NOT NULL DEFAULT 0, responded_30d integer NOT NULL DEFAULT 0, responded_90d integer NOT NULL DEFAULT 0,
  screened_1d integer NOT NULL DEFAULT 0, screened_3d integer NOT NULL DEFAULT 0, screened_7d integer NOT NULL DEFAULT 0, screened_14d integer NOT NULL DEFAULT 0, screened_30d integer NOT NULL DEFAULT 0, screened_90d integer NOT NULL DEFAULT 0,
  hist_1h integer NOT NULL DEFAULT 0, hist_2h integer NOT NULL DEFAULT 0, hist_4h integer NOT NULL DEFAULT 0, hist_8h integer NOT NULL DEFAULT 0, hist_12h integer NOT NULL DEFAULT 0, hist_24h integer NOT NULL DEFAULT 0, hist_48h integer NOT NULL DEFAULT 0, hist_72h integer NOT NULL DEFAULT 0,
  hist_120h integer NOT NULL DEFAULT 0, hist_168h integer NOT NULL DEFAULT 0, hist_240h integer NOT NULL DEFAULT 0, hist_336h integer NOT NULL DEFAULT 0, hist_504h integer NOT NULL DEFAULT 0, hist_720h integer NOT NULL DEFAULT 0, hist_1440h integer NOT NULL DEFAULT 0, hist_2160h integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, dim, grain, day, channel, key)
);

-- Sends and responses by the recipient's local weekday (ISO: 1 = Monday) and hour of sending,
-- per send day and month.
CREATE TABLE analytics_heatmap (
  org_id uuid NOT NULL,
  grain "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day date NOT NULL,
  channel text NOT NULL,
  weekday smallint NOT NULL,
  hour smallint NOT NULL,
  sent integer NOT NULL DEFAULT 0,
  responded_1d integer NOT NULL DEFAULT 0, responded_3d integer NOT NULL DEFAULT 0, responded_7d integer NOT NULL DEFAULT 0, responded_14d integer NOT NULL DEFAULT 0, responded_30d integer NOT NULL DEFAULT 0, responded_90d integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, grain, day, channel, weekday, hour)
);

-- Ledger entries summed per seat (the pool as the nil uuid), day or month, and kind.
CREATE TABLE analytics_ledger (
  org_id uuid NOT NULL,
  seat_id uuid NOT NULL,
  grain "char" NOT NULL CHECK (grain IN ('d', 'm')),
  day date NOT NULL,
  kind text NOT NULL,
  amount integer NOT NULL,
  reserved_delta integer NOT NULL,
  entries integer NOT NULL,
  PRIMARY KEY (org_id, grain, day, seat_id, kind)
);

-- InMails of a seat that can still be refunded (charged, unanswered, not expired, not refunded).
CREATE TABLE analytics_seat_pending (
  seat_id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  pending integer NOT NULL
);
CREATE INDEX analytics_seat_pending_org_idx ON analytics_seat_pending (org_id);

-- A member's time zone if PostgreSQL knows it, else UTC: a bad value must not stop the consumer.
CREATE OR REPLACE FUNCTION analytics_safe_tz(tz text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  PERFORM now() AT TIME ZONE tz;
  RETURN tz;
EXCEPTION WHEN others THEN
  RETURN 'UTC';
END $$;
