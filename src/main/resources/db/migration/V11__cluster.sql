-- Several instances on one database (docs/decisions/0006-cluster.md).

-- ShedLock: one row per scheduled job; the instance that moves lock_until forward runs the job.
-- Times are the database's (UTC_TIMESTAMP), so that the instances' clocks do not matter.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

-- Fixed-window counters shared by every instance (R-PRE-6 rate limits, R-CARD-5 activation
-- limits): the key is a keyed hash of the client address, network or e-mail, never the value.
-- Finished windows are deleted by a locked cleanup job (base.SharedLimits).
CREATE TABLE shared_limit (
    key_hash   BINARY(32)  NOT NULL,
    scope      VARCHAR(32) NOT NULL,
    window_end DATETIME(3) NOT NULL,
    hits       INT         NOT NULL,
    PRIMARY KEY (key_hash),
    INDEX ix_shared_limit_end (window_end)
) ENGINE = InnoDB;

-- One-time tokens (R-PRE-6: a solved challenge is spent once, on any instance), as keyed hashes,
-- until they expire.
CREATE TABLE spent_token (
    token_hash BINARY(32)  NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    PRIMARY KEY (token_hash),
    INDEX ix_spent_token_expiry (expires_at)
) ENGINE = InnoDB;
