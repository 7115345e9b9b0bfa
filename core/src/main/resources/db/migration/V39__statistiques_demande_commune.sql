-- The commune filter of the professionals' search (bench issue #11, scenario 8): territory and
-- commune are correlated in demande_commune (a commune belongs to one territory), so the planner,
-- multiplying their selectivities, underestimated a mid-sized commune's rows about 5 times and
-- chose plans reading all of them to sort a page of 20. Extended statistics (functional
-- dependency and most common pairs) give it the real counts; built by the next ANALYZE
-- (autovacuum, or the bench's after its load). Measured: advanced search p99 halved on 1 million.
CREATE STATISTICS IF NOT EXISTS demande_commune_territoire_commune (dependencies, mcv)
    ON territoire, commune FROM demande_commune;
ANALYZE demande_commune;
