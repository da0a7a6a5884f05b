-- Rate limits every instance of a cluster enforces together (with N instances a tenant still gets
-- the limit once). Each row is read with SELECT ... FOR UPDATE in a short transaction of its own.

-- A module's vendor call pacer: the times (epoch milliseconds, space-separated, oldest first) of the
-- calls made in the last window, at most one per permit. bucket is "module/name", e.g. "amocrm/api".
CREATE TABLE rate_call_log (
  tenant_id  BIGINT         NOT NULL REFERENCES tenant (id),
  bucket     VARCHAR(200)   NOT NULL,
  call_times VARCHAR(20000) NOT NULL,
  CONSTRAINT rate_call_log_pk PRIMARY KEY (tenant_id, bucket)
);

-- The public chat widget's one-minute counters, per visitor token or client address (an address is
-- counted across tenants, so the rows carry no tenant). Closed windows are deleted now and then.
CREATE TABLE rate_counter (
  bucket  VARCHAR(200)             NOT NULL,
  ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
  calls   INTEGER                  NOT NULL,
  CONSTRAINT rate_counter_pk PRIMARY KEY (bucket)
);
CREATE INDEX rate_counter_ends ON rate_counter (ends_at);
