-- The full CERFA content: what searches and reports filter on becomes real columns (the rest
-- stays in the validated JSON document), and every version of an application is kept so that a
-- stale form can show who changed what meanwhile.

ALTER TABLE demande
    ADD COLUMN taille_menage         smallint    NOT NULL DEFAULT 1,
    ADD COLUMN revenu_fiscal         integer,
    ADD COLUMN ressources_mensuelles integer     NOT NULL DEFAULT 0,
    ADD COLUMN types_logement        varchar(3)[] NOT NULL DEFAULT '{}',
    ADD COLUMN statut_dalo           text,
    ADD COLUMN prioritaire           boolean     NOT NULL DEFAULT false,
    ADD COLUMN handicap              boolean     NOT NULL DEFAULT false,
    ADD COLUMN modifie_par           text;

CREATE INDEX demande_guichet_idx ON demande (territoire, guichet_enregistreur, date_depot);
CREATE INDEX demande_renouvellement_idx ON demande (territoire, date_dernier_renouvellement);
CREATE INDEX demande_etat_depot_idx ON demande (territoire, etat, date_depot);

-- One row per version: the content as it was written, by whom and when.
CREATE TABLE demande_version (
    territoire     varchar(3)  NOT NULL REFERENCES territoire (code),
    numero_unique  varchar(18) NOT NULL,
    version        integer     NOT NULL,
    document       jsonb       NOT NULL,
    auteur         text        NOT NULL,
    auteur_libelle text        NOT NULL,
    ecrite_le      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, numero_unique, version),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique)
);
ALTER TABLE demande_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande_version FORCE ROW LEVEL SECURITY;
CREATE POLICY demande_version_du_territoire ON demande_version
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY demande_version_lecture_nationale ON demande_version FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

GRANT SELECT, INSERT ON demande_version TO ${approle};
