-- SNE Communautés (issue #10): shared support tickets ("demandes d'assistance").
--
-- Row-level security, as decided for this feature:
-- * A ticket is national support content addressed to the national team, but it carries the
--   territory of the requester's active habilitation (NULL for a national requester). Its table and
--   every child table (sharing, participants, comments, attachments, history), whose territory is
--   copied from the ticket by a trigger, use sne_communaute_visible(territoire) like every
--   community table: writes by professionals happen in the ticket's territory scope (code:
--   fr.sne.community.assistance.DemandesAssistance), agents (national support) write in a national
--   writable scope, and reads that cross territories (shared with a national team, agents' queues)
--   go through the national read-only scope and are filtered in code by the one policy
--   fr.sne.community.assistance.AssistancePolicy (as the spaces do with EspacePolicy).
-- * The reference tables of the feature (request types and fields, teams and their members, SLA
--   targets, opening hours, holidays, settings) are national content without territory: every
--   scope reads them, only a national writable scope (national administrators' pages) changes them.
-- * A user's preferences (default team) are keyed by the user like utilisateur: no RLS.

CREATE FUNCTION sne_assistance_nationale() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_setting('sne.portee', true) = 'NATIONAL'
$$;

-- Request types, by application and theme, each with its own fields ------------------------------

CREATE TABLE type_assistance (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    application  text        NOT NULL CHECK (application IN ('SNE', 'COTATION', 'INFOCENTRE', 'PORTAIL', 'COMMUNAUTES')),
    theme        text        NOT NULL CHECK (theme IN ('HABILITATION', 'ANOMALIE', 'CONSEIL', 'PARAMETRAGE', 'CORRECTION_DONNEES')),
    libelle      text        NOT NULL CHECK (length(libelle) BETWEEN 1 AND 200),
    description  text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    actif        boolean     NOT NULL DEFAULT true,
    ordre        integer     NOT NULL DEFAULT 0,
    UNIQUE (application, theme)
);

CREATE TABLE champ_assistance (
    type_id      bigint      NOT NULL REFERENCES type_assistance (id) ON DELETE CASCADE,
    code         text        NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    libelle      text        NOT NULL CHECK (length(libelle) BETWEEN 1 AND 200),
    aide         text        NOT NULL DEFAULT '',
    -- TEXTE: free text; CHOIX: one of choix; NUMERO_UNIQUE: an application's unique number;
    -- GUICHET: a desk code (5 characters)
    nature       text        NOT NULL CHECK (nature IN ('TEXTE', 'CHOIX', 'NUMERO_UNIQUE', 'GUICHET')),
    obligatoire  boolean     NOT NULL DEFAULT false,
    choix        text[]      NOT NULL DEFAULT '{}',
    ordre        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (type_id, code)
);

-- Teams and preferences -------------------------------------------------------------------------

CREATE TABLE equipe_assistance (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nom          text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    description  text        NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    cree_le      timestamptz NOT NULL DEFAULT now(),
    cree_par     bigint      REFERENCES utilisateur (id)
);
CREATE UNIQUE INDEX equipe_assistance_nom_uk ON equipe_assistance (lower(nom));

CREATE TABLE equipe_assistance_membre (
    equipe_id      bigint      NOT NULL REFERENCES equipe_assistance (id) ON DELETE CASCADE,
    utilisateur_id bigint      NOT NULL REFERENCES utilisateur (id),
    ajoute_le      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (equipe_id, utilisateur_id)
);
CREATE INDEX equipe_assistance_membre_utilisateur_idx ON equipe_assistance_membre (utilisateur_id);

CREATE TABLE preference_assistance (
    utilisateur_id   bigint PRIMARY KEY REFERENCES utilisateur (id),
    equipe_defaut_id bigint REFERENCES equipe_assistance (id) ON DELETE SET NULL
);

-- Tickets ---------------------------------------------------------------------------------------

CREATE TABLE ticket_assistance (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the requester's territory (their active habilitation's), NULL for a national requester
    territoire           varchar(3)  REFERENCES territoire (code),
    -- e.g. AST-2026-000123 (year of creation, then the id): put in mail subjects
    cle                  text        NOT NULL UNIQUE CHECK (cle ~ '^AST-[0-9]{4}-[0-9]{6,}$'),
    type_id              bigint      NOT NULL REFERENCES type_assistance (id),
    application          text        NOT NULL,
    theme                text        NOT NULL,
    priorite             text        NOT NULL CHECK (priorite IN ('BASSE', 'NORMALE', 'HAUTE', 'CRITIQUE')),
    resume               text        NOT NULL CHECK (length(resume) BETWEEN 1 AND 200),
    description_markdown text        NOT NULL CHECK (length(description_markdown) <= 20000),
    champs               jsonb       NOT NULL DEFAULT '{}',
    demandeur_id         bigint      NOT NULL REFERENCES utilisateur (id),
    -- the requester's organisation: a desk code (GUICHET) or a territory code (TERRITOIRE), or none
    organisation_type    text        CHECK (organisation_type IN ('GUICHET', 'TERRITOIRE')),
    organisation         text,
    organisation_libelle text,
    partage_organisation boolean     NOT NULL DEFAULT false,
    statut               text        NOT NULL CHECK (statut IN ('OUVERT', 'EN_COURS', 'EN_ATTENTE_DEMANDEUR', 'RESOLU', 'TERMINE')),
    agent_id             bigint      REFERENCES utilisateur (id),
    cree_le              timestamptz NOT NULL,
    premiere_reponse_le  timestamptz,
    resolu_le            timestamptz,
    termine_le           timestamptz,
    modifie_le           timestamptz NOT NULL,
    version              integer     NOT NULL DEFAULT 1,
    CONSTRAINT ticket_organisation_ck CHECK ((organisation_type IS NULL) = (organisation IS NULL)),
    CONSTRAINT ticket_partage_ck CHECK (NOT partage_organisation OR organisation IS NOT NULL)
);
CREATE INDEX ticket_assistance_territoire_idx ON ticket_assistance (territoire, cree_le);
CREATE INDEX ticket_assistance_demandeur_idx ON ticket_assistance (demandeur_id);
CREATE INDEX ticket_assistance_organisation_idx ON ticket_assistance (organisation) WHERE partage_organisation;
CREATE INDEX ticket_assistance_file_idx ON ticket_assistance (application, theme, statut);
CREATE INDEX ticket_assistance_resolus_idx ON ticket_assistance (resolu_le) WHERE statut = 'RESOLU';

-- the key is derived from the id, known in a BEFORE trigger (identity default applied first)
CREATE FUNCTION sne_ticket_cle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.cle := 'AST-' || to_char(NEW.cree_le AT TIME ZONE 'Europe/Paris', 'YYYY') || '-' || lpad(NEW.id::text, 6, '0');
    RETURN NEW;
END
$$;
CREATE TRIGGER ticket_assistance_cle BEFORE INSERT ON ticket_assistance
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_cle();

-- Children copy their ticket's territory. The ticket is read under RLS: a ticket out of the scope
-- is not found, and the row is refused (a NULL territory would otherwise pass the policy as national).
CREATE FUNCTION sne_ticket_territoire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT t.territoire INTO NEW.territoire FROM ticket_assistance t WHERE t.id = NEW.ticket_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'demande d''assistance % hors de la portée de la transaction', NEW.ticket_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

CREATE TABLE ticket_equipe (
    ticket_id   bigint     NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    equipe_id   bigint     NOT NULL REFERENCES equipe_assistance (id) ON DELETE CASCADE,
    territoire  varchar(3),
    PRIMARY KEY (ticket_id, equipe_id)
);
CREATE INDEX ticket_equipe_equipe_idx ON ticket_equipe (equipe_id);

CREATE TABLE ticket_participant (
    ticket_id      bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    utilisateur_id bigint      NOT NULL REFERENCES utilisateur (id),
    territoire     varchar(3),
    ajoute_par     bigint      REFERENCES utilisateur (id),
    ajoute_le      timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, utilisateur_id)
);
CREATE INDEX ticket_participant_utilisateur_idx ON ticket_participant (utilisateur_id);

