-- The professionals' information site (issue #8): articles (news, maintenance, incidents, release
-- notes, guides, FAQ entries, downloadable documents, reference texts) and their attachments.
--
-- Row-level security. Most articles are national content (territoire NULL): not tenant data, read
-- by everybody, anonymous visitors included (who have no scope: no sne.territoire set). A
-- territory's local pages (audience TERRITOIRE) carry their territory and are tenant data:
--   * read: national rows by every transaction; a territory's rows only in that territory's
--     scope or in a national scope (national roles);
--   * write: a territory's rows only in that territory's scope (its GT, or a national
--     administrator acting on it); national rows only in a *writable* national scope (national
--     administrators' authoring, the platform's loaders and jobs) — national read-only scopes are
--     refused by the database whatever the policy says.
-- So a territorial scope can never create, change or delete national content nor another
-- territory's pages, whatever the code does. Which profile may write is decided in code
-- (ArticlePolicy: national administrators everywhere, GTs on their territory's pages).
-- Whether a reader may open a national article (public / professionals only, published or not)
-- is decided by the reading queries: RLS only guards territories.

CREATE TABLE article (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL: national content; otherwise a territory's local page
    territoire        varchar(3)  REFERENCES territoire (code),
    slug              text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 160),
    type              text        NOT NULL CHECK (type IN ('ACTUALITE', 'MAINTENANCE', 'INCIDENT', 'NOTE_VERSION', 'GUIDE',
                                                           'FAQ', 'DOCUMENT', 'TEXTE_REFERENCE')),
    titre             text        NOT NULL CHECK (length(titre) BETWEEN 1 AND 300),
    resume            text        CHECK (length(resume) <= 1000),
    -- what the author wrote, and its sanitised HTML (rendered once, at save)
    corps_markdown    text        NOT NULL DEFAULT '' CHECK (length(corps_markdown) <= 200000),
    corps_html        text        NOT NULL DEFAULT '',
    themes            text[]      NOT NULL DEFAULT '{}'
                      CHECK (themes <@ ARRAY['SNE', 'COTATION', 'PORTAIL', 'INFOCENTRE', 'REGLEMENTATION', 'INTERFACES']::text[]),
    audience          text        NOT NULL CHECK (audience IN ('PUBLIC', 'PROFESSIONNELS', 'TERRITOIRE')),
    -- PROGRAMME: published at publication_le (readers see it from then on; a job turns it PUBLIE and indexes it)
    statut            text        NOT NULL CHECK (statut IN ('BROUILLON', 'PROGRAMME', 'PUBLIE')),
    publication_le    timestamptz,
    important         boolean     NOT NULL DEFAULT false,
    -- downloadable documents and guides: their own version and date
    version_document  text        CHECK (length(version_document) <= 30),
    date_document     date,
    -- reference texts: the source's identifier (idempotent loads), the code, its section, the source
    reference         text,
    code_texte        text,
    section           text,
    source            text,
    -- reference texts: the natural order of their numbers within the code (L before R before D, 2 before 10)
    cle_tri           text,
    auteur_id         bigint      REFERENCES utilisateur (id),
    auteur            text        NOT NULL,
    cree_le           timestamptz NOT NULL DEFAULT now(),
    modifie_le        timestamptz NOT NULL DEFAULT now(),
    -- optimistic locking of the authoring form
    version           integer     NOT NULL DEFAULT 1,
    CONSTRAINT article_audience_ck CHECK ((audience = 'TERRITOIRE') = (territoire IS NOT NULL)),
    CONSTRAINT article_publication_ck CHECK (statut = 'BROUILLON' OR publication_le IS NOT NULL)
);
-- one URL per article, whatever its territory
CREATE UNIQUE INDEX article_slug_uk ON article (slug);
CREATE UNIQUE INDEX article_reference_uk ON article (reference);
-- the readers' lists (national rows have a NULL territory: still the first column)
CREATE INDEX article_liste_idx ON article (territoire, type, publication_le DESC) WHERE statut <> 'BROUILLON';
CREATE INDEX article_auteur_idx ON article (territoire, modifie_le DESC);
CREATE INDEX article_programme_idx ON article (publication_le) WHERE statut = 'PROGRAMME';
CREATE INDEX article_texte_idx ON article (code_texte, cle_tri, id) WHERE type = 'TEXTE_REFERENCE';

CREATE TABLE article_piece (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id  bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    -- the article's territory, copied by the trigger below (RLS reads it)
    territoire  varchar(3)  REFERENCES territoire (code),
    nom         text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 255),
    type_mime   text        NOT NULL CHECK (length(type_mime) <= 200),
    taille      bigint      NOT NULL CHECK (taille >= 0),
    cle_objet   text        NOT NULL,
    -- extracted text, for search
    texte       text,
    cree_le     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX article_piece_cle_uk ON article_piece (cle_objet);
CREATE INDEX article_piece_article_idx ON article_piece (territoire, article_id);

-- The attachment belongs where its article does: the territory is the article's, read with the
-- writer's own rights (an article the writer's scope cannot see yields NULL, then the policy
-- refuses the row unless the scope is national and writable).
CREATE FUNCTION sne_article_piece_territoire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.territoire := (SELECT a.territoire FROM article a WHERE a.id = NEW.article_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER article_piece_territoire BEFORE INSERT ON article_piece
    FOR EACH ROW EXECUTE FUNCTION sne_article_piece_territoire();

ALTER TABLE article ENABLE ROW LEVEL SECURITY;
ALTER TABLE article FORCE ROW LEVEL SECURITY;
CREATE POLICY article_lecture ON article FOR SELECT
    USING (territoire IS NULL OR territoire = current_setting('sne.territoire', true)
           OR current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY article_ajout ON article FOR INSERT
    WITH CHECK ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
                OR territoire = current_setting('sne.territoire', true));
CREATE POLICY article_modification ON article FOR UPDATE
    USING ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
           OR territoire = current_setting('sne.territoire', true))
    WITH CHECK ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
                OR territoire = current_setting('sne.territoire', true));
CREATE POLICY article_suppression ON article FOR DELETE
    USING ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
           OR territoire = current_setting('sne.territoire', true));

ALTER TABLE article_piece ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_piece FORCE ROW LEVEL SECURITY;
CREATE POLICY article_piece_lecture ON article_piece FOR SELECT
    USING (territoire IS NULL OR territoire = current_setting('sne.territoire', true)
           OR current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY article_piece_ajout ON article_piece FOR INSERT
    WITH CHECK ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
                OR territoire = current_setting('sne.territoire', true));
CREATE POLICY article_piece_suppression ON article_piece FOR DELETE
    USING ((territoire IS NULL AND current_setting('sne.portee', true) = 'NATIONAL')
           OR territoire = current_setting('sne.territoire', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON article TO ${approle};
GRANT SELECT, INSERT, DELETE ON article_piece TO ${approle};
