-- The GIN index on demande.communes_souhaitees (V6) is never used: array operators are not
-- leakproof, so under row-level security PostgreSQL cannot use it (measured with EXPLAIN, see
-- bench/src/main/resources/recherche/). Commune filters go through demande_commune (V9); the
-- index only cost every write of an application.
DROP INDEX demande_communes_idx;
