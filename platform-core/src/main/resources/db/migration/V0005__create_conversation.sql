CREATE SEQUENCE conversation_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE conversation (
  id                       BIGINT       NOT NULL PRIMARY KEY,
  tenant_id                BIGINT       NOT NULL REFERENCES tenant (id),
  customer_id              BIGINT       NOT NULL REFERENCES customer (id),
  channel                  VARCHAR(30)  NOT NULL,
  department_id            BIGINT       REFERENCES department (id),
  assignee_id              BIGINT       REFERENCES agent (id),
  category_id              BIGINT       REFERENCES category (id),
  status                   VARCHAR(20)  NOT NULL,
  priority                 INTEGER      NOT NULL,
  subject                  VARCHAR(300),
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  last_customer_message_at TIMESTAMP WITH TIME ZONE,
  last_agent_message_at    TIMESTAMP WITH TIME ZONE,
  closed_at                TIMESTAMP WITH TIME ZONE,
  version                  BIGINT       NOT NULL,
  CONSTRAINT conversation_tenant_id_unique UNIQUE (tenant_id, id)
);

-- The inbox: "Mine" / "Unassigned" / by status, newest first, keyset-paginated on (updated_at, id).
CREATE INDEX conversation_inbox ON conversation (tenant_id, status, assignee_id, updated_at DESC, id DESC);
-- "All" without a status filter.
CREATE INDEX conversation_all ON conversation (tenant_id, updated_at DESC, id DESC);
-- The active conversation of a customer on a channel, found on every inbound message.
CREATE INDEX conversation_customer ON conversation (tenant_id, customer_id, channel, status);
CREATE INDEX conversation_department ON conversation (tenant_id, department_id, updated_at DESC, id DESC);
CREATE INDEX conversation_category ON conversation (tenant_id, category_id, updated_at DESC, id DESC);

CREATE TABLE conversation_link (
  conversation_id BIGINT      NOT NULL REFERENCES conversation (id),
  tenant_id       BIGINT      NOT NULL,
  related_id      BIGINT      NOT NULL REFERENCES conversation (id),
  kind            VARCHAR(20) NOT NULL,
  PRIMARY KEY (conversation_id, related_id, kind)
);
