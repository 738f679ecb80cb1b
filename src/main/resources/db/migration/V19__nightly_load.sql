-- Issue 16: the nightly load of the university's people (R-SIS-1…5).

-- The patron module: what the load needs to know a row is unchanged without comparing it field by
-- field (R-SIS-5: a hash of the file's values as last applied), the day of the last synchronization
-- (R-SIS-3, the "synchronized on" note, one value updated, never one note per night) and the run
-- that did it (to tell the same person twice in one file). Written by the load alone, never by the
-- record's own changes: an unchanged night moves no version and writes no history.
ALTER TABLE patron
    ADD COLUMN load_hash        CHAR(43) NULL,
    ADD COLUMN synchronized_on  DATE     NULL,
    ADD COLUMN synchronized_run BIGINT   NULL;

CREATE INDEX ix_patron_synchronized ON patron (kind, synchronized_on);

-- The load module: one line per run with its counts, written in the same transaction as each chunk
-- of patrons, so that a run restarted after a crash counts every row once.
CREATE TABLE load_run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT        NULL,
    file_name        VARCHAR(255)  NOT NULL,
    mode             VARCHAR(12)   NOT NULL,
    dry_run          BOOLEAN       NOT NULL,
    started_by       VARCHAR(64)   NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    status           VARCHAR(12)   NOT NULL,
    total_rows       BIGINT        NULL,
    read_rows        BIGINT        NOT NULL DEFAULT 0,
    created_rows     BIGINT        NOT NULL DEFAULT 0,
    updated_rows     BIGINT        NOT NULL DEFAULT 0,
    unchanged_rows   BIGINT        NOT NULL DEFAULT 0,
    rejected_rows    BIGINT        NOT NULL DEFAULT 0,
    duplicate_rows   BIGINT        NOT NULL DEFAULT 0,
    held_back_rows   BIGINT        NOT NULL DEFAULT 0,
    refused_reason   VARCHAR(2000) NULL,
    CONSTRAINT uk_load_run_job UNIQUE (job_execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_load_run_started ON load_run (started_at);

-- What a run says about single rows: rejected (with the reason), the same person twice (which row
-- won), a student held back (R-SIS-4). The primary id only, never the person's other data.
CREATE TABLE load_report_line (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id       BIGINT        NOT NULL,
    outcome      VARCHAR(12)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    element_no   BIGINT        NOT NULL,
    line_no      BIGINT        NOT NULL,
    primary_id   VARCHAR(100)  NULL,
    field_name   VARCHAR(64)   NULL,
    reason_key   VARCHAR(100)  NOT NULL,
    reason_args  VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_load_report_line_run FOREIGN KEY (run_id) REFERENCES load_run (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_load_report_line_run ON load_report_line (run_id, outcome, element_no);

-- A row put aside until the end of the run: a person whose record holds a kind that wins over the
-- row's (a U seen now as S), decided once every row of the file was read (docs/decisions/0013).
CREATE TABLE load_deferred_row (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT        NOT NULL,
    file_name  VARCHAR(255)  NOT NULL,
    element_no BIGINT        NOT NULL,
    line_no    BIGINT        NOT NULL,
    person     TEXT          NOT NULL,
    CONSTRAINT fk_load_deferred_row_run FOREIGN KEY (run_id) REFERENCES load_run (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Batch's job repository (spring-batch-core 6, schema-mariadb.sql, unchanged): every run's
-- steps, counts and restart state. Flyway owns it, like every other table
-- (spring.batch.jdbc.initialize-schema=never).
CREATE TABLE BATCH_JOB_INSTANCE (
	JOB_INSTANCE_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT,
	JOB_NAME VARCHAR(100) NOT NULL,
	JOB_KEY VARCHAR(32) NOT NULL,
	constraint JOB_INST_UN unique (JOB_NAME, JOB_KEY)
) ENGINE=InnoDB;

CREATE TABLE BATCH_JOB_EXECUTION (
	JOB_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT,
	JOB_INSTANCE_ID BIGINT NOT NULL,
	CREATE_TIME DATETIME(6) NOT NULL,
	START_TIME DATETIME(6) DEFAULT NULL,
	END_TIME DATETIME(6) DEFAULT NULL,
	STATUS VARCHAR(10),
	EXIT_CODE VARCHAR(2500),
	EXIT_MESSAGE VARCHAR(2500),
	LAST_UPDATED DATETIME(6),
	constraint JOB_INST_EXEC_FK foreign key (JOB_INSTANCE_ID)
	references BATCH_JOB_INSTANCE(JOB_INSTANCE_ID)
) ENGINE=InnoDB;

CREATE TABLE BATCH_JOB_EXECUTION_PARAMS (
	JOB_EXECUTION_ID BIGINT NOT NULL,
	PARAMETER_NAME VARCHAR(100) NOT NULL,
	PARAMETER_TYPE VARCHAR(100) NOT NULL,
	PARAMETER_VALUE VARCHAR(2500),
	IDENTIFYING CHAR(1) NOT NULL,
	constraint JOB_EXEC_PARAMS_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB;

CREATE TABLE BATCH_STEP_EXECUTION (
	STEP_EXECUTION_ID BIGINT  NOT NULL PRIMARY KEY,
	VERSION BIGINT NOT NULL,
	STEP_NAME VARCHAR(100) NOT NULL,
	JOB_EXECUTION_ID BIGINT NOT NULL,
	CREATE_TIME DATETIME(6) NOT NULL,
	START_TIME DATETIME(6) DEFAULT NULL,
	END_TIME DATETIME(6) DEFAULT NULL,
	STATUS VARCHAR(10),
	COMMIT_COUNT BIGINT,
	READ_COUNT BIGINT,
	FILTER_COUNT BIGINT,
	WRITE_COUNT BIGINT,
	READ_SKIP_COUNT BIGINT,
	WRITE_SKIP_COUNT BIGINT,
	PROCESS_SKIP_COUNT BIGINT,
	ROLLBACK_COUNT BIGINT,
	EXIT_CODE VARCHAR(2500),
	EXIT_MESSAGE VARCHAR(2500),
	LAST_UPDATED DATETIME(6),
	constraint JOB_EXEC_STEP_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB;

CREATE TABLE BATCH_STEP_EXECUTION_CONTEXT (
	STEP_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT,
	constraint STEP_EXEC_CTX_FK foreign key (STEP_EXECUTION_ID)
	references BATCH_STEP_EXECUTION(STEP_EXECUTION_ID)
) ENGINE=InnoDB;

CREATE TABLE BATCH_JOB_EXECUTION_CONTEXT (
	JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	SHORT_CONTEXT VARCHAR(2500) NOT NULL,
	SERIALIZED_CONTEXT TEXT,
	constraint JOB_EXEC_CTX_FK foreign key (JOB_EXECUTION_ID)
	references BATCH_JOB_EXECUTION(JOB_EXECUTION_ID)
) ENGINE=InnoDB;

CREATE SEQUENCE BATCH_STEP_EXECUTION_SEQ START WITH 1 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 NOCACHE NOCYCLE ENGINE=InnoDB;
CREATE SEQUENCE BATCH_JOB_EXECUTION_SEQ START WITH 1 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 NOCACHE NOCYCLE ENGINE=InnoDB;
CREATE SEQUENCE BATCH_JOB_INSTANCE_SEQ START WITH 1 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 NOCACHE NOCYCLE ENGINE=InnoDB;


