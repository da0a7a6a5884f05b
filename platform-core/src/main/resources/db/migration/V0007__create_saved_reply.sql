CREATE SEQUENCE saved_reply_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE saved_reply (
  id         BIGINT         NOT NULL PRIMARY KEY,
  tenant_id  BIGINT         NOT NULL REFERENCES tenant (id),
  title      VARCHAR(200)   NOT NULL,
  body       VARCHAR(10000) NOT NULL,
  language   VARCHAR(2)     NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version    BIGINT         NOT NULL
);
CREATE INDEX saved_reply_tenant ON saved_reply (tenant_id, title);

CREATE TABLE saved_reply_tag (
  saved_reply_id BIGINT      NOT NULL REFERENCES saved_reply (id) ON DELETE CASCADE,
  tenant_id      BIGINT      NOT NULL,
  tag            VARCHAR(50) NOT NULL,
  PRIMARY KEY (saved_reply_id, tag)
);
CREATE INDEX saved_reply_tag_search ON saved_reply_tag (tenant_id, tag);
