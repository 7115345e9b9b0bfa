-- Applications (demandes): the columns that are searched or checked are real, indexed columns
-- starting with the territory; the whole CERFA content is a validated JSON document. Every
-- change also writes a movement (GDM feed) in the same transaction.

CREATE TABLE demande (
    territoire                    varchar(3)  NOT NULL REFERENCES territoire (code),
    numero_unique                 varchar(18) NOT NULL CHECK (numero_unique ~ '^[0-9]{3}(0[1-9]|1[0-2])[0-9]{2}[0-9]{6}[0-9A-Z]{5}$'),
    guichet_enregistreur          varchar(5)  NOT NULL REFERENCES guichet (code),
    etat                          text        NOT NULL CHECK (etat IN ('ACTIVE', 'RADIEE')),
    date_depot                    date        NOT NULL,
    date_dernier_renouvellement   date,
    date_prochain_renouvellement  date        NOT NULL,
    nom_naissance_cle             text        NOT NULL,
    prenoms_cle                   text        NOT NULL,
    date_naissance                date        NOT NULL,
    communes_souhaitees           varchar(5)[] NOT NULL,
    document                      jsonb       NOT NULL,
    version                       integer     NOT NULL DEFAULT 1,
    cree_le                       timestamptz NOT NULL DEFAULT now(),
    modifie_le                    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, numero_unique),
    CONSTRAINT demande_numero_territoire_ck CHECK (left(numero_unique, 3) = territoire)
);
CREATE UNIQUE INDEX demande_numero_uk ON demande (numero_unique);
-- probable duplicates: same territory, birth date and birth name key
CREATE INDEX demande_doublon_idx ON demande (territoire, date_naissance, nom_naissance_cle) WHERE etat = 'ACTIVE';
CREATE INDEX demande_communes_idx ON demande USING gin (communes_souhaitees);
CREATE INDEX demande_depot_idx ON demande (territoire, date_depot);

ALTER TABLE demande ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande FORCE ROW LEVEL SECURITY;
CREATE POLICY demande_du_territoire ON demande
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY demande_lecture_nationale ON demande FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- The GDM feed: monotonic id, one row per committed change.
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
ALTER TABLE mouvement ENABLE ROW LEVEL SECURITY;
ALTER TABLE mouvement FORCE ROW LEVEL SECURITY;
CREATE POLICY mouvement_du_territoire ON mouvement
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));

-- Idempotency-Key of creations: the first answer, kept for replays of the same key by the same client.
CREATE TABLE idempotence (
    territoire     varchar(3)  NOT NULL REFERENCES territoire (code),
    client_id      text        NOT NULL,
    cle            text        NOT NULL CHECK (length(cle) BETWEEN 1 AND 200),
    numero_unique  varchar(18) NOT NULL,
    cree_le        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, client_id, cle)
);
ALTER TABLE idempotence ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotence FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotence_du_territoire ON idempotence
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));

GRANT SELECT, INSERT, UPDATE ON demande TO ${approle};
GRANT SELECT, INSERT ON mouvement TO ${approle};
GRANT SELECT, INSERT, UPDATE ON idempotence TO ${approle};
