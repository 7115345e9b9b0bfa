-- Administrative geography (COG): national reference data, the same for every territory.
-- No row-level security: nothing here is tenant data. The application role only reads it; the
-- rows are loaded and refreshed by the repeatable Java migration db.migration.R__Geographie
-- (resources under fr/sne/tenants/geographie), never edited by hand.

CREATE TABLE region (
    -- 18 régions plus the COM pseudo-regions (975, 977, ...)
    code  varchar(3) PRIMARY KEY CHECK (code ~ '^[0-9]{2,3}$'),
    nom   text       NOT NULL CHECK (length(nom) BETWEEN 1 AND 200)
);

CREATE TABLE departement (
    code    varchar(3) PRIMARY KEY CHECK (code ~ '^([0-9]{2,3}|2[AB])$'),
    nom     text       NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
    region  varchar(3) NOT NULL REFERENCES region (code)
);
CREATE INDEX departement_region_idx ON departement (region);

-- EPCI à fiscalité propre (CC, CA, CU, METRO, MET69), identified by their SIREN.
CREATE TABLE epci (
    siren  char(9) PRIMARY KEY CHECK (siren ~ '^[0-9]{9}$'),
    nom    text    NOT NULL CHECK (length(nom) BETWEEN 1 AND 300),
    type   text    NOT NULL CHECK (type IN ('CC', 'CA', 'CU', 'METRO', 'MET69'))
);

-- Current communes only (no communes déléguées/associées, no arrondissements municipaux).
CREATE TABLE commune (
    code           varchar(5) PRIMARY KEY CHECK (code ~ '^[0-9][0-9AB][0-9]{3}$'),
    nom            text       NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
    departement    varchar(3) NOT NULL REFERENCES departement (code),
    region         varchar(3) NOT NULL REFERENCES region (code),
    -- NULL for COM communes and the four single-commune islands
    epci_siren     char(9)    REFERENCES epci (siren),
    -- population municipale; NULL for the uninhabited COM codes
    population     integer    CHECK (population >= 0),
    codes_postaux  text[]     NOT NULL DEFAULT '{}',
    -- lower case, accents removed, œ/æ spelt out, hyphens and apostrophes as single spaces
    -- (GeographieImport.nomRecherche): compared by prefix
    nom_recherche  text       NOT NULL
);
CREATE INDEX commune_departement_idx ON commune (departement, code);
CREATE INDEX commune_epci_idx ON commune (epci_siren);
CREATE INDEX commune_codes_postaux_idx ON commune USING gin (codes_postaux);
CREATE INDEX commune_nom_recherche_idx ON commune (nom_recherche text_pattern_ops);

GRANT SELECT ON region, departement, epci, commune TO ${approle};
