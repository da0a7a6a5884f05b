-- The queue order across several statuses: the agent app's "All" asks for every active status at
-- once, and the API's sort=queue may name no status. conversation_queue leads with the status, so for
-- those PostgreSQL fetched every matching conversation and sorted them (65 ms with 200,000
-- conversations, growing with the table). Walked in this order, the first page stops after the first
-- rows of the wanted statuses.
CREATE INDEX conversation_queue_all ON conversation (tenant_id, our_client DESC, priority DESC, created_at, id);
