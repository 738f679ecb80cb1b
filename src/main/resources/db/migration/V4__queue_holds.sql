-- The desk queue (R-DESK-2): who has an entry open, and since when, so that a colleague opening
-- it is told. Only the staff member's uid is kept.
ALTER TABLE pre_registration ADD COLUMN opened_by VARCHAR(64) NULL, ADD COLUMN opened_at DATETIME(6) NULL;
