-- GDM query plans on generated data (see docs/architecture.md, "GDM movements").
-- Run as a superuser on an empty scratch database: psql -f explain-gdm.sql
-- Builds the tables the feed reads as V6, V9 and V21 define them (with their row-level security),
-- 30 days x 100,000 movements for territory 038 and 1,000,000 for 030, 300,000 applications of 038
-- wanting 1 to 3 of 530 communes, then EXPLAINs the feed's query as the application role.
\timing on
DROP TABLE IF EXISTS mouvement, demande_commune, territoire CASCADE;
DO $$ BEGIN CREATE ROLE sne_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE territoire (code varchar(3) PRIMARY KEY);
INSERT INTO territoire VALUES ('038'), ('030');
CREATE TABLE mouvement (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    territoire     varchar(3)  NOT NULL REFERENCES territoire (code),
    horodatage     timestamptz NOT NULL DEFAULT clock_timestamp(),
    numero_unique  varchar(18) NOT NULL,
    type           text        NOT NULL CHECK (type IN ('CRE', 'CRS', 'MOD', 'REN', 'RAD', 'DERAD', 'EVT', 'PJ')),
    parties        text[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (territoire, id)
);
CREATE INDEX mouvement_horodatage_idx ON mouvement (territoire, horodatage, id);
-- V21
CREATE INDEX mouvement_demande_idx ON mouvement (territoire, numero_unique, horodatage);
ALTER TABLE mouvement ENABLE ROW LEVEL SECURITY;
ALTER TABLE mouvement FORCE ROW LEVEL SECURITY;
CREATE POLICY mouvement_du_territoire ON mouvement
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
ALTER TABLE mouvement ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TABLE demande_commune (
    territoire     varchar(3)  NOT NULL,
    commune        varchar(5)  NOT NULL,
    numero_unique  varchar(18) NOT NULL,
    PRIMARY KEY (territoire, commune, numero_unique)
);
CREATE INDEX demande_commune_numero_idx ON demande_commune (territoire, numero_unique);
ALTER TABLE demande_commune ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande_commune FORCE ROW LEVEL SECURITY;
CREATE POLICY demande_commune_du_territoire ON demande_commune
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
GRANT SELECT ON mouvement, demande_commune TO sne_app;

-- 300,000 applications: numero 038 + 'MMYY' + sequence + desk; communes 38001..38530, the
-- first communes much wanted (a big city), the others evenly
INSERT INTO demande_commune
SELECT DISTINCT '038', '38' || lpad((CASE WHEN k = 1 AND n % 3 = 0 THEN 185 ELSE 1 + (n * 7 + k * 131) % 530 END)::text, 3, '0'),
       '0380125' || lpad(n::text, 6, '0') || '38001'
FROM generate_series(1, 300000) n, generate_series(1, 1 + n % 3) k;
-- 3,000,000 movements over 30 days for 038 (100,000 a day), 1,000,000 for 030
INSERT INTO mouvement (territoire, horodatage, numero_unique, type, parties, xid)
SELECT '038', timestamptz '2025-03-01 00:00:00+01' + (g * interval '864 milliseconds'),
       '0380125' || lpad((1 + (g::bigint * 7919) % 300000)::text, 6, '0') || '38001',
       (ARRAY['CRE','MOD','MOD','MOD','EVT','PJ','REN','RAD'])[1 + g % 8], '{}', '1'::xid8
FROM generate_series(1, 3000000) g;
INSERT INTO mouvement (territoire, horodatage, numero_unique, type, parties, xid)
SELECT '030', timestamptz '2025-03-01 00:00:00+01' + (g * interval '2592 milliseconds'),
       '0300125' || lpad((1 + g % 100000)::text, 6, '0') || '30001', 'MOD', '{}', '1'::xid8
FROM generate_series(1, 1000000) g;
VACUUM ANALYZE mouvement;
VACUUM ANALYZE demande_commune;
SELECT pg_size_pretty(pg_total_relation_size('mouvement')) AS mouvement,
       pg_size_pretty(pg_relation_size('mouvement_horodatage_idx')) AS index_horodatage,
       pg_size_pretty(pg_relation_size('mouvement_demande_idx')) AS index_demande;

SET ROLE sne_app;
BEGIN READ ONLY;
SELECT set_config('sne.territoire', '038', true), set_config('sne.portee', 'TERRITOIRE', true);
\echo '--- 1. first page, whole territory, window of the last 70 minutes, 1000 rows'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = '038' AND m.horodatage >= timestamptz '2025-03-30 22:50:00+02' AND m.xid < '1000'::xid8
ORDER BY m.horodatage, m.id LIMIT 1001;
\echo '--- 2. next page (cursor), deep in a 30-day window'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = '038' AND m.horodatage >= timestamptz '2025-03-01 00:00:00+01' AND m.xid < '1000'::xid8
  AND (m.horodatage, m.id) > (timestamptz '2025-03-20 12:00:00+01', 1950000)
ORDER BY m.horodatage, m.id LIMIT 1001;
\echo '--- 3. one big commune (about a third of the applications)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = '038' AND m.horodatage >= timestamptz '2025-03-30 22:50:00+02' AND m.xid < '1000'::xid8
  AND EXISTS (SELECT 1 FROM demande_commune dc WHERE dc.territoire = m.territoire AND dc.numero_unique = m.numero_unique
                AND dc.commune = ANY ('{38185}'::varchar[]))
ORDER BY m.horodatage, m.id LIMIT 1001;
\echo '--- 4. a vendor with 40 communes'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = '038' AND m.horodatage >= timestamptz '2025-03-30 22:50:00+02' AND m.xid < '1000'::xid8
  AND EXISTS (SELECT 1 FROM demande_commune dc WHERE dc.territoire = m.territoire AND dc.numero_unique = m.numero_unique
                AND dc.commune = ANY (ARRAY(SELECT ('38' || lpad(g::text, 3, '0'))::varchar FROM generate_series(300, 339) g)))
ORDER BY m.horodatage, m.id LIMIT 1001;
\echo '--- 5. a small commune over a whole day (its movements are rare: the worst case)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = '038' AND m.horodatage >= timestamptz '2025-03-30 00:00:00+01' AND m.xid < '1000'::xid8
  AND EXISTS (SELECT 1 FROM demande_commune dc WHERE dc.territoire = m.territoire AND dc.numero_unique = m.numero_unique
                AND dc.commune = ANY ('{38417}'::varchar[]))
ORDER BY m.horodatage, m.id LIMIT 1001;
SET LOCAL plan_cache_mode = force_generic_plan;
PREPARE q(varchar, timestamptz, text, varchar[], int) AS
SELECT m.id, m.horodatage, m.numero_unique, m.type, m.parties FROM mouvement m
WHERE m.territoire = $1 AND m.horodatage >= $2 AND m.xid < $3::xid8
  AND EXISTS (SELECT 1 FROM demande_commune dc WHERE dc.territoire = m.territoire AND dc.numero_unique = m.numero_unique
                AND dc.commune = ANY ($4::varchar[]))
ORDER BY m.horodatage, m.id LIMIT $5;
\echo '--- 6. generic plan (as JDBC reuses it), a small commune over a whole day'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q('038', '2025-03-30 00:00:00+01', '1000', '{38417}', 1001);
\echo '--- 7. generic plan, a small commune over the whole 30 days (first page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q('038', '2025-03-01 00:00:00+01', '1000', '{38417}', 1001);
\echo '--- 8. custom plan, a small commune over the whole 30 days (first page)'
SET LOCAL plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q('038', '2025-03-01 00:00:00+01', '1000', '{38417}', 1001);
COMMIT;