CREATE TABLE ticket_commentaire (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id           bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    territoire          varchar(3),
    auteur_id           bigint      NOT NULL REFERENCES utilisateur (id),
    corps_markdown      text        NOT NULL CHECK (length(corps_markdown) BETWEEN 1 AND 20000),
    -- false: an internal note, for agents only (never shown nor indexed for requesters)
    publique            boolean     NOT NULL,
    -- the mail it came from (reply by mail): makes the inbound processing idempotent
    message_id_courriel text        UNIQUE,
    cree_le             timestamptz NOT NULL
);
CREATE INDEX ticket_commentaire_ticket_idx ON ticket_commentaire (ticket_id, cree_le);

CREATE TABLE ticket_piece (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id      bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    commentaire_id bigint      REFERENCES ticket_commentaire (id) ON DELETE CASCADE,
    territoire     varchar(3),
    nom            text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 255),
    type_mime      text        NOT NULL,
    taille         bigint      NOT NULL CHECK (taille > 0),
    cle_objet      text        NOT NULL UNIQUE,
    -- text extracted by Tika, for the search engine
    texte          text        NOT NULL DEFAULT '',
    cree_le        timestamptz NOT NULL
);
CREATE INDEX ticket_piece_ticket_idx ON ticket_piece (ticket_id);

