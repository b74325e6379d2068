-- Templates (issue 5): personal or shared InMail templates with merge fields, versioned; template
-- sets that choose a template by the candidate's seniority; MinHash signatures of sent bodies for
-- the near-duplicate check; tracked links in InMail bodies and their clicks. See docs/templates.md.

CREATE TABLE templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  -- personal: only its owner (and the organization's admins) see and use it; shared: everyone in it
  visibility text NOT NULL CHECK (visibility IN ('personal', 'shared')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Tags for segmentation: a seniority or one of the three seniority segments, and a role family.
  seniority text CHECK (seniority IN ('intern', 'entry', 'associate', 'senior', 'lead', 'manager', 'director',
                                      'vp', 'cxo', 'partner', 'senior-associate', 'partner-track')),
  role_family text CHECK (length(role_family) BETWEEN 1 AND 100),
  latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
  archived_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX templates_org_idx ON templates (org_id, updated_at DESC, id);

-- Subject and body are versioned: an edit of either adds a version and never changes an old one, so
-- an InMail's (template_id, template_version) always names the text it was rendered from.
CREATE TABLE template_versions (
  template_id uuid NOT NULL REFERENCES templates (id),
  version integer NOT NULL CHECK (version >= 1),
  subject text NOT NULL,
  body text NOT NULL,
  -- the body has a {{personalization}} slot: every message from it needs a checked per-recipient text
  has_slot boolean NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (template_id, version)
);

-- A template set picks a template per candidate: {"associate": "<template id>", "partner": ...}
-- keyed by a seniority or a segment (domain/template.ts chooseTemplateForSeniority), else the default.
-- Sets belong to the organization; their templates must be shared ones.
CREATE TABLE template_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  templates jsonb NOT NULL DEFAULT '{}',
  default_template_id uuid REFERENCES templates (id),
  archived_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX template_sets_org_idx ON template_sets (org_id, updated_at DESC, id);

-- MinHash signatures (domain/quality.ts, 64 hashes stored as signed 32-bit integers) of the bodies a
-- seat sent: the near-duplicate check compares a new body with the seat's recent ones. Written by
-- the send statement itself (repositories/send.repository.ts).
CREATE TABLE inmail_signatures (
  inmail_id uuid PRIMARY KEY REFERENCES inmails (id),
  seat_id uuid NOT NULL REFERENCES seats (id),
  sent_at timestamptz NOT NULL,
  signature integer[] NOT NULL
);
CREATE INDEX inmail_signatures_seat_idx ON inmail_signatures (seat_id, sent_at DESC);
-- housekeeping deletes the old ones (MaintenanceService)
CREATE INDEX inmail_signatures_sent_idx ON inmail_signatures (sent_at);

-- Links of an InMail body rewritten to GET /r/{token}. The token is random and maps to the stored
-- URL, which is only ever http(s): the redirect can never be pointed anywhere else (no open redirect).
CREATE TABLE tracked_links (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token text NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{22}$'),
  inmail_id uuid NOT NULL REFERENCES inmails (id),
  org_id uuid NOT NULL REFERENCES organizations (id),
  recipient_member_id uuid NOT NULL REFERENCES members (id),
  -- the link as the sender wrote it, and the redirect link that replaced it in the delivered body
  url text NOT NULL CHECK (url ~* '^https?://' AND length(url) <= 2048),
  tracked_url text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX tracked_links_inmail_idx ON tracked_links (inmail_id);

-- One row per link: the first click by a person (bots filtered by user agent). An InMail has one
-- recipient, so this is "once per recipient and link".
CREATE TABLE link_clicks (
  link_id bigint PRIMARY KEY REFERENCES tracked_links (id),
  clicked_at timestamptz NOT NULL,
  user_agent text
);
