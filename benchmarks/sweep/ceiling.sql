-- The ceiling of one sweep of :due due conversations: the same reads and writes the sweeper makes,
-- written by hand as a few set-based statements in ONE transaction (the least the database can be
-- asked to do for that work). Run with the server stopped, so nothing else takes the rows.
-- psql prints each statement's time (\timing); the script sums the lines after "-- measured".
-- Variables: open, due, first (first permutation index, away from the ranges the runs use),
-- alerts (how many alerts the sweeper recorded per conversation in the runs: 1 or 2).
\set ON_ERROR_STOP on
UPDATE conversation SET next_check_at = now() - interval '1 second'
WHERE id IN (SELECT 10000001 + (k::bigint * 7919) % :open FROM generate_series(:first, :first + :due - 1) k);
\o /dev/null
\timing on
\echo -- measured
-- the due query (the sweeper's round reads it in a transaction of its own)
SELECT array_agg(id) AS ids FROM (
  SELECT id FROM conversation WHERE next_check_at <= now() ORDER BY next_check_at LIMIT :due) d \gset
BEGIN;
-- lock what is still due, and read the conversations
SELECT * FROM conversation WHERE id = ANY (:'ids'::bigint[]) AND next_check_at <= now()
ORDER BY id FOR UPDATE SKIP LOCKED;
-- the SLA timeline's inputs: status history, public message times, the customers' plans
SELECT * FROM conversation_status_change WHERE conversation_id = ANY (:'ids'::bigint[]);
SELECT conversation_id, author_type, created_at FROM message
WHERE tenant_id = (SELECT tenant_id FROM conversation WHERE id = (:'ids'::bigint[])[1])
  AND conversation_id = ANY (:'ids'::bigint[]) AND visibility = 'PUBLIC'
  AND author_type IN ('CUSTOMER', 'AGENT') ORDER BY created_at;
SELECT cu.id, cu.plan FROM customer cu JOIN conversation c ON c.customer_id = cu.id
WHERE c.id = ANY (:'ids'::bigint[]) AND cu.plan IS NOT NULL;
-- the alerts already sent, then the new ones
SELECT * FROM sla_alert WHERE conversation_id = ANY (:'ids'::bigint[]);
INSERT INTO sla_alert (conversation_id, target, started_at, kind, fired_at)
SELECT c.id, t.target, c.created_at, 'BREACHED', now()
FROM conversation c CROSS JOIN (VALUES ('FIRST_REPLY'), ('RESOLUTION')) t(target)
WHERE c.id = ANY (:'ids'::bigint[]) AND (t.target = 'FIRST_REPLY' OR :alerts > 1);
-- nothing falls due until someone acts
UPDATE conversation SET next_check_at = NULL WHERE id = ANY (:'ids'::bigint[]);
COMMIT;