CREATE TABLE ticket_historique (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    territoire varchar(3),
    ancien     text,
    nouveau    text        NOT NULL,
    auteur_id  bigint      REFERENCES utilisateur (id),
    le         timestamptz NOT NULL
);
CREATE INDEX ticket_historique_ticket_idx ON ticket_historique (ticket_id, le);

CREATE TRIGGER ticket_equipe_territoire BEFORE INSERT OR UPDATE ON ticket_equipe
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();
CREATE TRIGGER ticket_participant_territoire BEFORE INSERT OR UPDATE ON ticket_participant
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();
CREATE TRIGGER ticket_commentaire_territoire BEFORE INSERT OR UPDATE ON ticket_commentaire
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();
CREATE TRIGGER ticket_piece_territoire BEFORE INSERT OR UPDATE ON ticket_piece
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();
CREATE TRIGGER ticket_historique_territoire BEFORE INSERT OR UPDATE ON ticket_historique
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();

-- Deflections: a requester found the answer in a suggestion and did not file the ticket ---------

CREATE TABLE deflexion_assistance (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    territoire     varchar(3),
    utilisateur_id bigint      NOT NULL REFERENCES utilisateur (id),
    type_id        bigint      REFERENCES type_assistance (id),
    resume         text        NOT NULL DEFAULT '' CHECK (length(resume) <= 200),
    url            text        CHECK (length(url) <= 500),
    le             timestamptz NOT NULL
);
CREATE INDEX deflexion_assistance_le_idx ON deflexion_assistance (le);

-- Service levels: targets per type and priority, in business hours ------------------------------

CREATE TABLE sla_assistance (
    -- NULL: the default target of a priority, for types without their own
    type_id                 bigint  REFERENCES type_assistance (id) ON DELETE CASCADE,
    priorite                text    NOT NULL CHECK (priorite IN ('BASSE', 'NORMALE', 'HAUTE', 'CRITIQUE')),
    premiere_reponse_minutes integer NOT NULL CHECK (premiere_reponse_minutes > 0),
    resolution_minutes      integer NOT NULL CHECK (resolution_minutes > 0)
);
CREATE UNIQUE INDEX sla_assistance_uk ON sla_assistance (coalesce(type_id, 0), priorite);

CREATE TABLE horaire_assistance (
    -- ISO day of week: 1 Monday ... 7 Sunday; a day without row is closed
    jour       smallint PRIMARY KEY CHECK (jour BETWEEN 1 AND 7),
    ouverture  time     NOT NULL,
    fermeture  time     NOT NULL CHECK (fermeture > ouverture)
);

CREATE TABLE ferie_assistance (
    jour    date PRIMARY KEY,
    libelle text NOT NULL CHECK (length(libelle) BETWEEN 1 AND 120)
);

CREATE TABLE reglage_assistance (
    cle    text PRIMARY KEY,
    valeur text NOT NULL
);

-- Reference data --------------------------------------------------------------------------------

INSERT INTO reglage_assistance (cle, valeur) VALUES ('jours_avant_cloture', '7');

INSERT INTO horaire_assistance (jour, ouverture, fermeture) VALUES
    (1, '09:00', '17:00'), (2, '09:00', '17:00'), (3, '09:00', '17:00'), (4, '09:00', '17:00'), (5, '09:00', '17:00');

INSERT INTO ferie_assistance (jour, libelle) VALUES
    ('2026-01-01', 'Jour de l''an'), ('2026-04-06', 'Lundi de Pâques'), ('2026-05-01', 'Fête du travail'),
    ('2026-05-08', 'Victoire 1945'), ('2026-05-14', 'Ascension'), ('2026-05-25', 'Lundi de Pentecôte'),
    ('2026-07-14', 'Fête nationale'), ('2026-08-15', 'Assomption'), ('2026-11-01', 'Toussaint'),
    ('2026-11-11', 'Armistice 1918'), ('2026-12-25', 'Noël'),
    ('2027-01-01', 'Jour de l''an'), ('2027-03-29', 'Lundi de Pâques'), ('2027-05-01', 'Fête du travail'),
    ('2027-05-06', 'Ascension'), ('2027-05-08', 'Victoire 1945'), ('2027-05-17', 'Lundi de Pentecôte'),
    ('2027-07-14', 'Fête nationale'), ('2027-08-15', 'Assomption'), ('2027-11-01', 'Toussaint'),
    ('2027-11-11', 'Armistice 1918'), ('2027-12-25', 'Noël');

