-- R-CARD-1…5: a patron's photo at card resolution, and the cards printed for them. The latest
-- card that is not REPLACED is the patron's card; a reprint replaces it and its code.
CREATE TABLE patron_photo (
    patron_id BIGINT      PRIMARY KEY,
    jpeg      MEDIUMBLOB  NOT NULL,
    source    VARCHAR(8)  NOT NULL,
    taken_by  VARCHAR(64) NOT NULL,
    taken_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_patron_photo_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- code_hash: HMAC-SHA-256 of the 4-digit activation code under the server's secret and the card's
-- id, never the code; null for a card printed already activated.
CREATE TABLE card (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id       BIGINT      NOT NULL,
    status          VARCHAR(10) NOT NULL,
    reason          VARCHAR(16) NOT NULL,
    code_hash       CHAR(64),
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_at       DATETIME(6),
    site            VARCHAR(16) NOT NULL,
    printed_by      VARCHAR(64) NOT NULL,
    printed_at      DATETIME(6) NOT NULL,
    activated_at    DATETIME(6),
    CONSTRAINT fk_card_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_card_patron_status ON card (patron_id, status);
