-- The queue order across several statuses: the agent app's "All" asks for every active status at
-- once, and the API's sort=queue may name no status. conversation_queue leads with the status, so for
-- those PostgreSQL fetched every matching conversation and sorted them (113 ms at p50 with 1,000,000
-- conversations, 520 ms without a status; benchmarks/inbox). Walked in this order, a page's ids are
-- found within the index: the status is its last column so that rows of other statuses are skipped
-- without reading the table.
CREATE INDEX conversation_queue_all ON conversation (tenant_id, our_client DESC, priority DESC, created_at, id, status);
