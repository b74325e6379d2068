-- The organization's default send window for new campaigns (org admins set it with the other
-- policies). NULL: the product default, Tuesday to Thursday 08:00-11:00 in the recipient's time zone.
ALTER TABLE org_policies ADD COLUMN default_send_window jsonb;
