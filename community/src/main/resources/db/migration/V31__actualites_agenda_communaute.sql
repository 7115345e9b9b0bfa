-- SNE Communautés (issue #9): the spaces' news items and calendar events, answers to events
-- (RSVP), dismissed banners, and the calendar feeds' secret tokens. Same RLS as V30: each row
-- carries its space's territory (sne_espace_territoire) and sne_communaute_visible decides.

CREATE TABLE actualite_communaute (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    titre        text        NOT NULL CHECK (length(titre) BETWEEN 1 AND 200),
    contenu      text        NOT NULL CHECK (length(contenu) BETWEEN 1 AND 50000),
    important    boolean     NOT NULL DEFAULT false,
    auteur_id    bigint      REFERENCES utilisateur (id),
    publie_le    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actualite_communaute_espace_idx ON actualite_communaute (espace_id, publie_le DESC);
CREATE INDEX actualite_communaute_important_idx ON actualite_communaute (publie_le DESC) WHERE important;

-- "Ne plus afficher": an important item's banner dismissed by one reader.
CREATE TABLE actualite_communaute_masquee (
    actualite_id   bigint      NOT NULL REFERENCES actualite_communaute (id) ON DELETE CASCADE,
    utilisateur_id bigint      NOT NULL REFERENCES utilisateur (id),
    espace_id      bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire     varchar(3),
    masquee_le     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actualite_id, utilisateur_id)
);

CREATE TABLE evenement_agenda (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    espace_id    bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire   varchar(3),
    -- stable across edits and fetches: calendar applications recognise the event by it
    uid          uuid        NOT NULL UNIQUE,
    titre        text        NOT NULL CHECK (length(titre) BETWEEN 1 AND 200),
    type         text        NOT NULL CHECK (type IN ('WEBINAIRE', 'REUNION', 'ECHEANCE')),
    -- all-day items (deadlines) use the dates only; others the local times, Europe/Paris
    journee      boolean     NOT NULL DEFAULT false,
    debut        timestamp   NOT NULL,
    fin          timestamp   NOT NULL,
    lieu         text        NOT NULL DEFAULT '' CHECK (length(lieu) <= 300),
    lien_visio   text        NOT NULL DEFAULT '' CHECK (length(lien_visio) <= 500),
    description  text        NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    auteur_id    bigint      REFERENCES utilisateur (id),
    cree_le      timestamptz NOT NULL DEFAULT now(),
    modifie_le   timestamptz NOT NULL DEFAULT now(),
    sequence     integer     NOT NULL DEFAULT 0,
    CHECK (fin >= debut)
);
CREATE INDEX evenement_agenda_espace_idx ON evenement_agenda (espace_id, debut);
CREATE INDEX evenement_agenda_debut_idx ON evenement_agenda (debut);

CREATE TABLE evenement_agenda_reponse (
    evenement_id   bigint      NOT NULL REFERENCES evenement_agenda (id) ON DELETE CASCADE,
    utilisateur_id bigint      NOT NULL REFERENCES utilisateur (id),
    espace_id      bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    territoire     varchar(3),
    reponse        text        NOT NULL CHECK (reponse IN ('OUI', 'PEUT_ETRE', 'NON')),
    repondu_le     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (evenement_id, utilisateur_id)
);
CREATE INDEX evenement_agenda_reponse_utilisateur_idx ON evenement_agenda_reponse (utilisateur_id);

CREATE TRIGGER actualite_communaute_territoire BEFORE INSERT OR UPDATE ON actualite_communaute
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER actualite_communaute_masquee_territoire BEFORE INSERT ON actualite_communaute_masquee
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER evenement_agenda_territoire BEFORE INSERT OR UPDATE ON evenement_agenda
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER evenement_agenda_reponse_territoire BEFORE INSERT OR UPDATE ON evenement_agenda_reponse
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();

-- A user's calendar-feed secret: only its SHA-256 is kept; regenerating replaces it (the old URL
-- stops working). Not territory data (a person's setting, like their account): territoire stays
-- NULL and the same policy admits it in every scope; the feed re-checks the user's spaces.
CREATE TABLE jeton_calendrier (
    utilisateur_id bigint      PRIMARY KEY REFERENCES utilisateur (id),
    territoire     varchar(3)  CHECK (territoire IS NULL),
    empreinte      bytea       NOT NULL UNIQUE,
    cree_le        timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE actualite_communaute ENABLE ROW LEVEL SECURITY;
ALTER TABLE actualite_communaute FORCE ROW LEVEL SECURITY;
CREATE POLICY actualite_communaute_communaute ON actualite_communaute
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE actualite_communaute_masquee ENABLE ROW LEVEL SECURITY;
ALTER TABLE actualite_communaute_masquee FORCE ROW LEVEL SECURITY;
CREATE POLICY actualite_communaute_masquee_communaute ON actualite_communaute_masquee
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE evenement_agenda ENABLE ROW LEVEL SECURITY;
ALTER TABLE evenement_agenda FORCE ROW LEVEL SECURITY;
CREATE POLICY evenement_agenda_communaute ON evenement_agenda
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE evenement_agenda_reponse ENABLE ROW LEVEL SECURITY;
ALTER TABLE evenement_agenda_reponse FORCE ROW LEVEL SECURITY;
CREATE POLICY evenement_agenda_reponse_communaute ON evenement_agenda_reponse
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE jeton_calendrier ENABLE ROW LEVEL SECURITY;
ALTER TABLE jeton_calendrier FORCE ROW LEVEL SECURITY;
CREATE POLICY jeton_calendrier_communaute ON jeton_calendrier
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));

GRANT SELECT, INSERT, UPDATE, DELETE ON actualite_communaute TO ${approle};
GRANT SELECT, INSERT, DELETE ON actualite_communaute_masquee TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON evenement_agenda TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON evenement_agenda_reponse TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON jeton_calendrier TO ${approle};
