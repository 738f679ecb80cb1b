-- R-PRE-4: a confirmation link that has served says so when it is opened again ("your address is
-- confirmed already") instead of offering the button again. The links of a confirmed entry leave
-- pre_registration_token as before; their hashes are kept here, with the entry and the links' own
-- expiry, and leave with the entry.

CREATE TABLE pre_registration_spent_link (
    token_hash          CHAR(64)    NOT NULL PRIMARY KEY,
    pre_registration_id BIGINT      NOT NULL,
    expires_at          DATETIME(6) NOT NULL,
    spent_at            DATETIME(6) NOT NULL,
    CONSTRAINT fk_pre_registration_spent_link FOREIGN KEY (pre_registration_id)
        REFERENCES pre_registration (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
