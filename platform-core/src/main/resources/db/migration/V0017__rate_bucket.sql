-- A module's leaky bucket (Bitrix24: each request adds one, two drain a second, over 50 is refused),
-- filled by every instance of a cluster together. Its whole state is one time: when the bucket would
-- be empty if no more requests came. Read with SELECT ... FOR UPDATE in a short transaction of its own,
-- like rate_call_log. bucket is "module/name", e.g. "bitrix24/portal".
CREATE TABLE rate_bucket (
  tenant_id BIGINT                   NOT NULL REFERENCES tenant (id),
  bucket    VARCHAR(200)             NOT NULL,
  empty_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT rate_bucket_pk PRIMARY KEY (tenant_id, bucket)
);
