CREATE SEQUENCE message_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE attachment_seq START WITH 50 INCREMENT BY 50;

-- Public messages and internal notes share the table; "visibility" is the entity type
-- (PUBLIC = PublicMessage, INTERNAL = InternalNote), never a flag set on its own.
CREATE TABLE message (
  id              BIGINT          NOT NULL PRIMARY KEY,
  tenant_id       BIGINT          NOT NULL REFERENCES tenant (id),
  conversation_id BIGINT          NOT NULL REFERENCES conversation (id),
  visibility      VARCHAR(10)     NOT NULL,
  author_type     VARCHAR(10)     NOT NULL,
  author_agent_id BIGINT          REFERENCES agent (id),
  text            VARCHAR(65536)  NOT NULL,
  channel         VARCHAR(30),
  external_id     VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT message_visibility_known CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
  CONSTRAINT message_internal_has_no_external_id CHECK (visibility = 'PUBLIC' OR external_id IS NULL),
  -- A channel's message id is stored once: redelivery is detected here even under a race.
  CONSTRAINT message_external_unique UNIQUE (tenant_id, channel, external_id)
);
CREATE INDEX message_timeline ON message (tenant_id, conversation_id, created_at, id);

CREATE TABLE attachment (
  id           BIGINT       NOT NULL PRIMARY KEY,
  tenant_id    BIGINT       NOT NULL REFERENCES tenant (id),
  message_id   BIGINT       NOT NULL REFERENCES message (id),
  name         VARCHAR(255) NOT NULL,
  content_type VARCHAR(150) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  content_key  VARCHAR(100) NOT NULL
);
CREATE INDEX attachment_message ON attachment (tenant_id, message_id);

CREATE TABLE attachment_content (
  content_key VARCHAR(100) NOT NULL PRIMARY KEY,
  tenant_id   BIGINT       NOT NULL REFERENCES tenant (id),
  content     BYTEA        NOT NULL
);
