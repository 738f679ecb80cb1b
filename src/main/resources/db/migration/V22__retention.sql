-- Retention and the patrons' data rights (R-RET-1, R-RET-2, issue 17).

-- A manager's hold (a legal or disputed case): the patron stays out of every purge until lifted.
CREATE TABLE retention_hold (
    patron_id BIGINT       PRIMARY KEY,
    reason    VARCHAR(500) NOT NULL,
    held_by   VARCHAR(64)  NOT NULL,
    held_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_retention_hold_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each purge run (nightly or started by an administrator) and each erasure on request: what it
-- removed, counted by kind, never who. kind: PURGE or ERASURE; status: RUNNING, COMPLETED,
-- STOPPED, FAILED. due: the patrons past their purge date when the run started (its progress).
CREATE TABLE purge_run (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind              VARCHAR(8)   NOT NULL,
    purge_before      DATE         NOT NULL,
    started_by        VARCHAR(64)  NOT NULL,
    started_at        DATETIME(6)  NOT NULL,
    finished_at       DATETIME(6),
    status            VARCHAR(10)  NOT NULL,
    stop_requested    BOOLEAN      NOT NULL DEFAULT FALSE,
    due               INT          NOT NULL DEFAULT 0,
    purged            INT          NOT NULL DEFAULT 0,
    purged_b          INT          NOT NULL DEFAULT 0,
    purged_bx         INT          NOT NULL DEFAULT 0,
    purged_u          INT          NOT NULL DEFAULT 0,
    purged_s          INT          NOT NULL DEFAULT 0,
    purged_c          INT          NOT NULL DEFAULT 0,
    skipped_fee       INT          NOT NULL DEFAULT 0,
    skipped_hold      INT          NOT NULL DEFAULT 0,
    note              VARCHAR(500)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_purge_run_started ON purge_run (started_at);

-- The patrons a run skipped, and why (an open fee, a hold): they are still here, so they are
-- named; their lines go when they are purged themselves.
CREATE TABLE purge_run_line (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id             BIGINT       NOT NULL,
    patron_id          BIGINT       NOT NULL,
    primary_identifier VARCHAR(32)  NOT NULL,
    outcome            VARCHAR(12)  NOT NULL,
    detail             VARCHAR(500),
    CONSTRAINT fk_purge_run_line_run FOREIGN KEY (run_id) REFERENCES purge_run (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_purge_run_line_run ON purge_run_line (run_id, id);
CREATE INDEX ix_purge_run_line_patron ON purge_run_line (patron_id);

-- A purged patron's fees stay for the cash reports (amount, type, site, operator, dates), without
-- the patron: patron_id 0 and no identifier from anonymised_at on.
ALTER TABLE fee ADD COLUMN anonymised_at DATETIME(6) NULL;

-- R-ID-3: the B and BX identifiers of erased patrons, never given again (the sequences skip an
-- identifier worn or retired; an identifier set outside them — demo data, a migration — is covered
-- too). Only the identifier and the day: nothing leads back to the person.
CREATE TABLE retired_identifier (
    id_value   VARCHAR(32) PRIMARY KEY,
    retired_on DATE        NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
