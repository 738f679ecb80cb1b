-- The desk's work on a patron (R-DESK-3…6, R-FEE-1…3, R-INT-1).

-- R-DESK-3: the identity document seen at the desk: its type, who checked it and when. The
-- document's number is never stored.
CREATE TABLE identity_check (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id     BIGINT      NOT NULL,
    document_type VARCHAR(32) NOT NULL,
    checked_by    VARCHAR(64) NOT NULL,
    checked_at    DATETIME(6) NOT NULL,
    CONSTRAINT fk_identity_check_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_identity_check_patron ON identity_check (patron_id, checked_at);

-- R-FEE-2: a fee is a transaction, then paid (cash) or waived. No foreign key: the cash reports
-- of past days keep their lines; the retention job (R-RET-1) keeps patrons with an open fee.
-- registration_id ties the fees of a registration to the registration step that used them.
CREATE TABLE fee (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    version           BIGINT        NOT NULL DEFAULT 0,
    patron_id         BIGINT        NOT NULL,
    patron_identifier VARCHAR(32)   NOT NULL,
    fee_type          VARCHAR(32)   NOT NULL,
    label             VARCHAR(100)  NOT NULL,
    amount            DECIMAL(8, 2) NOT NULL,
    status            VARCHAR(8)    NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    settled_by        VARCHAR(64),
    settled_at        DATETIME(6),
    site              VARCHAR(16),
    payment_method    VARCHAR(8),
    waiver_reason     VARCHAR(500),
    receipt_number    VARCHAR(40),
    registration_id   BIGINT,
    CONSTRAINT ck_fee_amount CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_fee_patron ON fee (patron_id, status);
CREATE INDEX ix_fee_settled ON fee (settled_at, site);
CREATE INDEX ix_fee_receipt ON fee (receipt_number);

-- R-DESK-4: each registration step; the welcome mail is sent from a committed event, once.
CREATE TABLE registration (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id          BIGINT      NOT NULL,
    patron_identifier  VARCHAR(32) NOT NULL,
    registered_by      VARCHAR(64) NOT NULL,
    registered_at      DATETIME(6) NOT NULL,
    site               VARCHAR(16) NOT NULL,
    expiration_date    DATE        NOT NULL,
    welcome_mail       VARCHAR(8)  NOT NULL,
    welcome_mail_at    DATETIME(6),
    CONSTRAINT fk_registration_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_registration_patron ON registration (patron_id, registered_at);
CREATE INDEX ix_registration_pending ON registration (welcome_mail);

-- R-INT-1: the patron's directory account as this application last asked for it. request_id is
-- the latest request: an older request retried late is recognised and dropped.
CREATE TABLE directory_account (
    patron_id    BIGINT       PRIMARY KEY,
    uid          VARCHAR(32)  NOT NULL,
    request_id   VARCHAR(36)  NOT NULL,
    state        VARCHAR(8)   NOT NULL,
    requested_by VARCHAR(64)  NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    completed_at DATETIME(6),
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(200),
    CONSTRAINT uk_directory_account_uid UNIQUE (uid),
    CONSTRAINT fk_directory_account_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_directory_account_state ON directory_account (state);

-- R-DESK-3: who validated a pre-registration, and when (a rejected or taken-over entry is deleted
-- with its record).
ALTER TABLE pre_registration
    ADD COLUMN decided_by VARCHAR(64) NULL,
    ADD COLUMN decided_at DATETIME(6) NULL;
