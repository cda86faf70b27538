-- Counters behind brute-force protection and sign-up rate limits, shared by every instance.
-- Keys never hold a username in clear: "u:" + SHA-256 of it, "ip:" + address, "signup:" + address.
CREATE TABLE latchkey_attempt (
    attempt_key  VARCHAR(100) NOT NULL PRIMARY KEY,
    attempts     INTEGER NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);

CREATE INDEX latchkey_attempt_last_idx ON latchkey_attempt (last_at);
