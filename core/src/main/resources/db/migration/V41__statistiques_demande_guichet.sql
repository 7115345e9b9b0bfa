-- The desk filter of the professionals' search (bench issue #11, scenario 8): a desk belongs to
-- one territory, so "territoire = ? AND guichet_enregistreur = ?" is as selective as the desk
-- alone. Multiplying the two, the planner expected about 130 of a desk's 14,000 matching rows
-- among 3 million applications, read all of them through demande_guichet_idx and sorted them
-- (107 ms) instead of walking the sort's own index. Extended statistics give it the real count.
CREATE STATISTICS IF NOT EXISTS demande_territoire_guichet (dependencies, mcv)
    ON territoire, guichet_enregistreur FROM demande;
ANALYZE demande;
