-- SNE Communautés (issue #9): the spaces' wiki pages, their versions, comments and attachments.
-- Every table carries the space's territory (copied by sne_espace_territoire from espace_id) and
-- the RLS policy of V27 (sne_communaute_visible): a territory's space's pages are that
-- territory's data, other spaces' pages are national community content; who sees which space is
-- decided in code by fr.sne.community.espace.EspacePolicy.

CREATE TABLE page_wiki (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    parent_id    bigint      REFERENCES page_wiki (id),
    slug         text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    titre        text        NOT NULL CHECK (length(titre) BETWEEN 1 AND 200),
    ordre        integer     NOT NULL DEFAULT 0,
    contenu      text        NOT NULL DEFAULT '' CHECK (length(contenu) <= 200000),
    -- the current version's number, also the optimistic lock of an edit
    version      integer     NOT NULL DEFAULT 1,
    cree_le      timestamptz NOT NULL DEFAULT now(),
    cree_par     bigint      REFERENCES utilisateur (id),
    modifie_le   timestamptz NOT NULL DEFAULT now(),
    modifie_par  bigint      REFERENCES utilisateur (id)
);
CREATE UNIQUE INDEX page_wiki_slug_uk ON page_wiki (espace_id, slug);
CREATE INDEX page_wiki_territoire_idx ON page_wiki (territoire, espace_id);
CREATE INDEX page_wiki_modifie_idx ON page_wiki (espace_id, modifie_le DESC);

-- Every saved state, never changed: the history, the diffs and the restorations read them.
CREATE TABLE page_wiki_version (
    page_id      bigint      NOT NULL REFERENCES page_wiki (id) ON DELETE CASCADE,
    numero       integer     NOT NULL,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    titre        text        NOT NULL,
    contenu      text        NOT NULL,
    commentaire  text        NOT NULL DEFAULT '' CHECK (length(commentaire) <= 300),
    auteur_id    bigint      REFERENCES utilisateur (id),
    cree_le      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (page_id, numero)
);

CREATE TABLE page_wiki_commentaire (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page_id      bigint      NOT NULL REFERENCES page_wiki (id) ON DELETE CASCADE,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    auteur_id    bigint      NOT NULL REFERENCES utilisateur (id),
    texte        text        NOT NULL CHECK (length(texte) BETWEEN 1 AND 10000),
    cree_le      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_wiki_commentaire_page_idx ON page_wiki_commentaire (page_id, cree_le);

CREATE TABLE page_wiki_piece (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page_id      bigint      NOT NULL REFERENCES page_wiki (id) ON DELETE CASCADE,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    nom          text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 255),
    type_mime    text        NOT NULL,
    taille       bigint      NOT NULL,
    cle_objet    text        NOT NULL,
    -- the file's words, for search (null when none could be extracted)
    texte        text,
    auteur_id    bigint      REFERENCES utilisateur (id),
    cree_le      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_wiki_piece_page_idx ON page_wiki_piece (page_id);

CREATE TRIGGER page_wiki_territoire BEFORE INSERT OR UPDATE ON page_wiki
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER page_wiki_version_territoire BEFORE INSERT ON page_wiki_version
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER page_wiki_commentaire_territoire BEFORE INSERT ON page_wiki_commentaire
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER page_wiki_piece_territoire BEFORE INSERT ON page_wiki_piece
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();

ALTER TABLE page_wiki ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_wiki FORCE ROW LEVEL SECURITY;
CREATE POLICY page_wiki_communaute ON page_wiki
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE page_wiki_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_wiki_version FORCE ROW LEVEL SECURITY;
CREATE POLICY page_wiki_version_communaute ON page_wiki_version
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE page_wiki_commentaire ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_wiki_commentaire FORCE ROW LEVEL SECURITY;
CREATE POLICY page_wiki_commentaire_communaute ON page_wiki_commentaire
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE page_wiki_piece ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_wiki_piece FORCE ROW LEVEL SECURITY;
CREATE POLICY page_wiki_piece_communaute ON page_wiki_piece
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));

GRANT SELECT, INSERT, UPDATE ON page_wiki TO ${approle};
GRANT SELECT, INSERT ON page_wiki_version TO ${approle};
GRANT SELECT, INSERT ON page_wiki_commentaire TO ${approle};
GRANT SELECT, INSERT, DELETE ON page_wiki_piece TO ${approle};
