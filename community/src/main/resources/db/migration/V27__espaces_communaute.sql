-- SNE Communautés (issue #9): the community spaces, their members, and the outbox of community
-- events that subscriptions turn into notifications.
--
-- Row-level security for every community table (this one and the features' own tables, which
-- use sne_communaute_visible below). A space restricted to a territory is that territory's data:
-- its rows (and every topic, page, event... of it, which carry the space's territory) are read and
-- written only in that territory's scope or in a national scope. Every other space is national
-- community content (territoire NULL), which every professional reads and writes whatever their
-- habilitation's territory. Who may see or post in which national space (a profile, invited
-- members) is decided in code, in one place: fr.sne.community.espace.EspacePolicy.

CREATE FUNCTION sne_communaute_visible(territoire text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT territoire IS NULL OR territoire = current_setting('sne.territoire', true)
           OR current_setting('sne.portee', true) = 'NATIONAL'
$$;

CREATE TABLE espace (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- set exactly when the space is restricted to a territory
    territoire   varchar(3)  REFERENCES territoire (code),
    slug         text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    nom          text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    description  text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    -- PROFESSIONNELS: every habilitated professional; TERRITOIRE: those habilitated on the territory;
    -- PROFIL: those holding the profile (e.g. every GT: "GT national"); INVITATION: listed members only
    visibilite   text        NOT NULL CHECK (visibilite IN ('PROFESSIONNELS', 'TERRITOIRE', 'PROFIL', 'INVITATION')),
    profil       text        CHECK (profil IN ('GUICHET_ENREGISTREUR', 'GUICHET_MANAGER', 'CONSULTANT_SIMPLE',
                                               'CONSULTANT_DEMANDE', 'CONSULTANT_SENSIBLE', 'GESTIONNAIRE_TERRITORIAL',
                                               'ASSISTANCE_NATIONALE', 'ADMINISTRATEUR_NATIONAL')),
    archive      boolean     NOT NULL DEFAULT false,
    cree_le      timestamptz NOT NULL DEFAULT now(),
    cree_par     bigint      REFERENCES utilisateur (id),
    version      integer     NOT NULL DEFAULT 1,
    CONSTRAINT espace_territoire_ck CHECK ((visibilite = 'TERRITOIRE') = (territoire IS NOT NULL)),
    CONSTRAINT espace_profil_ck CHECK ((visibilite = 'PROFIL') = (profil IS NOT NULL))
);
CREATE UNIQUE INDEX espace_slug_uk ON espace (slug);
CREATE INDEX espace_territoire_idx ON espace (territoire) WHERE territoire IS NOT NULL;

-- Explicit roles: owners and moderators of any space, and the invited members of INVITATION spaces
-- (in the other spaces, every professional the visibility admits is a member without a row).
CREATE TABLE espace_membre (
    espace_id       bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    utilisateur_id  bigint      NOT NULL REFERENCES utilisateur (id),
    -- the space's territory, copied by the trigger below (RLS reads it)
    territoire      varchar(3),
    role            text        NOT NULL CHECK (role IN ('PROPRIETAIRE', 'MODERATEUR', 'MEMBRE')),
    ajoute_le       timestamptz NOT NULL DEFAULT now(),
    ajoute_par      bigint      REFERENCES utilisateur (id),
    PRIMARY KEY (espace_id, utilisateur_id)
);
CREATE INDEX espace_membre_utilisateur_idx ON espace_membre (utilisateur_id);

CREATE FUNCTION sne_espace_territoire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.territoire := (SELECT e.territoire FROM espace e WHERE e.id = NEW.espace_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER espace_membre_territoire BEFORE INSERT OR UPDATE ON espace_membre
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();

-- The outbox of what happened in the spaces (a topic, a reply, a mention, a page, a news item, an
-- event), written in the same transaction as the change; the subscriptions' job fans each one out
-- to the watchers (in-app notification, immediate mail or digest) and marks it done.
CREATE TABLE evenement_communaute (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id    bigint      REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    type         text        NOT NULL CHECK (type IN ('SUJET', 'REPONSE', 'SUJET_RESOLU', 'PAGE', 'ACTUALITE',
                                                      'ACTUALITE_IMPORTANTE', 'EVENEMENT')),
    categorie_id bigint,
    sujet_id     bigint,
    tags         text[]      NOT NULL DEFAULT '{}',
    titre        text        NOT NULL CHECK (length(titre) <= 300),
    extrait      text        NOT NULL DEFAULT '' CHECK (length(extrait) <= 1000),
    url          text        NOT NULL CHECK (length(url) <= 500),
    auteur_id    bigint      REFERENCES utilisateur (id),
    mentionnes   bigint[]    NOT NULL DEFAULT '{}',
    cree_le      timestamptz NOT NULL DEFAULT now(),
    traite_le    timestamptz
);
CREATE INDEX evenement_communaute_a_traiter_idx ON evenement_communaute (id) WHERE traite_le IS NULL;

CREATE TRIGGER evenement_communaute_territoire BEFORE INSERT ON evenement_communaute
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();

ALTER TABLE espace ENABLE ROW LEVEL SECURITY;
ALTER TABLE espace FORCE ROW LEVEL SECURITY;
CREATE POLICY espace_communaute ON espace
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE espace_membre ENABLE ROW LEVEL SECURITY;
ALTER TABLE espace_membre FORCE ROW LEVEL SECURITY;
CREATE POLICY espace_membre_communaute ON espace_membre
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE evenement_communaute ENABLE ROW LEVEL SECURITY;
ALTER TABLE evenement_communaute FORCE ROW LEVEL SECURITY;
CREATE POLICY evenement_communaute_communaute ON evenement_communaute
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));

GRANT SELECT, INSERT, UPDATE ON espace TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON espace_membre TO ${approle};
GRANT SELECT, INSERT, UPDATE ON evenement_communaute TO ${approle};
