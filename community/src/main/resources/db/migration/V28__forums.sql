-- SNE Communautés (issue #9): the spaces' forums and their moderation.
--
-- Row-level security as for every community table (V27): each row carries its space's territory,
-- copied by the trigger sne_espace_territoire from espace_id, and the policy
-- sne_communaute_visible(territoire) lets a territory's space be read and written only in that
-- territory's scope (or a national one). National spaces' rows (territoire NULL) are national
-- community content; who may see or post in which space is decided by EspacePolicy.
-- As the V27 tables, these are keyed by an identity (a topic's id is in its URL); the territory
-- column is not first in their keys because most rows are national (NULL).

CREATE TABLE forum_categorie (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    nom                   text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
    description           text        NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    ordre                 integer     NOT NULL DEFAULT 0,
    -- new members' first post waits for a moderator's approval
    approbation           boolean     NOT NULL DEFAULT false,
    -- minimum delay between two posts of one member in the category (0: none)
    mode_lent_secondes    integer     NOT NULL DEFAULT 0 CHECK (mode_lent_secondes BETWEEN 0 AND 86400),
    version               integer     NOT NULL DEFAULT 1
);
CREATE INDEX forum_categorie_espace_idx ON forum_categorie (espace_id, ordre);

CREATE TABLE forum_sujet (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    categorie_id          bigint      NOT NULL REFERENCES forum_categorie (id),
    titre                 text        NOT NULL CHECK (length(titre) BETWEEN 1 AND 200),
    tags                  text[]      NOT NULL DEFAULT '{}',
    auteur_id             bigint      NOT NULL REFERENCES utilisateur (id),
    cree_le               timestamptz NOT NULL,
    dernier_message_le    timestamptz NOT NULL,
    epingle               boolean     NOT NULL DEFAULT false,
    verrouille            boolean     NOT NULL DEFAULT false,
    -- its first post waits for approval: only its author and moderators see it
    en_attente            boolean     NOT NULL DEFAULT false,
    reponse_acceptee_id   bigint,
    -- merged into another topic: its address redirects there
    fusionne_dans         bigint      REFERENCES forum_sujet (id),
    version               integer     NOT NULL DEFAULT 1
);
CREATE INDEX forum_sujet_categorie_idx ON forum_sujet (categorie_id, dernier_message_le DESC);
CREATE INDEX forum_sujet_espace_idx ON forum_sujet (espace_id, dernier_message_le DESC);

CREATE TABLE forum_message (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    sujet_id              bigint      NOT NULL REFERENCES forum_sujet (id),
    auteur_id             bigint      NOT NULL REFERENCES utilisateur (id),
    markdown              text        NOT NULL CHECK (length(markdown) BETWEEN 1 AND 50000),
    html                  text        NOT NULL,
    cree_le               timestamptz NOT NULL,
    modifie_le            timestamptz,
    -- PUBLIE; EN_ATTENTE of approval; REFUSE by a moderator
    statut                text        NOT NULL DEFAULT 'PUBLIE' CHECK (statut IN ('PUBLIE', 'EN_ATTENTE', 'REFUSE')),
    masque                boolean     NOT NULL DEFAULT false,
    masque_motif          text,
    mentionnes            bigint[]    NOT NULL DEFAULT '{}',
    -- the Message-ID of the mail it came from (reply by mail): received once
    message_id_courriel   text,
    version               integer     NOT NULL DEFAULT 1
);
CREATE INDEX forum_message_sujet_idx ON forum_message (sujet_id, cree_le, id);
CREATE INDEX forum_message_auteur_idx ON forum_message (auteur_id, espace_id, cree_le DESC);
CREATE UNIQUE INDEX forum_message_courriel_uk ON forum_message (message_id_courriel) WHERE message_id_courriel IS NOT NULL;

ALTER TABLE forum_sujet ADD CONSTRAINT forum_sujet_reponse_fk FOREIGN KEY (reponse_acceptee_id) REFERENCES forum_message (id);

-- Each edit keeps the previous text.
CREATE TABLE forum_message_version (
    message_id            bigint      NOT NULL REFERENCES forum_message (id),
    version               integer     NOT NULL,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    markdown              text        NOT NULL,
    html                  text        NOT NULL,
    ecrit_le              timestamptz NOT NULL,
    ecrit_par             bigint      NOT NULL REFERENCES utilisateur (id),
    PRIMARY KEY (message_id, version)
);

CREATE TABLE forum_merci (
    message_id            bigint      NOT NULL REFERENCES forum_message (id),
    utilisateur_id        bigint      NOT NULL REFERENCES utilisateur (id),
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    cree_le               timestamptz NOT NULL,
    PRIMARY KEY (message_id, utilisateur_id)
);

-- One server-side draft per user and topic (a reply) or category (a new topic).
CREATE TABLE forum_brouillon (
    utilisateur_id        bigint      NOT NULL REFERENCES utilisateur (id),
    cle                   text        NOT NULL CHECK (cle ~ '^(sujet|categorie):[0-9]+$'),
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    titre                 text        NOT NULL DEFAULT '' CHECK (length(titre) <= 200),
    markdown              text        NOT NULL DEFAULT '' CHECK (length(markdown) <= 50000),
    modifie_le            timestamptz NOT NULL,
    PRIMARY KEY (utilisateur_id, cle)
);

CREATE TABLE forum_signalement (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    message_id            bigint      NOT NULL REFERENCES forum_message (id),
    auteur_id             bigint      NOT NULL REFERENCES utilisateur (id),
    motif                 text        NOT NULL CHECK (motif IN ('SPAM', 'HORS_SUJET', 'INAPPROPRIE', 'DONNEES_PERSONNELLES', 'AUTRE')),
    texte                 text        NOT NULL DEFAULT '' CHECK (length(texte) <= 1000),
    cree_le               timestamptz NOT NULL,
    traite_le             timestamptz,
    traite_par            bigint      REFERENCES utilisateur (id),
    decision              text
);
CREATE INDEX forum_signalement_a_traiter_idx ON forum_signalement (espace_id, cree_le) WHERE traite_le IS NULL;

-- Who did what, why and when: every moderation action and every setting change of a space.
CREATE TABLE moderation_journal (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id             bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire            varchar(3),
    auteur_id             bigint      NOT NULL REFERENCES utilisateur (id),
    action                text        NOT NULL,
    objet                 text        NOT NULL CHECK (length(objet) <= 300),
    motif                 text        NOT NULL DEFAULT '' CHECK (length(motif) <= 1000),
    cree_le               timestamptz NOT NULL
);
CREATE INDEX moderation_journal_espace_idx ON moderation_journal (espace_id, cree_le DESC);

-- Like sne_espace_territoire (V27), but a space that the current scope does not show is an error:
-- otherwise, in another territory's scope, the lookup would find nothing and file the row as
-- national content, readable by everyone.
CREATE FUNCTION sne_forum_territoire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT e.territoire INTO NEW.territoire FROM espace e WHERE e.id = NEW.espace_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'espace % hors de la portée courante', NEW.espace_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['forum_categorie', 'forum_sujet', 'forum_message', 'forum_message_version', 'forum_merci',
                             'forum_brouillon', 'forum_signalement', 'moderation_journal'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF espace_id ON %I FOR EACH ROW EXECUTE FUNCTION sne_forum_territoire()',
                       t || '_territoire', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire))',
                       t || '_communaute', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON forum_categorie, forum_sujet, forum_message, forum_signalement TO ${approle};
GRANT SELECT, INSERT, UPDATE ON forum_message_version TO ${approle};
GRANT SELECT, INSERT ON moderation_journal TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON forum_merci TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON forum_brouillon TO ${approle};
