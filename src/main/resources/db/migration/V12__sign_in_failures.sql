-- R-DESK-1: failed staff sign-ins, counted per account (the normalised uid) and per client address,
-- in the database so that every instance of the application sees the same counts. key_hash is an
-- HMAC-SHA-256 of the uid or the address under the server's key: neither is stored in clear.
CREATE TABLE sign_in_failure (
    key_hash        CHAR(64)    PRIMARY KEY,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure_at);
