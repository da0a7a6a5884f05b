-- The database part of one sweep round at :open open conversations: the due query, as written in
-- JpaDueIndex, with :due conversations due. The marking is rolled back, so the running sweeper never
-- sees these rows. ANALYZE inside the transaction gives the planner statistics that include them.
-- Variables: open, due, first (first permutation index, away from the ranges the runs use).
\set ON_ERROR_STOP on
BEGIN;
UPDATE conversation SET next_check_at = now() - interval '1 second'
WHERE id IN (SELECT 10000001 + (k::bigint * 7919) % :open FROM generate_series(:first, :first + :due - 1) k);
ANALYZE conversation;

\echo '-- one round: the first 500 due, literal now()'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE next_check_at <= now() ORDER BY next_check_at LIMIT 500;

\echo '-- the same as a generic prepared plan (what a pooled JDBC statement ends up with)'
SET LOCAL plan_cache_mode = force_generic_plan;
PREPARE due(timestamptz, int) AS
  SELECT id FROM conversation WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE due(now(), 500);
DEALLOCATE due;

\echo '-- every due id, no limit: the whole range the rounds walk through'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM conversation WHERE next_check_at <= now() ORDER BY next_check_at;
ROLLBACK;
