-- The workflow and SLA engine (handbooks 000, 001, 003, 004): per-tenant rules, SLA policies and
-- plans, transfer reasons, the status history the timers are computed from, and the due index the
-- sweeper reads.

-- One row per tenant, written the first time an admin changes a default; absent means defaults.
CREATE TABLE support_rules (
  tenant_id             BIGINT        NOT NULL PRIMARY KEY REFERENCES tenant (id),
  reopen_window         VARCHAR(40)   NOT NULL,
  auto_close_enabled    BOOLEAN       NOT NULL,
  silence               VARCHAR(40)   NOT NULL,
  prompt_wait           VARCHAR(40)   NOT NULL,
  prompt_ru             VARCHAR(1000),
  prompt_en             VARCHAR(1000),
  hold_keywords         VARCHAR(2600) NOT NULL,
  vendor_reply_id       BIGINT        REFERENCES saved_reply (id),
  auto_assign           BOOLEAN       NOT NULL,
  default_policy_id     BIGINT,
  our_clients_policy_id BIGINT,
  calendar_zone         VARCHAR(64)   NOT NULL,
  calendar_periods      VARCHAR(4000) NOT NULL,
  calendar_holidays     VARCHAR(4000) NOT NULL,
  version               BIGINT        NOT NULL
);

CREATE SEQUENCE sla_policy_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sla_policy (
  id              BIGINT       NOT NULL PRIMARY KEY,
  tenant_id       BIGINT       NOT NULL REFERENCES tenant (id),
  name            VARCHAR(100) NOT NULL,
  first_reply     VARCHAR(40)  NOT NULL,
  next_reply      VARCHAR(40)  NOT NULL,
  resolution      VARCHAR(40)  NOT NULL,
  warn_at_share   DOUBLE PRECISION NOT NULL,
  paused_statuses VARCHAR(100) NOT NULL,
  version         BIGINT       NOT NULL,
  CONSTRAINT sla_policy_name_unique UNIQUE (tenant_id, name)
);

CREATE SEQUENCE support_plan_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE support_plan (
  id              BIGINT       NOT NULL PRIMARY KEY,
  tenant_id       BIGINT       NOT NULL REFERENCES tenant (id),
  name            VARCHAR(100) NOT NULL,
  time_to_engage  VARCHAR(40)  NOT NULL,
  policy_id       BIGINT       NOT NULL REFERENCES sla_policy (id),
  version         BIGINT       NOT NULL,
  CONSTRAINT support_plan_name_unique UNIQUE (tenant_id, name)
);

CREATE SEQUENCE transfer_reason_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE transfer_reason (
  id               BIGINT        NOT NULL PRIMARY KEY,
  tenant_id        BIGINT        NOT NULL REFERENCES tenant (id),
  name             VARCHAR(100)  NOT NULL,
  customer_message VARCHAR(2000),
  archived         BOOLEAN       NOT NULL,
  version          BIGINT        NOT NULL,
  CONSTRAINT transfer_reason_name_unique UNIQUE (tenant_id, name)
);

-- Every status a conversation entered, in order: the resolution timer's pauses are computed from it.
CREATE TABLE conversation_status_change (
  conversation_id BIGINT      NOT NULL REFERENCES conversation (id),
  entry_no        INTEGER     NOT NULL,
  status          VARCHAR(20) NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, entry_no)
);

-- Warnings and breaches already announced: the key makes a second sweeper's attempt fail.
CREATE TABLE sla_alert (
  conversation_id BIGINT      NOT NULL REFERENCES conversation (id),
  target          VARCHAR(20) NOT NULL,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  kind            VARCHAR(10) NOT NULL,
  fired_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, target, started_at, kind)
);

ALTER TABLE conversation ADD COLUMN our_client BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversation ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversation ADD COLUMN close_reason VARCHAR(40);
ALTER TABLE conversation ADD COLUMN prompt_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversation ADD COLUMN last_reply_on_hold BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversation ADD COLUMN transfer_reason_id BIGINT REFERENCES transfer_reason (id);
-- Existing open conversations are checked once by the sweeper, which then indexes them precisely.
UPDATE conversation SET next_check_at = updated_at WHERE status <> 'CLOSED';

-- The sweeper's due index: a range scan from the oldest due instant, so its cost follows the number
-- due, not the number open.
CREATE INDEX conversation_due ON conversation (next_check_at);
-- The queue order: our clients first, then priority, then the longest waiting.
CREATE INDEX conversation_queue ON conversation (tenant_id, status, our_client DESC, priority DESC, created_at, id);

ALTER TABLE customer ADD COLUMN our_client BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE saved_reply ADD COLUMN hold BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE agent ADD COLUMN last_assigned_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE agent_department (
  agent_id      BIGINT NOT NULL REFERENCES agent (id),
  department_id BIGINT NOT NULL REFERENCES department (id),
  PRIMARY KEY (agent_id, department_id)
);
CREATE INDEX agent_department_department ON agent_department (department_id);
