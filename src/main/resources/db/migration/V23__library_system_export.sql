-- The export of the external patrons (B, BX) to the library system (R-INT-3, issue 17).

-- Each export: full or delta (changed since the start of the last completed export), its counts
-- and the files it wrote (at most 20,000 users each, zipped).
CREATE TABLE export_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(8)   NOT NULL,
    since        DATETIME(6),
    started_by   VARCHAR(64)  NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    finished_at  DATETIME(6),
    status       VARCHAR(10)  NOT NULL,
    users        INT          NOT NULL DEFAULT 0,
    deleted      INT          NOT NULL DEFAULT 0,
    note         VARCHAR(500)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_export_run_status ON export_run (status, started_at);

CREATE TABLE export_file (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id   BIGINT       NOT NULL,
    name     VARCHAR(100) NOT NULL,
    users    INT          NOT NULL,
    bytes    BIGINT       NOT NULL,
    sha256   CHAR(64)     NOT NULL,
    CONSTRAINT uk_export_file_name UNIQUE (name),
    CONSTRAINT fk_export_file_run FOREIGN KEY (run_id) REFERENCES export_run (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Erased patrons the library system has not been told of yet: only the identifier, the kind and
-- the group, deleted once a completed export carried them (as an inactive user to purge).
CREATE TABLE export_deletion (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    primary_identifier VARCHAR(32)  NOT NULL,
    kind               VARCHAR(2)   NOT NULL,
    user_group         VARCHAR(100) NOT NULL,
    erased_on          DATE         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A delta reads the records changed since the last export.
CREATE INDEX ix_patron_updated ON patron (updated_at);
