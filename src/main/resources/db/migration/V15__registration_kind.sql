-- R-DESK-7: a renewal is a registration step of its own kind: it sends the renewal mail, not the
-- welcome mail, and its fee (the professional yearly fee, never the card's) is tied to it.
ALTER TABLE registration ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'FIRST';
