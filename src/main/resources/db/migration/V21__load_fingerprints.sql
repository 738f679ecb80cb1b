-- Issue 16, R-SIS-5: an unchanged night nearly free.

-- The fingerprint of the row last applied to a record, as the file wrote it and as the day's rules
-- read it: a row with the same fingerprint is known unchanged from the file alone, without being
-- read into a record. Found through the primary identifier (already indexed): no index of its own.
ALTER TABLE patron
    ADD COLUMN row_key CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL;

-- The rows of a synchronization that are not the row last applied, kept by the check in their fixed
-- form for the people step, in the file's order. Personal data: deleted when the run ends (completed
-- or refused); a stopped or failed run keeps them until it is resumed.
CREATE TABLE load_pending_row (
    run_id     BIGINT       NOT NULL,
    seq        BIGINT       NOT NULL,
    file_name  VARCHAR(255) NOT NULL,
    element_no BIGINT       NOT NULL,
    line_no    BIGINT       NOT NULL,
    primary_id VARCHAR(200) NULL,
    row_xml    MEDIUMTEXT   NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_load_pending_row_run FOREIGN KEY (run_id) REFERENCES load_run (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
