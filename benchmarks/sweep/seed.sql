-- Bulk data for the sweep benchmark: :open open conversations of tenant :tenant, each with its own
-- customer (and channel identity) and one customer message, created between three and about two
-- days ago. None is due (next_check_at NULL): that is what the sweeper leaves once every timer of a
-- conversation has been announced and nothing can happen until someone acts.
--
-- Ids start at 10,000,001 so the application's own sequences never reach them; the sequences are
-- moved past them at the end anyway. Variables: tenant (id), open (count).
--
-- Another benchmark may spread the rows differently by setting, before it includes this file, any of
-- these SQL expressions over g (1..open, oldest first), at (its creation time) and die (0..999, a
-- fixed pseudo-random number of the row): customers (how many customers the conversations share),
-- start and spacing (of the creation times), status_sql, assignee_sql, priority_sql, our_client_sql,
-- next_check_sql, closed_at_sql. The defaults are the sweep's rows described above.
\set ON_ERROR_STOP on
\timing on
\if :{?customers}
\else
\set customers :open
\endif
\if :{?start}
\else
\set start 'now() - interval ''3 days'''
\endif
\if :{?spacing}
\else
\set spacing 'interval ''100 milliseconds'''
\endif
\if :{?status_sql}
\else
\set status_sql '''OPEN'''
\endif
\if :{?assignee_sql}
\else
\set assignee_sql 'NULL::bigint'
\endif
\if :{?priority_sql}
\else
\set priority_sql 2
\endif
\if :{?our_client_sql}
\else
\set our_client_sql FALSE
\endif
\if :{?next_check_sql}
\else
\set next_check_sql 'NULL::timestamptz'
\endif
\if :{?closed_at_sql}
\else
\set closed_at_sql 'NULL::timestamptz'
\endif

BEGIN;
INSERT INTO customer (id, tenant_id, name, email, created_at, updated_at, version)
SELECT 10000000 + g, :tenant, 'Customer ' || g, 'c' || g || '@bench.test',
       now() - interval '3 days', now() - interval '3 days', 1
FROM generate_series(1, :customers) g;

INSERT INTO customer_identity (customer_id, tenant_id, channel, external_id)
SELECT 10000000 + g, :tenant, 'api', 'bench-' || g
FROM generate_series(1, :customers) g;

-- By default one conversation every 100 ms: a million of them span about 28 hours.
INSERT INTO conversation (id, tenant_id, customer_id, channel, status, priority, subject, created_at, updated_at,
                          last_customer_message_at, version, complaint, our_client, last_reply_on_hold,
                          next_check_at, assignee_id, closed_at)
SELECT 10000000 + g, :tenant, 10000001 + (g - 1) % :customers, 'api', :status_sql, :priority_sql, NULL, at,
       coalesce(:closed_at_sql, at), at, 1, FALSE, :our_client_sql, FALSE, :next_check_sql, :assignee_sql,
       :closed_at_sql
FROM generate_series(1, :open) g
CROSS JOIN LATERAL (SELECT :start + g * :spacing AS at, abs(hashint4(g)::bigint) % 1000 AS die) t;

INSERT INTO message (id, tenant_id, conversation_id, visibility, author_type, text, channel, external_id,
                     created_at)
SELECT 10000000 + g, :tenant, 10000000 + g, 'PUBLIC', 'CUSTOMER', 'Hello, where is my order?', 'api',
       'bench-m-' || g, :start + g * :spacing
FROM generate_series(1, :open) g;
COMMIT;

SELECT setval('customer_seq', 10000000 + :open + 1000),
       setval('conversation_seq', 10000000 + :open + 1000),
       setval('message_seq', 10000000 + :open + 1000);

VACUUM ANALYZE customer;
VACUUM ANALYZE customer_identity;
VACUUM ANALYZE conversation;
VACUUM ANALYZE message;
