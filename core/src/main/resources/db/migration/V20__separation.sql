-- Separation of a couple (issue #5): the application duplicated for the former co-holder keeps
-- the original's filing date and names the application it comes from. No foreign key: the
-- original may be radiated and, a year later, purged while this one lives on (the link then
-- names a number that no longer exists, which is what it was).
ALTER TABLE demande ADD COLUMN demande_origine varchar(18)
    CHECK (demande_origine IS NULL OR demande_origine <> numero_unique);
CREATE INDEX demande_origine_idx ON demande (territoire, demande_origine) WHERE demande_origine IS NOT NULL;
