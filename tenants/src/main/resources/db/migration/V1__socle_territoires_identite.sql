-- Foundation: territories (tenants), desks, users, habilitations, API clients.
-- Runs as the owner role; the application role (${approle}) owns nothing and gets only the
-- privileges granted here. Tenant tables carry their territory and are protected by RLS, with
-- the scope set per transaction (SET LOCAL through set_config(..., true)):
--   sne.territoire = '038' | '030' | ...   the territory of the active habilitation
--   sne.portee     = 'TERRITOIRE' | 'NATIONAL'  (national roles read everything, read-only)

CREATE TABLE territoire (
    code                          varchar(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
    nom                           text       NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
    mode                          text       NOT NULL CHECK (mode IN ('SNE', 'SPTA')),
    delai_anormalement_long_mois  integer    NOT NULL DEFAULT 12 CHECK (delai_anormalement_long_mois BETWEEN 1 AND 120),
    cree_le                       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE guichet (
    code        varchar(5) PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{5}$'),
    -- NULL: a national desk (the public portal), visible in national scope only
    territoire  varchar(3) REFERENCES territoire (code),
    nom         text       NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
    type        text       NOT NULL CHECK (type IN ('BAILLEUR', 'COMMUNE', 'EPCI', 'ETAT', 'RESERVATAIRE', 'AUTRE', 'PORTAIL')),
    actif       boolean    NOT NULL DEFAULT true,
    cree_le     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guichet_territoire_idx ON guichet (territoire, code);

ALTER TABLE guichet ENABLE ROW LEVEL SECURITY;
ALTER TABLE guichet FORCE ROW LEVEL SECURITY;
CREATE POLICY guichet_du_territoire ON guichet
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY guichet_lecture_nationale ON guichet FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- The national directory of desks (code, name, type, territory: public information), readable
-- without a scope to label habilitations and API clients. A plain view runs with its owner's
-- rights, which is the point here; it exposes no other column.
CREATE VIEW guichet_nom AS SELECT code, nom, type, territoire, actif FROM guichet;

-- Identities known from the OIDC provider (issuer + sub), first seen by e-mail for invited users.
CREATE TABLE utilisateur (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text NOT NULL CHECK (position('@' IN email) > 1),
    emetteur            text,
    sujet               text,
    prenom              text,
    nom                 text,
    derniere_connexion  timestamptz,
    cree_le             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT utilisateur_identite_uk UNIQUE (emetteur, sujet)
);
CREATE UNIQUE INDEX utilisateur_email_uk ON utilisateur (lower(email));

CREATE TABLE habilitation (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    utilisateur_id  bigint NOT NULL REFERENCES utilisateur (id),
    profil          text   NOT NULL CHECK (profil IN ('GUICHET_ENREGISTREUR', 'GUICHET_MANAGER', 'CONSULTANT_SIMPLE',
                                                      'CONSULTANT_DEMANDE', 'CONSULTANT_SENSIBLE', 'GESTIONNAIRE_TERRITORIAL',
                                                      'ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL')),
    guichet         varchar(5) REFERENCES guichet (code),
    territoire      varchar(3) REFERENCES territoire (code),
    statut          text   NOT NULL DEFAULT 'ACTIVE' CHECK (statut IN ('DEMANDEE', 'ACTIVE', 'SUSPENDUE', 'REVOQUEE')),
    cree_le         timestamptz NOT NULL DEFAULT now(),
    -- desk profiles name a desk, territorial ones a territory, national ones neither
    CONSTRAINT habilitation_portee_ck CHECK (
        (profil IN ('ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL') AND guichet IS NULL AND territoire IS NULL)
        OR (profil = 'GESTIONNAIRE_TERRITORIAL' AND guichet IS NULL AND territoire IS NOT NULL)
        OR (profil NOT IN ('ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL', 'GESTIONNAIRE_TERRITORIAL')
            AND guichet IS NOT NULL AND territoire IS NOT NULL))
);
CREATE UNIQUE INDEX habilitation_uk ON habilitation (utilisateur_id, profil, coalesce(guichet, ''), coalesce(territoire, ''));

-- Vendors' systems: the OIDC client id, attached to one desk (territory copied for the scope).
CREATE TABLE client_api (
    client_id   text PRIMARY KEY CHECK (length(client_id) BETWEEN 1 AND 200),
    guichet     varchar(5) NOT NULL REFERENCES guichet (code),
    territoire  varchar(3) REFERENCES territoire (code),
    scopes      text[]  NOT NULL DEFAULT '{}',
    actif       boolean NOT NULL DEFAULT true,
    cree_le     timestamptz NOT NULL DEFAULT now()
);

GRANT USAGE ON SCHEMA public TO ${approle};
GRANT SELECT ON territoire TO ${approle};
GRANT SELECT, INSERT, UPDATE ON guichet TO ${approle};
GRANT SELECT, INSERT, UPDATE ON utilisateur TO ${approle};
GRANT SELECT ON habilitation TO ${approle};
GRANT SELECT ON client_api TO ${approle};
GRANT SELECT ON guichet_nom TO ${approle};
