-- Issue 15: the desk's lists (expiring this month, expired, inactive) and the search's expiry
-- filter read external patrons by kind, status and expiration date; without this index each
-- count scans the whole patron table.
CREATE INDEX ix_patron_kind_status_expiration ON patron (kind, status, expiration_date);
