-- R-CARD-4, R-FEE-2: a lost or damaged card costs a replacement fee, settled before the reprint.
-- card_id ties that fee to the card printed with it, as registration_id ties the registration
-- fees to their registration step: a settled fee pays for one card only.
ALTER TABLE fee ADD COLUMN card_id BIGINT;
CREATE INDEX ix_fee_unused ON fee (patron_id, fee_type, registration_id, card_id);
