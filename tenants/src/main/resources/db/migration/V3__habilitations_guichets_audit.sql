-- Territories, desks, habilitations and API clients completed; applicants' accounts; the audit
-- trail (append-only, partitioned by month); the persistent jobs' table (db-scheduler).

-- Territories ----------------------------------------------------------------------------------
ALTER TABLE territoire
    ADD COLUMN parametres jsonb NOT NULL DEFAULT '{"evenementsVisiblesDemandeur": true}',
    ADD COLUMN modifie_le timestamptz NOT NULL DEFAULT now();

-- The départements a territory covers (one, or the 8 of Île-de-France for 111).
CREATE TABLE territoire_departement (
    territoire   varchar(3) NOT NULL REFERENCES territoire (code),
    departement  varchar(3) NOT NULL REFERENCES departement (code),
    PRIMARY KEY (territoire, departement)
);
CREATE UNIQUE INDEX territoire_departement_uk ON territoire_departement (departement);

-- Desks --------------------------------------------------------------------------------------------
ALTER TABLE guichet DROP CONSTRAINT guichet_type_check;
ALTER TABLE guichet
    ADD CONSTRAINT guichet_type_check
        CHECK (type IN ('BAILLEUR', 'COMMUNE', 'EPCI', 'ETAT', 'RESERVATAIRE', 'CCAS_AUTRE', 'PORTAIL')),
    ADD COLUMN siret        char(14) CHECK (siret ~ '^[0-9]{14}$'),
    ADD COLUMN adresse      text CHECK (length(adresse) <= 300),
    ADD COLUMN commune      varchar(5) REFERENCES commune (code),
    ADD COLUMN courriel     text CHECK (courriel ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    ADD COLUMN modifie_le   timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN version      integer NOT NULL DEFAULT 1;

CREATE OR REPLACE VIEW guichet_nom AS SELECT code, nom, type, territoire, actif FROM guichet;

-- Users and applicants ---------------------------------------------------------------------------
ALTER TABLE utilisateur ADD COLUMN actif boolean NOT NULL DEFAULT true;

-- Applicants are another kind of account (FranceConnect-style identity), not professionals.
CREATE TABLE compte_demandeur (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    emetteur            text NOT NULL,
    sujet               text NOT NULL,
    email               text,
    prenom              text,
    nom_naissance       text,
    nom_usage           text,
    date_naissance      date,
    derniere_connexion  timestamptz,
    cree_le             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT compte_demandeur_identite_uk UNIQUE (emetteur, sujet)
);

-- Habilitations: lifecycle ---------------------------------------------------------------------------
ALTER TABLE habilitation
    ADD COLUMN demandee_le                   timestamptz,
    ADD COLUMN motif_demande                 text CHECK (length(motif_demande) <= 1000),
    ADD COLUMN certifiee_par                 bigint REFERENCES utilisateur (id),
    ADD COLUMN certifiee_le                  timestamptz,
    ADD COLUMN suspendue_le                  timestamptz,
    ADD COLUMN motif_suspension              text CHECK (motif_suspension IN ('MANUELLE', 'INACTIVITE', 'REVUE')),
    ADD COLUMN revoquee_le                   timestamptz,
    ADD COLUMN confirmee_le                  timestamptz,
    ADD COLUMN avertissement_inactivite_le   timestamptz,
    ADD COLUMN modifie_le                    timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN version                       integer NOT NULL DEFAULT 1;
CREATE INDEX habilitation_territoire_idx ON habilitation (territoire, statut, id);
CREATE INDEX habilitation_utilisateur_idx ON habilitation (utilisateur_id);
CREATE INDEX utilisateur_derniere_connexion_idx ON utilisateur (derniere_connexion);

ALTER TABLE habilitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE habilitation FORCE ROW LEVEL SECURITY;
CREATE POLICY habilitation_du_territoire ON habilitation
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY habilitation_lecture_nationale ON habilitation FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- API clients --------------------------------------------------------------------------------------
ALTER TABLE client_api
    ADD COLUMN libelle     text CHECK (length(libelle) <= 200),
    ADD COLUMN modifie_le  timestamptz NOT NULL DEFAULT now();
ALTER TABLE client_api ALTER COLUMN territoire SET NOT NULL;
CREATE INDEX client_api_territoire_idx ON client_api (territoire, client_id);
ALTER TABLE client_api ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_api FORCE ROW LEVEL SECURITY;
CREATE POLICY client_api_du_territoire ON client_api
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY client_api_lecture_nationale ON client_api FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- Identity resolution happens before any scope exists: these two functions are the only way
-- around RLS, each answers one question about one identity, and they run with the owner's rights.
CREATE FUNCTION sne_habilitations_de(p_utilisateur bigint)
    RETURNS TABLE (id bigint, profil text, guichet varchar, guichet_nom text, territoire varchar,
                   territoire_nom text, statut text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT h.id, h.profil, h.guichet, g.nom, h.territoire, t.nom, h.statut
      FROM habilitation h
      LEFT JOIN guichet g ON g.code = h.guichet
      LEFT JOIN territoire t ON t.code = h.territoire
     WHERE h.utilisateur_id = p_utilisateur
     ORDER BY h.id
$$;

CREATE FUNCTION sne_client_api_actif(p_client_id text)
    RETURNS TABLE (client_id text, guichet varchar, territoire varchar, scopes text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.client_id, c.guichet, c.territoire, c.scopes
      FROM client_api c JOIN guichet g ON g.code = c.guichet
     WHERE c.client_id = p_client_id AND c.actif AND g.actif
$$;

REVOKE ALL ON FUNCTION sne_habilitations_de(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION sne_client_api_actif(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sne_habilitations_de(bigint) TO ${approle};
GRANT EXECUTE ON FUNCTION sne_client_api_actif(text) TO ${approle};

-- Audit trail --------------------------------------------------------------------------------------
CREATE TABLE audit (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    horodatage       timestamptz NOT NULL DEFAULT now(),
    territoire       varchar(3),
    utilisateur_id   bigint,
    acteur           text NOT NULL,
    habilitation_id  bigint,
    profil           text,
    guichet          varchar(5),
    action           text NOT NULL CHECK (action IN ('LECTURE', 'CREATION', 'MODIFICATION', 'SUPPRESSION',
                                                     'EXPORT', 'CONNEXION', 'REFUS')),
    objet_type       text NOT NULL,
    objet_id         text,
    avant            jsonb,
    apres            jsonb,
    request_id       text,
    PRIMARY KEY (horodatage, id)
) PARTITION BY RANGE (horodatage);
CREATE TABLE audit_defaut PARTITION OF audit DEFAULT;
CREATE INDEX audit_territoire_idx ON audit (territoire, horodatage DESC);
CREATE INDEX audit_objet_idx ON audit (objet_type, objet_id, horodatage DESC);

-- Nothing, not even the owner through a mistake, updates or deletes audit rows.
CREATE FUNCTION sne_audit_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'le journal d''audit est en ajout seul' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_immuable BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION sne_audit_immuable();

-- Monthly partitions, created ahead by a job (and here for the first year).
CREATE FUNCTION sne_audit_partitions(p_debut date, p_mois integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    m date;
    nom text;
    crees integer := 0;
BEGIN
    FOR i IN 0 .. p_mois - 1 LOOP
        m := date_trunc('month', p_debut)::date + make_interval(months => i);
        nom := 'audit_' || to_char(m, 'YYYY_MM');
        IF to_regclass(nom) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit FOR VALUES FROM (%L) TO (%L)',
                           nom, m, (m + interval '1 month')::date);
            crees := crees + 1;
        END IF;
    END LOOP;
    RETURN crees;
END
$$;
REVOKE ALL ON FUNCTION sne_audit_partitions(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sne_audit_partitions(date, integer) TO ${approle};
SELECT sne_audit_partitions((date_trunc('month', now()) - interval '1 month')::date, 14);

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_lecture_territoire ON audit FOR SELECT
    USING (territoire = current_setting('sne.territoire', true));
CREATE POLICY audit_lecture_nationale ON audit FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- Appending is always allowed: reads by national read-only roles are audited too.
CREATE POLICY audit_ajout ON audit FOR INSERT WITH CHECK (true);

-- Persistent, cluster-safe jobs (db-scheduler's documented PostgreSQL schema) -----------------------
CREATE TABLE scheduled_tasks (
    task_name             text NOT NULL,
    task_instance         text NOT NULL,
    task_data             bytea,
    execution_time        timestamptz NOT NULL,
    picked                boolean NOT NULL,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  integer,
    last_heartbeat        timestamptz,
    version               bigint NOT NULL,
    priority              smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Privileges of the application role ------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE ON territoire TO ${approle};
GRANT SELECT, INSERT, DELETE ON territoire_departement TO ${approle};
GRANT SELECT, INSERT, UPDATE ON habilitation TO ${approle};
GRANT SELECT, INSERT, UPDATE ON client_api TO ${approle};
GRANT SELECT, INSERT, UPDATE ON compte_demandeur TO ${approle};
GRANT SELECT, INSERT ON audit TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO ${approle};
