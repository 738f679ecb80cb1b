-- R-CARD-5: the activation back-off replaces the per-card lock (docs/decisions/0008-card-activation-backoff.md).
-- One row per identifier as typed (scope 'I') and per identifier and client network (scope 'N'), so
-- that an identifier that exists and one that does not are treated alike. Keys are HMAC-SHA-256
-- under the server's secret: neither identifiers nor addresses are stored in clear.
CREATE TABLE card_activation_backoff (
    key_hash        CHAR(64)    PRIMARY KEY,
    identifier_hash CHAR(64)    NOT NULL,
    scope           CHAR(1)     NOT NULL,
    failures        INT         NOT NULL,
    blocked_until   DATETIME(6),
    changed_at      DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
CREATE INDEX ix_card_activation_backoff_identifier ON card_activation_backoff (identifier_hash);
CREATE INDEX ix_card_activation_backoff_scope_changed ON card_activation_backoff (scope, changed_at);

-- Raised when many identifiers got wrong codes within the alert window; shown to the desk.
CREATE TABLE card_activation_alert (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    raised_at   DATETIME(6) NOT NULL,
    identifiers INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
CREATE INDEX ix_card_activation_alert_raised ON card_activation_alert (raised_at);

-- The per-card lock is gone: it let anyone lock any card, and only existing cards answered 423.
ALTER TABLE card DROP COLUMN failed_attempts, DROP COLUMN locked_at;
