CREATE SEQUENCE department_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE category_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE department (
  id          BIGINT        NOT NULL PRIMARY KEY,
  tenant_id   BIGINT        NOT NULL REFERENCES tenant (id),
  name        VARCHAR(200)  NOT NULL,
  description VARCHAR(2000),
  version     BIGINT        NOT NULL,
  CONSTRAINT department_tenant_id_unique UNIQUE (tenant_id, id)
);
CREATE INDEX department_tenant_name ON department (tenant_id, name);

CREATE TABLE category (
  id        BIGINT       NOT NULL PRIMARY KEY,
  tenant_id BIGINT       NOT NULL REFERENCES tenant (id),
  name      VARCHAR(200) NOT NULL,
  scope     VARCHAR(20)  NOT NULL,
  archived  BOOLEAN      NOT NULL,
  version   BIGINT       NOT NULL,
  CONSTRAINT category_tenant_id_unique UNIQUE (tenant_id, id)
);
CREATE INDEX category_tenant_name ON category (tenant_id, name);
