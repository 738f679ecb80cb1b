-- The patron record (SPEC §1–5): patrons, their identifiers, contact items, notes, history and
-- the identifier sequences.

CREATE TABLE patron (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    version                  BIGINT       NOT NULL DEFAULT 0,
    primary_identifier       VARCHAR(32)  NOT NULL,
    kind                     VARCHAR(2)   NOT NULL,
    first_name               VARCHAR(100) NOT NULL,
    last_name                VARCHAR(100) NOT NULL,
    gender                   VARCHAR(1),
    birth_date               DATE,
    preferred_language       VARCHAR(3),
    user_group               VARCHAR(100) NOT NULL,
    job_category             VARCHAR(100),
    job_description          VARCHAR(200),
    resource_sharing_library VARCHAR(100) NOT NULL,
    status                   VARCHAR(8)   NOT NULL,
    status_date              DATE         NOT NULL,
    expiration_date          DATE         NOT NULL,
    purge_date               DATE         NOT NULL,
    record_type              VARCHAR(8)   NOT NULL,
    account_type             VARCHAR(8)   NOT NULL,
    institutional_record     BOOLEAN      NOT NULL,
    owning_system            VARCHAR(100),
    university_key           VARCHAR(32),
    created_at               DATETIME(6)  NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    CONSTRAINT uk_patron_primary_identifier UNIQUE (primary_identifier),
    CONSTRAINT uk_patron_university_key UNIQUE (university_key),
    CONSTRAINT ck_patron_purge CHECK (purge_date > expiration_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_patron_birth_date ON patron (birth_date);
CREATE INDEX ix_patron_purge_date ON patron (purge_date);

-- The words of the names in their search form (R-ID-6): accent- and case-free prefixes.
CREATE TABLE patron_name_token (
    patron_id BIGINT       NOT NULL,
    token     VARCHAR(100) NOT NULL,
    PRIMARY KEY (token, patron_id),
    CONSTRAINT fk_name_token_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_name_token_patron ON patron_name_token (patron_id);

CREATE TABLE additional_identifier (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id BIGINT      NOT NULL,
    id_type   VARCHAR(20) NOT NULL,
    id_value  VARCHAR(64) NOT NULL,
    CONSTRAINT uk_additional_identifier UNIQUE (id_value),
    CONSTRAINT fk_additional_identifier_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact_item (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id   BIGINT       NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    source      VARCHAR(8)   NOT NULL,
    usage_type  VARCHAR(10)  NOT NULL,
    preferred   BOOLEAN      NOT NULL,
    item_value  VARCHAR(254) NOT NULL,
    postal_code VARCHAR(16),
    city        VARCHAR(100),
    country     VARCHAR(2),
    CONSTRAINT fk_contact_item_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_contact_item_value ON contact_item (kind, item_value);
CREATE INDEX ix_contact_item_patron ON contact_item (patron_id);

CREATE TABLE patron_note (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id  BIGINT        NOT NULL,
    source     VARCHAR(8)    NOT NULL,
    note_text  VARCHAR(2000) NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_patron_note_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The audit history (R-REC-6). No foreign key: the retention job decides what happens to it.
CREATE TABLE patron_history (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id  BIGINT        NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    changed_by VARCHAR(64)   NOT NULL,
    field_name VARCHAR(64)   NOT NULL,
    old_value  VARCHAR(1000),
    new_value  VARCHAR(1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_patron_history_patron ON patron_history (patron_id, changed_at);

-- The identifier sequences (R-ID-3): the next number only grows, never reused.
CREATE TABLE identifier_sequence (
    name       VARCHAR(32) PRIMARY KEY,
    next_value BIGINT NOT NULL
) ENGINE = InnoDB;

INSERT INTO identifier_sequence (name, next_value) VALUES ('DESK', 0), ('PRE_REGISTRATION', 0);
