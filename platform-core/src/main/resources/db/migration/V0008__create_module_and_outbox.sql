CREATE SEQUENCE tenant_module_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE module_change_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE module_mapping_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE outbox_job_seq START WITH 50 INCREMENT BY 50;

-- A tenant's settings of one module; secrets are AES-GCM sealed, never stored in the clear.
CREATE TABLE tenant_module (
  id             BIGINT         NOT NULL PRIMARY KEY,
  tenant_id      BIGINT         NOT NULL REFERENCES tenant (id),
  module_id      VARCHAR(50)    NOT NULL,
  enabled        BOOLEAN        NOT NULL,
  config_json    VARCHAR(20000) NOT NULL,
  sealed_secrets VARCHAR(20000),
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by     BIGINT,
  version        BIGINT         NOT NULL,
  CONSTRAINT tenant_module_unique UNIQUE (tenant_id, module_id)
);

CREATE TABLE module_change (
  id           BIGINT        NOT NULL PRIMARY KEY,
  tenant_id    BIGINT        NOT NULL REFERENCES tenant (id),
  module_id    VARCHAR(50)   NOT NULL,
  agent_id     BIGINT,
  action       VARCHAR(20)   NOT NULL,
  changed_keys VARCHAR(2000),
  changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX module_change_history ON module_change (tenant_id, module_id, changed_at);

-- What a module created at its vendor, so a retried job updates instead of creating twice.
CREATE TABLE module_mapping (
  id         BIGINT       NOT NULL PRIMARY KEY,
  tenant_id  BIGINT       NOT NULL REFERENCES tenant (id),
  module_id  VARCHAR(50)  NOT NULL,
  local_type VARCHAR(50)  NOT NULL,
  local_id   VARCHAR(200) NOT NULL,
  remote_id  VARCHAR(500) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT module_mapping_unique UNIQUE (tenant_id, module_id, local_type, local_id)
);

CREATE TABLE outbox_job (
  id              BIGINT          NOT NULL PRIMARY KEY,
  tenant_id       BIGINT          NOT NULL REFERENCES tenant (id),
  module_id       VARCHAR(50)     NOT NULL,
  idempotency_key VARCHAR(200)    NOT NULL,
  ordering_key    VARCHAR(100)    NOT NULL,
  kind            VARCHAR(10)     NOT NULL,
  job_type        VARCHAR(60)     NOT NULL,
  payload         VARCHAR(100000) NOT NULL,
  state           VARCHAR(12)     NOT NULL,
  attempts        INTEGER         NOT NULL,
  max_attempts    INTEGER         NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_owner     VARCHAR(100),
  lease_until     TIMESTAMP WITH TIME ZONE,
  last_error      VARCHAR(2000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT outbox_job_idempotency UNIQUE (tenant_id, module_id, idempotency_key)
);
-- The workers' scan: due jobs first.
CREATE INDEX outbox_job_due ON outbox_job (state, next_attempt_at, id);
-- "Is an older job of the same conversation still unfinished?" for per-key ordering.
CREATE INDEX outbox_job_ordering ON outbox_job (tenant_id, module_id, ordering_key, state, id);
-- The admin list.
CREATE INDEX outbox_job_admin ON outbox_job (tenant_id, state, module_id, id);
