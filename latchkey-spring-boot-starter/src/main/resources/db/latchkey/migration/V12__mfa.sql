-- Issue #19: second factors (TOTP, recovery codes) and passkeys.

-- How each session's user authenticated (RFC 8176 method names, space-separated: "pwd",
-- "pwd otp", "webauthn"): the amr claim of its access tokens, kept across refresh and rotation.
ALTER TABLE latchkey_session ADD COLUMN amr VARCHAR(64) NOT NULL DEFAULT 'pwd';

-- One TOTP secret per user, AES-GCM encrypted with latchkey.mfa.encryption-key. A secret is
-- pending until a first code confirms it. last_step is the last time step whose code was
-- accepted: a code is accepted only for a later step, so none is accepted twice.
CREATE TABLE latchkey_totp (
    user_id      BIGINT NOT NULL PRIMARY KEY REFERENCES latchkey_user (id) ON DELETE CASCADE,
    secret       VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    last_step    BIGINT NOT NULL DEFAULT -1
);

-- Single-use recovery codes, kept as keyed hashes (HMAC-SHA-256) of 80-bit random codes.
CREATE TABLE latchkey_recovery_code (
    user_id    BIGINT NOT NULL REFERENCES latchkey_user (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- The short-lived token between a right password and the second factor: SHA-256 of a 256-bit
-- random token; deleted when used or expired.
CREATE TABLE latchkey_mfa_challenge (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX latchkey_mfa_challenge_expires_idx ON latchkey_mfa_challenge (expires_at);

-- Passkeys (WebAuthn): the user handle given to authenticators, and the credentials.
CREATE TABLE latchkey_passkey_user (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES latchkey_user (id) ON DELETE CASCADE,
    handle  VARCHAR(128) NOT NULL UNIQUE,
    name    VARCHAR(255) NOT NULL UNIQUE
);

CREATE TABLE latchkey_passkey (
    credential_id      VARCHAR(1400) NOT NULL PRIMARY KEY,
    user_id            BIGINT NOT NULL REFERENCES latchkey_user (id) ON DELETE CASCADE,
    user_handle        VARCHAR(128) NOT NULL,
    label              VARCHAR(255) NOT NULL,
    credential_type    VARCHAR(32) NOT NULL,
    public_key         TEXT NOT NULL,
    signature_count    BIGINT NOT NULL,
    uv_initialized     BOOLEAN NOT NULL,
    backup_eligible    BOOLEAN NOT NULL,
    backup_state       BOOLEAN NOT NULL,
    transports         VARCHAR(255) NOT NULL,
    attestation_object TEXT,
    client_data_json   TEXT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX latchkey_passkey_user_idx ON latchkey_passkey (user_id);

-- WebAuthn ceremonies in progress: the challenge handed out (base64url), whose the ceremony is,
-- and until when it may be answered. Kept in the database so any instance can finish it.
CREATE TABLE latchkey_webauthn_challenge (
    challenge  VARCHAR(128) NOT NULL PRIMARY KEY,
    purpose    VARCHAR(16) NOT NULL,
    user_id    BIGINT,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX latchkey_webauthn_challenge_expires_idx ON latchkey_webauthn_challenge (expires_at);
