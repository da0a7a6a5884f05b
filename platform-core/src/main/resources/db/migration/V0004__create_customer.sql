CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE customer_note_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE customer (
  id           BIGINT       NOT NULL PRIMARY KEY,
  tenant_id    BIGINT       NOT NULL REFERENCES tenant (id),
  name         VARCHAR(200),
  email        VARCHAR(254),
  phone        VARCHAR(32),
  language     VARCHAR(2),
  account_id   VARCHAR(100),
  plan         VARCHAR(100),
  ltv_amount   NUMERIC(19, 2),
  ltv_currency VARCHAR(3),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  version      BIGINT       NOT NULL,
  CONSTRAINT customer_tenant_id_unique UNIQUE (tenant_id, id)
);
CREATE INDEX customer_tenant_email ON customer (tenant_id, email);
CREATE INDEX customer_tenant_phone ON customer (tenant_id, phone);

-- A channel's id of a person is unique per tenant: that is how a returning customer is recognised.
CREATE TABLE customer_identity (
  customer_id BIGINT       NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  tenant_id   BIGINT       NOT NULL,
  channel     VARCHAR(30)  NOT NULL,
  external_id VARCHAR(200) NOT NULL,
  CONSTRAINT customer_identity_unique UNIQUE (tenant_id, channel, external_id)
);
CREATE INDEX customer_identity_customer ON customer_identity (customer_id);

CREATE TABLE customer_tag (
  customer_id BIGINT      NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  tenant_id   BIGINT      NOT NULL,
  tag         VARCHAR(50) NOT NULL,
  PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tag_search ON customer_tag (tenant_id, tag, customer_id);

CREATE TABLE customer_attribute (
  customer_id BIGINT        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  tenant_id   BIGINT        NOT NULL,
  name        VARCHAR(100)  NOT NULL,
  attribute_value VARCHAR(2000),
  PRIMARY KEY (customer_id, name)
);

CREATE TABLE customer_note (
  id          BIGINT         NOT NULL PRIMARY KEY,
  tenant_id   BIGINT         NOT NULL REFERENCES tenant (id),
  customer_id BIGINT         NOT NULL REFERENCES customer (id),
  author_id   BIGINT,
  text        VARCHAR(10000) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_note_customer ON customer_note (tenant_id, customer_id, created_at);
