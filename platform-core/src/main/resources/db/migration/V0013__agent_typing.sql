-- "Anna is typing…": one row per agent and conversation, kept in the database (not in memory) so
-- an agent on one instance sees a colleague typing on another. A row past until_at means nothing.
CREATE TABLE agent_typing (
  tenant_id       BIGINT NOT NULL REFERENCES tenant (id),
  conversation_id BIGINT NOT NULL REFERENCES conversation (id),
  agent_id        BIGINT NOT NULL REFERENCES agent (id),
  until_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT agent_typing_pk PRIMARY KEY (conversation_id, agent_id)
);
CREATE INDEX agent_typing_live ON agent_typing (tenant_id, until_at);

-- The live feed asks every second what changed lately in a tenant.
CREATE INDEX message_live ON message (tenant_id, created_at);
