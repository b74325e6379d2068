-- Messages written in the same instant (a reply and an acceptance, a test clock) keep the order
-- in which they were written.
ALTER TABLE messages ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX messages_thread_idx;
CREATE INDEX messages_thread_idx ON messages (thread_id, seq);
