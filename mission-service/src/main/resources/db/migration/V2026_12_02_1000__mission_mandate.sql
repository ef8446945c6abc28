-- A mission's mandate (the period its mandating body authorized it for) and the date the CPA
-- began contributing to it; all three optional.
ALTER TABLE mission ADD COLUMN mandate_start DATE;
ALTER TABLE mission ADD COLUMN mandate_end DATE;
ALTER TABLE mission ADD COLUMN cpa_since DATE;
ALTER TABLE mission ADD CONSTRAINT mission_mandate_in_order
    CHECK (mandate_start IS NULL OR mandate_end IS NULL OR mandate_end >= mandate_start);
