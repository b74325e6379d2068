-- Candidate search: the search index of members, fuzzy-match vocabulary, saved searches with
-- alerts, search history and candidate lists. See docs/search.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Bumped on every change to a member's searchable profile; saved-search alerts keep the last value
-- they have seen (a watermark), so "new or changed since the last run" needs no clock.
CREATE SEQUENCE member_search_change_seq;

-- One row per member, written by the application (src/repositories/search-index.ts builds the
-- vectors from the same normalizeText the reference matcher uses, so SQL and the in-memory matcher
-- agree). `doc` holds every token, every token again behind its field code ('~t:manager') and one
-- lexeme per filter value ('~cy=us', '~sn=senior', '~yx=7', '~sk=python' ...): a search and all
-- its index-backed filters are one tsquery answered by the one GIN index below, which has a
-- posting list per skill, company, language, industry, country, region, city, seniority, year of
-- experience, graduation year and open-to-work.
--
-- The other columns are what ranking and facets read for each hit; they are kept small so the
-- heap stays compact (doc lives out of line in TOAST; it is only read to re-check phrases).
CREATE TABLE member_search (
  member_id uuid PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  doc tsvector NOT NULL,
  -- titles (weight A), skills and platforms (B): what ts_rank weighs
  rank_doc tsvector NOT NULL,
  -- facet values as displayed
  skills text[] NOT NULL DEFAULT '{}',
  current_company text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  seniority text NOT NULL DEFAULT '',
  graduation_years smallint[] NOT NULL DEFAULT '{}',
  years_experience smallint NOT NULL DEFAULT 0,
  open_to_work boolean NOT NULL DEFAULT false,
  -- normalized name, current title and company for trigram (fuzzy) matching
  name_key text NOT NULL DEFAULT '',
  title_key text NOT NULL DEFAULT '',
  company_key text NOT NULL DEFAULT '',
  -- InMails received (channel 'inmail') and answered (accepted, declined or replied), kept by the
  -- trigger below: the "likely to respond" boost and the "has responded" filter read them
  inmails_received integer NOT NULL DEFAULT 0,
  inmails_answered integer NOT NULL DEFAULT 0,
  change_seq bigint NOT NULL DEFAULT nextval('member_search_change_seq'),
  -- true while the row still has to be (re)built by the application (rows backfilled below)
  dirty boolean NOT NULL DEFAULT false
) WITH (toast_tuple_target = 256);
ALTER TABLE member_search ALTER COLUMN doc SET STORAGE EXTERNAL;
ALTER TABLE member_search ALTER COLUMN rank_doc SET STORAGE MAIN;
ALTER TABLE member_search ALTER COLUMN skills SET STORAGE MAIN;

CREATE INDEX member_search_doc_idx ON member_search USING gin (doc);
CREATE INDEX member_search_name_trgm_idx ON member_search USING gin (name_key gin_trgm_ops);
CREATE INDEX member_search_change_idx ON member_search (change_seq);
CREATE INDEX member_search_dirty_idx ON member_search (member_id) WHERE dirty;

-- Members that existed before this migration get a row to be built at the next start.
INSERT INTO member_search (member_id, doc, rank_doc, dirty, inmails_received, inmails_answered)
SELECT m.id, ''::tsvector, ''::tsvector, true, coalesce(i.received, 0), coalesce(i.answered, 0)
FROM members m
LEFT JOIN (
  SELECT recipient_member_id,
    count(*)::int AS received,
    (count(*) FILTER (WHERE status IN ('accepted', 'declined', 'replied')))::int AS answered
  FROM inmails WHERE channel = 'inmail' GROUP BY recipient_member_id
) i ON i.recipient_member_id = m.id;

CREATE OR REPLACE FUNCTION member_search_count_inmail() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := false;
  now_answered boolean := NEW.status IN ('accepted', 'declined', 'replied');
BEGIN
  IF NEW.channel <> 'inmail' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    UPDATE member_search
      SET inmails_received = inmails_received + 1,
          inmails_answered = inmails_answered + now_answered::int
      WHERE member_id = NEW.recipient_member_id;
  ELSE
    was := OLD.status IN ('accepted', 'declined', 'replied');
    IF was <> now_answered THEN
      UPDATE member_search
        SET inmails_answered = inmails_answered + CASE WHEN now_answered THEN 1 ELSE -1 END
        WHERE member_id = NEW.recipient_member_id;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inmails_count_for_search AFTER INSERT OR UPDATE OF status ON inmails
  FOR EACH ROW EXECUTE FUNCTION member_search_count_inmail();

-- Distinct titles, companies and skills seen in profiles, for fuzzy suggestions ("sofware" ->
-- "Software Engineer"). Grows only; a value nobody holds any more still suggests (and finds nobody).
CREATE TABLE search_vocabulary (
  kind text NOT NULL CHECK (kind IN ('title', 'company', 'skill')),
  key text NOT NULL,
  label text NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (key gin_trgm_ops);

CREATE TABLE saved_searches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  owner_user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  query text NOT NULL DEFAULT '',
  filters jsonb NOT NULL DEFAULT '{}',
  alerts boolean NOT NULL DEFAULT true,
  -- member_search.change_seq already looked at by the alert job
  watermark bigint NOT NULL DEFAULT 0,
  last_alert_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX saved_searches_owner_idx ON saved_searches (org_id, owner_user_id, created_at DESC, id);
CREATE INDEX saved_searches_alerts_idx ON saved_searches (id) WHERE alerts;

-- Members an alert already reported, so a later profile edit does not report them again.
CREATE TABLE saved_search_alerted (
  saved_search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  alerted_at timestamptz NOT NULL,
  PRIMARY KEY (saved_search_id, member_id)
);

-- Kept 90 days (the housekeeping job purges older rows).
CREATE TABLE search_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  user_id uuid NOT NULL REFERENCES users (id),
  query text NOT NULL,
  filters jsonb NOT NULL,
  total integer NOT NULL,
  total_exact boolean NOT NULL,
  searched_at timestamptz NOT NULL
);
CREATE INDEX search_history_user_idx ON search_history (org_id, user_id, searched_at DESC, id DESC);
CREATE INDEX search_history_time_idx ON search_history (searched_at);

-- Named lists of candidates an organization builds from search results; campaigns target them.
CREATE TABLE candidate_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  created_by uuid NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, name)
);

CREATE TABLE candidate_list_members (
  list_id uuid NOT NULL REFERENCES candidate_lists (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (list_id, member_id)
);
CREATE INDEX candidate_list_members_page_idx ON candidate_list_members (list_id, added_at DESC, member_id DESC);
CREATE INDEX candidate_list_members_member_idx ON candidate_list_members (member_id);
