-- The database part of each first page the benchmark asks for: the SQL the list query of
-- JpaConversationRepository sends, with literal values. A page is read in two steps: its ids
-- (LIMIT page + 1), then those rows; the second step is the same for every shape (last entry).
-- Variables: tenant (id), me (the benchmark agent's id).
\set ON_ERROR_STOP on
\set active '''OPEN'', ''WAITING_ON_CUSTOMER'', ''ON_HOLD'', ''WAITING_ON_VENDOR'''

\echo '==== open-mine: status=OPEN&assignee=me (newest updated first, 50)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE tenant_id = :tenant AND status IN ('OPEN') AND assignee_id = :me
ORDER BY updated_at DESC, id DESC LIMIT 51;

\echo '==== open-unassigned: status=OPEN&assignee=none (newest updated first, 50)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE tenant_id = :tenant AND status IN ('OPEN') AND assignee_id IS NULL
ORDER BY updated_at DESC, id DESC LIMIT 51;

\echo '==== all-queue: the agent app''s All (every active status, sort=queue, 100)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE tenant_id = :tenant AND status IN (:active)
ORDER BY our_client DESC, priority DESC, created_at, id LIMIT 101;

\echo '==== mine-queue: the agent app''s Mine (every active status, assignee=me, sort=queue, 100)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE tenant_id = :tenant AND status IN (:active) AND assignee_id = :me
ORDER BY our_client DESC, priority DESC, created_at, id LIMIT 101;

\echo '==== any-queue: sort=queue with no status filter (closed ones too, 50)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE tenant_id = :tenant
ORDER BY our_client DESC, priority DESC, created_at, id LIMIT 51;

\echo '==== rows: the 101 rows of a page, by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM conversation WHERE tenant_id = :tenant AND id IN (
  SELECT id FROM conversation WHERE tenant_id = :tenant AND status IN (:active)
  ORDER BY our_client DESC, priority DESC, created_at, id LIMIT 101);

\echo '==== links: one conversation''s links (the view shows them; read per conversation unless batched)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT * FROM conversation_link WHERE conversation_id = 10000001;
