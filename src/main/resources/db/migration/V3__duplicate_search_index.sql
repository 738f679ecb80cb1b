-- Duplicate candidates (R-DESK-3) are looked up by birth date, and for the dates a typo away by
-- the surname's first letter too: with the names in the index, both look-ups read the index only.
-- It starts with the birth date, so it also serves every look-up the former index served.
CREATE INDEX ix_patron_birth_name ON patron (birth_date, last_name, first_name);
DROP INDEX ix_patron_birth_date ON patron;
