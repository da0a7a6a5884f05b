-- Complaints (handbook 004) and callback requests (handbook 001) on conversations.
ALTER TABLE conversation ADD COLUMN complaint BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE conversation ADD COLUMN complaint_marked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversation ADD COLUMN complaint_steps VARCHAR(100);
ALTER TABLE conversation ADD COLUMN callback_phone VARCHAR(32);
ALTER TABLE conversation ADD COLUMN callback_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversation ADD COLUMN callback_requested_at TIMESTAMP WITH TIME ZONE;

-- The complaint share report counts a tenant's conversations by creation week.
CREATE INDEX conversation_created ON conversation (tenant_id, created_at, complaint);
