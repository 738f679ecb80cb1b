-- R-INT-1: a patron's directory account is disabled when the patron expires, is deactivated or
-- changes identifier. action: what was last asked of the directory for the account — WRITE
-- (create or update, with a new password) or DISABLE (no password, out of the patrons' group).
-- expires_on: the account's expiration (the patron's, when the account was written); the
-- nightly run disables the accounts whose day has passed.
ALTER TABLE directory_account
    ADD COLUMN action     VARCHAR(8) NOT NULL DEFAULT 'WRITE',
    ADD COLUMN expires_on DATE       NULL;
CREATE INDEX ix_directory_account_expiry ON directory_account (action, expires_on);
