-- SNE Communautés (issue #9): files attached to forum posts. The bytes are in object storage
-- (key below); the row keeps what the pages and the search index need (text extracted at upload).
-- Row-level security as every community table: the space's territory, copied by the trigger.

CREATE TABLE forum_piece (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    message_id   bigint      NOT NULL REFERENCES forum_message (id),
    auteur_id    bigint      NOT NULL REFERENCES utilisateur (id),
    nom          text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 255),
    type_mime    text        NOT NULL,
    taille       bigint      NOT NULL CHECK (taille > 0),
    cle_objet    text        NOT NULL UNIQUE,
    texte        text,
    cree_le      timestamptz NOT NULL
);
CREATE INDEX forum_piece_message_idx ON forum_piece (message_id, id);

CREATE TRIGGER forum_piece_territoire BEFORE INSERT OR UPDATE OF espace_id ON forum_piece
    FOR EACH ROW EXECUTE FUNCTION sne_forum_territoire();
ALTER TABLE forum_piece ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum_piece FORCE ROW LEVEL SECURITY;
CREATE POLICY forum_piece_communaute ON forum_piece
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
GRANT SELECT, INSERT, UPDATE ON forum_piece TO ${approle};
