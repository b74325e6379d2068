-- Foundation: organizations, people who log in, their roles, sessions and API keys, and the
-- members of the network with their profiles and connections.
--
-- An account is a person who can log in (email + password). The same account can be a member of
-- the network (members.account_id) and a user of one organization (users.account_id) at once: a
-- recruiter is usually also a member with connections of their own.

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  account_id uuid NOT NULL UNIQUE REFERENCES accounts (id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  title text NOT NULL DEFAULT '',
  roles text[] NOT NULL CHECK (roles <@ ARRAY['org_admin', 'recruiter', 'hiring_manager']::text[] AND cardinality(roles) > 0),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_org_idx ON users (org_id);

-- Failed logins are counted per email address (known or not), so throttling does not reveal
-- which addresses have accounts.
CREATE TABLE login_throttle (
  email text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Browser sessions and login tokens: only a SHA-256 of the token is stored.
CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  created_by uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- The first characters of the key, shown in lists so a key can be recognised; not secret.
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id);

CREATE TABLE members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid UNIQUE REFERENCES accounts (id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  headline text NOT NULL DEFAULT '',
  summary text NOT NULL DEFAULT '',
  industry text NOT NULL DEFAULT '',
  seniority text NOT NULL DEFAULT 'entry',
  city text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  time_zone text NOT NULL DEFAULT 'UTC',
  -- Current position, denormalized from positions for listing and filtering.
  current_title text NOT NULL DEFAULT '',
  current_company text NOT NULL DEFAULT '',
  positions jsonb NOT NULL DEFAULT '[]',
  education jsonb NOT NULL DEFAULT '[]',
  projects jsonb NOT NULL DEFAULT '[]',
  publications text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  platforms text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  open_to_work boolean NOT NULL DEFAULT false,
  years_experience integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- First-degree connections, stored once per pair with member_a < member_b.
CREATE TABLE connections (
  member_a uuid NOT NULL REFERENCES members (id),
  member_b uuid NOT NULL REFERENCES members (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_a, member_b),
  CHECK (member_a < member_b)
);
CREATE INDEX connections_b_idx ON connections (member_b, member_a);
