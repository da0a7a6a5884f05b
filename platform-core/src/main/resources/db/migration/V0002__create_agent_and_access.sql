-- Sequences start at their increment so ids are positive whichever end of a block the ORM takes.
CREATE SEQUENCE agent_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE agent_token_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE agent (
  id            BIGINT       NOT NULL PRIMARY KEY,
  tenant_id     BIGINT       NOT NULL REFERENCES tenant (id),
  email         VARCHAR(254) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  roles         VARCHAR(100) NOT NULL,
  availability  VARCHAR(10)  NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  active        BOOLEAN      NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       BIGINT       NOT NULL,
  CONSTRAINT agent_email_unique UNIQUE (tenant_id, email)
);

CREATE TABLE agent_token (
  id          BIGINT      NOT NULL PRIMARY KEY,
  tenant_id   BIGINT      NOT NULL REFERENCES tenant (id),
  agent_id    BIGINT      NOT NULL REFERENCES agent (id),
  digest      VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT agent_token_digest_unique UNIQUE (digest)
);
CREATE INDEX agent_token_agent ON agent_token (tenant_id, agent_id);

CREATE TABLE api_key (
  id          BIGINT       NOT NULL PRIMARY KEY,
  tenant_id   BIGINT       NOT NULL REFERENCES tenant (id),
  name        VARCHAR(200) NOT NULL,
  scope       VARCHAR(10)  NOT NULL,
  digest      VARCHAR(64)  NOT NULL,
  hint        VARCHAR(16)  NOT NULL,
  created_by  BIGINT,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_key_digest_unique UNIQUE (digest)
);
CREATE INDEX api_key_tenant ON api_key (tenant_id, id);
