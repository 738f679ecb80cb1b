-- R-DESK-2: the queue flags suspicious data (names typed as a test or in capitals, an improbable
-- age, a throw-away e-mail, a patterned phone, a street without a number). The reasons are
-- computed when the person submits and kept as their names, comma-separated; null when none.
ALTER TABLE pre_registration
    ADD COLUMN suspicious_data VARCHAR(200) NULL;
