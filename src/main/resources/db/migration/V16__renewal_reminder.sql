-- R-DESK-7 (issue 15): the reminder before a registration expires is sent once per expiration date,
-- whichever instance runs the nightly job.
CREATE TABLE renewal_reminder (
    patron_id        BIGINT      NOT NULL,
    expiration_date  DATE        NOT NULL,
    asked_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (patron_id, expiration_date),
    CONSTRAINT fk_renewal_reminder_patron FOREIGN KEY (patron_id) REFERENCES patron (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
