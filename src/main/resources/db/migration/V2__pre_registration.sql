-- Public pre-registrations (R-PRE-1…6) and the event publication registry (Spring Modulith's
-- schema for MariaDB, version 2), through which mails and directory changes are sent and retried.

CREATE TABLE pre_registration (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                BIGINT      NOT NULL DEFAULT 0,
    patron_id              BIGINT      NOT NULL,
    patron_identifier      VARCHAR(32) NOT NULL,
    status                 VARCHAR(32) NOT NULL,
    use_kind               VARCHAR(16) NOT NULL,
    submission_key         VARCHAR(64) NOT NULL,
    token_hash             VARCHAR(64),
    token_expires_at       DATETIME(6),
    privacy_notice_version VARCHAR(32) NOT NULL,
    privacy_accepted_at    DATETIME(6) NOT NULL,
    possible_duplicate     BOOLEAN     NOT NULL,
    foreign_address        BOOLEAN     NOT NULL,
    created_at             DATETIME(6) NOT NULL,
    confirmed_at           DATETIME(6),
    reminder_sent_at       DATETIME(6),
    CONSTRAINT uk_pre_registration_submission UNIQUE (submission_key),
    CONSTRAINT uk_pre_registration_token UNIQUE (token_hash),
    CONSTRAINT uk_pre_registration_patron UNIQUE (patron_id),
    CONSTRAINT fk_pre_registration_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_pre_registration_status ON pre_registration (status, confirmed_at);
CREATE INDEX ix_pre_registration_created ON pre_registration (status, created_at);

CREATE TABLE EVENT_PUBLICATION
(
  ID                     VARCHAR(36) NOT NULL,
  LISTENER_ID            VARCHAR(512) NOT NULL,
  EVENT_TYPE             VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE        TIMESTAMP(6) DEFAULT NULL NULL,
  STATUS                 VARCHAR(20),
  COMPLETION_ATTEMPTS    INT,
  LAST_RESUBMISSION_DATE TIMESTAMP(6),
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
