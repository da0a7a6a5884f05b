-- Bulk data for the sweep benchmark: :open open conversations of tenant :tenant, each with its own
-- customer (and channel identity) and one customer message, created between three and about two
-- days ago. None is due (next_check_at NULL): that is what the sweeper leaves once every timer of a
-- conversation has been announced and nothing can happen until someone acts.
--
-- Ids start at 10,000,001 so the application's own sequences never reach them; the sequences are
-- moved past them at the end anyway. Variables: tenant (id), open (count).
\set ON_ERROR_STOP on
\timing on

BEGIN;
INSERT INTO customer (id, tenant_id, name, email, created_at, updated_at, version)
SELECT 10000000 + g, :tenant, 'Customer ' || g, 'c' || g || '@bench.test',
       now() - interval '3 days', now() - interval '3 days', 1
FROM generate_series(1, :open) g;

INSERT INTO customer_identity (customer_id, tenant_id, channel, external_id)
SELECT 10000000 + g, :tenant, 'api', 'bench-' || g
FROM generate_series(1, :open) g;

-- One conversation every 100 ms: a million of them span about 28 hours.
INSERT INTO conversation (id, tenant_id, customer_id, channel, status, priority, subject, created_at, updated_at,
                          last_customer_message_at, version, complaint, our_client, last_reply_on_hold,
                          next_check_at)
SELECT 10000000 + g, :tenant, 10000000 + g, 'api', 'OPEN', 2, NULL, at, at, at, 1, FALSE, FALSE, FALSE, NULL
FROM generate_series(1, :open) g
CROSS JOIN LATERAL (SELECT now() - interval '3 days' + g * interval '100 milliseconds' AS at) t;

INSERT INTO message (id, tenant_id, conversation_id, visibility, author_type, text, channel, external_id,
                     created_at)
SELECT 10000000 + g, :tenant, 10000000 + g, 'PUBLIC', 'CUSTOMER', 'Hello, where is my order?', 'api',
       'bench-m-' || g, now() - interval '3 days' + g * interval '100 milliseconds'
FROM generate_series(1, :open) g;
COMMIT;

SELECT setval('customer_seq', 10000000 + :open + 1000),
       setval('conversation_seq', 10000000 + :open + 1000),
       setval('message_seq', 10000000 + :open + 1000);

VACUUM ANALYZE customer;
VACUUM ANALYZE customer_identity;
VACUUM ANALYZE conversation;
VACUUM ANALYZE message;
