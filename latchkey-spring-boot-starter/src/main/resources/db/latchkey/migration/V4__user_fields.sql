-- Extra sign-up fields an application declares (SignUpField beans), one row per user and field.
CREATE TABLE latchkey_user_field (
    user_id     BIGINT NOT NULL REFERENCES latchkey_user (id) ON DELETE CASCADE,
    field_name  VARCHAR(64) NOT NULL,
    field_value VARCHAR(1024) NOT NULL,
    CONSTRAINT latchkey_user_field_pk PRIMARY KEY (user_id, field_name)
);
