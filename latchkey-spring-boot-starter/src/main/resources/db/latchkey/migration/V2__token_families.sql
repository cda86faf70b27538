-- Refresh-token families (sessions): sign-up and each login start one; rotation keeps it.
CREATE TABLE latchkey_token_family (
    id           VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES latchkey_user (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    user_agent   VARCHAR(512) NOT NULL DEFAULT '',
    ip           VARCHAR(64) NOT NULL DEFAULT ''
);

CREATE INDEX latchkey_token_family_user_idx ON latchkey_token_family (user_id);
CREATE INDEX latchkey_token_family_revoked_idx ON latchkey_token_family (revoked_at);
CREATE INDEX latchkey_token_family_expires_idx ON latchkey_token_family (expires_at);

-- Rotation: which token replaced this one, and when (reuse detection and the grace window).
ALTER TABLE latchkey_outstanding_token ADD COLUMN replaced_by VARCHAR(255);
ALTER TABLE latchkey_outstanding_token ADD COLUMN replaced_at TIMESTAMP WITH TIME ZONE;
