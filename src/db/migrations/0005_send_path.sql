-- The send path reads an organization's policies on every InMail: make sure every organization
-- has its policy row (created with the organization), so reading it is one plain SELECT.
INSERT INTO org_policies (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION organizations_default_policies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_policies (org_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER organizations_default_policies AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_default_policies();

-- The monthly limit counts a seat's spends in its current period.
CREATE INDEX ledger_seat_spend_idx ON ledger_entries (seat_id, created_at) WHERE kind = 'spend';