-- default targets (business minutes: a business day is 8 hours)
INSERT INTO sla_assistance (type_id, priorite, premiere_reponse_minutes, resolution_minutes) VALUES
    (NULL, 'CRITIQUE', 60, 480),
    (NULL, 'HAUTE', 240, 1440),
    (NULL, 'NORMALE', 480, 2400),
    (NULL, 'BASSE', 960, 4800);

INSERT INTO type_assistance (code, application, theme, libelle, description, ordre)
SELECT lower(replace(a.code, '_', '-')) || '-' || lower(replace(t.code, '_', '-')), a.code, t.code,
       t.libelle || ' — ' || a.libelle, '', a.ordre * 10 + t.ordre
FROM (VALUES ('SNE', 'SNE', 1), ('COTATION', 'Cotation', 2), ('INFOCENTRE', 'Infocentre', 3),
             ('PORTAIL', 'Portail grand public', 4), ('COMMUNAUTES', 'Communautés', 5)) AS a (code, libelle, ordre)
CROSS JOIN (VALUES ('HABILITATION', 'Habilitation', 1), ('ANOMALIE', 'Anomalie', 2), ('CONSEIL', 'Conseil', 3),
                   ('PARAMETRAGE', 'Demande de paramétrage', 4), ('CORRECTION_DONNEES', 'Correction de données', 5))
     AS t (code, libelle, ordre);

-- every type: the environment; then each theme its own fields
INSERT INTO champ_assistance (type_id, code, libelle, aide, nature, obligatoire, choix, ordre)
SELECT id, 'environnement', 'Environnement', 'Où le problème se produit-il ?', 'CHOIX', true, '{Production,École}', 1
FROM type_assistance;
INSERT INTO champ_assistance (type_id, code, libelle, aide, nature, obligatoire, choix, ordre)
SELECT id, 'numero_unique', 'Numéro unique concerné', '18 caractères : département, mois et année, rang, guichet (par exemple 038012600001238001).', 'NUMERO_UNIQUE',
       theme = 'CORRECTION_DONNEES', '{}', 2
FROM type_assistance WHERE theme IN ('ANOMALIE', 'CORRECTION_DONNEES') AND application IN ('SNE', 'COTATION', 'PORTAIL');
INSERT INTO champ_assistance (type_id, code, libelle, aide, nature, obligatoire, choix, ordre)
SELECT id, 'guichet', 'Guichet concerné', 'Code du guichet, 5 caractères (par exemple 38001).', 'GUICHET',
       theme IN ('HABILITATION', 'PARAMETRAGE'), '{}', 3
FROM type_assistance WHERE theme IN ('HABILITATION', 'PARAMETRAGE', 'ANOMALIE');
INSERT INTO champ_assistance (type_id, code, libelle, aide, nature, obligatoire, choix, ordre)
SELECT id, 'personne', 'Personne concernée (adresse électronique)', 'La personne dont l''habilitation est en cause.', 'TEXTE',
       false, '{}', 4
FROM type_assistance WHERE theme = 'HABILITATION';

-- RLS and grants --------------------------------------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ticket_assistance', 'ticket_equipe', 'ticket_participant', 'ticket_commentaire',
                             'ticket_piece', 'ticket_historique', 'deflexion_assistance'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (sne_communaute_visible(territoire)) '
                       'WITH CHECK (sne_communaute_visible(territoire))', t || '_communaute', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['type_assistance', 'champ_assistance', 'equipe_assistance', 'equipe_assistance_membre',
                             'sla_assistance', 'horaire_assistance', 'ferie_assistance', 'reglage_assistance'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_lecture', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (sne_assistance_nationale())', t || '_ajout', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (sne_assistance_nationale()) '
                       'WITH CHECK (sne_assistance_nationale())', t || '_modification', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (sne_assistance_nationale())', t || '_suppression', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON ticket_assistance TO ${approle};
GRANT SELECT, INSERT, DELETE ON ticket_equipe TO ${approle};
GRANT SELECT, INSERT, DELETE ON ticket_participant TO ${approle};
GRANT SELECT, INSERT ON ticket_commentaire TO ${approle};
GRANT SELECT, INSERT ON ticket_piece TO ${approle};
GRANT SELECT, INSERT ON ticket_historique TO ${approle};
GRANT SELECT, INSERT ON deflexion_assistance TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON type_assistance, champ_assistance, equipe_assistance, equipe_assistance_membre,
    sla_assistance, horaire_assistance, ferie_assistance, reglage_assistance TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON preference_assistance TO ${approle};
