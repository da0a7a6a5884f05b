-- A module lists its own records of one kind, the most recently changed first (Mappings.recent):
-- the #forum's answered questions, the conversations waiting for an auto-ask.
CREATE INDEX module_mapping_recent ON module_mapping (tenant_id, module_id, local_type, updated_at);
