-- R-PRE-4, R-INT-2: the confirmation mail is sent once per submission, and a mail sent again (after
-- a failure between the mail server's acceptance and the database's commit) never kills the link of
-- an earlier one. Confirmation links therefore get a table of their own (several may be valid at
-- once, each kept only as its SHA-256 hash), and the entry records when each of its mails went out,
-- locked and marked in the transaction that sends it.

CREATE TABLE pre_registration_token (
    token_hash          CHAR(64)    NOT NULL PRIMARY KEY,
    pre_registration_id BIGINT      NOT NULL,
    expires_at          DATETIME(6) NOT NULL,
    created_at          DATETIME(6) NOT NULL,
    CONSTRAINT fk_pre_registration_token FOREIGN KEY (pre_registration_id)
        REFERENCES pre_registration (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO pre_registration_token (token_hash, pre_registration_id, expires_at, created_at)
SELECT token_hash, id, token_expires_at, created_at
FROM pre_registration
WHERE token_hash IS NOT NULL AND token_expires_at IS NOT NULL;

ALTER TABLE pre_registration
    ADD COLUMN confirmation_mail_at DATETIME(6) NULL,
    ADD COLUMN reminder_mail_at     DATETIME(6) NULL;

-- Entries whose link was issued, or that are confirmed already, had their mail.
UPDATE pre_registration SET confirmation_mail_at = created_at
WHERE token_hash IS NOT NULL OR status <> 'AWAITING_EMAIL_CONFIRMATION';
UPDATE pre_registration SET reminder_mail_at = reminder_sent_at WHERE reminder_sent_at IS NOT NULL;

ALTER TABLE pre_registration
    DROP INDEX uk_pre_registration_token,
    DROP COLUMN token_hash,
    DROP COLUMN token_expires_at;
