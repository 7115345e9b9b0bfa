-- Finding applications: indexes for the search page's filters and sorts, and the wanted communes
-- as rows. Measured on 300 000 generated applications (see the report of the "recherche" branch):
-- the application role works under row-level security, where PostgreSQL only uses an index for a
-- condition whose operator is LEAKPROOF. Array operators (@>, &&) are not, so the GIN index on
-- demande.communes_souhaitees is never used by the application: a commune filter scanned the
-- whole territory. Equality on text is leakproof: one row per (application, wanted commune),
-- kept by a trigger in the writing transaction, serves the commune filter through a b-tree.

CREATE TABLE demande_commune (
    territoire     varchar(3)  NOT NULL,
    commune        varchar(5)  NOT NULL,
    numero_unique  varchar(18) NOT NULL,
    PRIMARY KEY (territoire, commune, numero_unique),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique) ON DELETE CASCADE
);
CREATE INDEX demande_commune_numero_idx ON demande_commune (territoire, numero_unique);
ALTER TABLE demande_commune ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande_commune FORCE ROW LEVEL SECURITY;
CREATE POLICY demande_commune_du_territoire ON demande_commune
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY demande_commune_lecture_nationale ON demande_commune FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
GRANT SELECT, INSERT, DELETE ON demande_commune TO ${approle};

-- Runs as the writer (RLS applies: the rows land in the transaction's territory) whenever an
-- application is created or its wanted communes change.
CREATE FUNCTION sne_demande_communes() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.communes_souhaitees IS NOT DISTINCT FROM OLD.communes_souhaitees THEN
            RETURN NULL;
        END IF;
        DELETE FROM demande_commune WHERE territoire = OLD.territoire AND numero_unique = OLD.numero_unique;
    END IF;
    INSERT INTO demande_commune (territoire, commune, numero_unique)
    SELECT DISTINCT NEW.territoire, c, NEW.numero_unique FROM unnest(NEW.communes_souhaitees) AS c
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER demande_communes_maj AFTER INSERT OR UPDATE OF communes_souhaitees ON demande
    FOR EACH ROW EXECUTE FUNCTION sne_demande_communes();

INSERT INTO demande_commune (territoire, commune, numero_unique)
SELECT DISTINCT d.territoire, c, d.numero_unique FROM demande d, unnest(d.communes_souhaitees) AS c
ON CONFLICT DO NOTHING;

-- A number's beginning: a byte-order range (~>=~ ~<~, leakproof), whatever the collation.
CREATE INDEX demande_numero_prefixe_idx ON demande (territoire, numero_unique text_pattern_ops);

-- Sorts of the result list other than by filing date (already served by demande_etat_depot_idx
-- and demande_depot_idx): a page is then read in index order instead of sorting the territory.
CREATE INDEX demande_taille_idx ON demande (territoire, etat, taille_menage DESC, date_depot, numero_unique);
CREATE INDEX demande_ressources_idx ON demande (territoire, etat, ressources_mensuelles, date_depot, numero_unique);
CREATE INDEX demande_prochain_renouvellement_idx ON demande (territoire, etat, date_prochain_renouvellement, numero_unique);

-- The few priority households, oldest first (the search writes these conditions as literals so
-- that the partial indexes apply in generic plans too).
CREATE INDEX demande_prioritaire_idx ON demande (territoire, etat, date_depot) WHERE prioritaire;
CREATE INDEX demande_dalo_idx ON demande (territoire, statut_dalo, etat, date_depot)
    WHERE statut_dalo IN ('ACTIF', 'ACTREL', 'CADUC');
