-- One word for one concept: what V2 called a refresh-token family is a session everywhere
-- (the API, the code, the sid claim). Renames only; no row changes. The same SQL runs on H2
-- and PostgreSQL.
ALTER TABLE latchkey_token_family RENAME TO latchkey_session;
ALTER INDEX latchkey_token_family_user_idx RENAME TO latchkey_session_user_idx;
ALTER INDEX latchkey_token_family_revoked_idx RENAME TO latchkey_session_revoked_idx;
ALTER INDEX latchkey_token_family_expires_idx RENAME TO latchkey_session_expires_idx;

ALTER TABLE latchkey_outstanding_token RENAME COLUMN family_id TO session_id;
ALTER INDEX latchkey_outstanding_token_family_idx RENAME TO latchkey_outstanding_token_session_idx;
