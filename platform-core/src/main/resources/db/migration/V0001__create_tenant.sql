CREATE SEQUENCE tenant_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE tenant (
  id          BIGINT       NOT NULL PRIMARY KEY,
  slug        VARCHAR(40)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  timezone    VARCHAR(64)  NOT NULL,
  language    VARCHAR(2)   NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  version     BIGINT       NOT NULL,
  CONSTRAINT tenant_slug_unique UNIQUE (slug)
);

CREATE TABLE tenant_setting (
  tenant_id BIGINT        NOT NULL REFERENCES tenant (id),
  name      VARCHAR(100)  NOT NULL,
  setting_value VARCHAR(4000),
  PRIMARY KEY (tenant_id, name)
);

-- Server-wide values owned by no tenant (the platform admin token's digest).
CREATE TABLE platform_setting (
  name  VARCHAR(100)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(4000) NOT NULL
);
