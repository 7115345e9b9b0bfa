-- SNE Communautés (issue #9): subscriptions, in-app notifications, e-mail preferences, digests and
-- the Message-IDs of notification mails (reply by e-mail).
--
-- Row-level security. A subscription and an e-mail preference are a person's own settings, not a
-- space's content: they carry no territory and no RLS; the code reads and writes them only for
-- the signed-in user (or for the person an unsubscribe token was signed for). Notifications and
-- the Message-IDs of notification mails quote a space's content (title, excerpt, topic): they carry
-- the space's territory and the community policy, like every community table.

CREATE TABLE abonnement (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    utilisateur_id  bigint      NOT NULL REFERENCES utilisateur (id),
    -- what is watched: a space, a forum category, a topic (ids) or a tag (its name)
    cible_type      text        NOT NULL CHECK (cible_type IN ('espace', 'categorie', 'sujet', 'tag')),
    cible           text        NOT NULL CHECK (length(cible) BETWEEN 1 AND 100),
    niveau          text        NOT NULL CHECK (niveau IN ('SURVEILLE', 'SUIVI', 'NORMAL', 'SILENCIEUX')),
    -- false: set automatically (creating or replying to a topic), true: chosen by the person
    choisi          boolean     NOT NULL DEFAULT true,
    libelle         text        NOT NULL DEFAULT '' CHECK (length(libelle) <= 300),
    url             text        NOT NULL DEFAULT '' CHECK (length(url) <= 500),
    modifie_le      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX abonnement_uk ON abonnement (utilisateur_id, cible_type, cible);
-- the fan-out looks subscribers up by target
CREATE INDEX abonnement_cible_idx ON abonnement (cible_type, cible);

CREATE TABLE preference_courriel (
    utilisateur_id  bigint      PRIMARY KEY REFERENCES utilisateur (id),
    frequence       text        NOT NULL DEFAULT 'HEBDOMADAIRE' CHECK (frequence IN ('QUOTIDIEN', 'HEBDOMADAIRE')),
    courriels       boolean     NOT NULL DEFAULT true,
    modifie_le      timestamptz NOT NULL DEFAULT now()
);

-- One digest per person and period, ever: the unique key is what makes a rerun harmless.
CREATE TABLE resume_courriel (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    utilisateur_id  bigint      NOT NULL REFERENCES utilisateur (id),
    -- e.g. 'S2026-11-23' (week starting that Monday) or 'J2026-11-23' (that day)
    periode         text        NOT NULL CHECK (length(periode) <= 20),
    elements        integer     NOT NULL,
    envoye_le       timestamptz NOT NULL,
    CONSTRAINT resume_courriel_uk UNIQUE (utilisateur_id, periode)
);

CREATE TABLE notification (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    territoire      varchar(3),
    utilisateur_id  bigint      NOT NULL REFERENCES utilisateur (id),
    evenement_id    bigint      NOT NULL REFERENCES evenement_communaute (id) ON DELETE CASCADE,
    espace_id       bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    type            text        NOT NULL,
    -- why this person hears of it
    motif           text        NOT NULL CHECK (motif IN ('MENTION', 'REPONSE', 'SURVEILLE', 'SUIVI', 'IMPORTANT')),
    sujet_id        bigint,
    titre           text        NOT NULL,
    extrait         text        NOT NULL DEFAULT '',
    url             text        NOT NULL,
    -- the target whose subscription brought it (per-target unsubscribe), e.g. 'sujet:45'
    cible           text,
    cree_le         timestamptz NOT NULL,
    lue_le          timestamptz,
    -- AUCUN: in-app only; IMMEDIAT: a mail of its own; RESUME: in the next digest
    courriel        text        NOT NULL CHECK (courriel IN ('AUCUN', 'IMMEDIAT', 'RESUME')),
    envoye_le       timestamptz,
    resume_id       bigint      REFERENCES resume_courriel (id),
    PRIMARY KEY (id),
    -- a replayed event never notifies twice
    CONSTRAINT notification_evenement_uk UNIQUE (evenement_id, utilisateur_id)
);
CREATE INDEX notification_utilisateur_idx ON notification (utilisateur_id, cree_le DESC);
CREATE INDEX notification_non_lues_idx ON notification (utilisateur_id) WHERE lue_le IS NULL;
CREATE INDEX notification_a_envoyer_idx ON notification (id) WHERE courriel = 'IMMEDIAT' AND envoye_le IS NULL;
CREATE INDEX notification_resume_idx ON notification (utilisateur_id) WHERE courriel = 'RESUME' AND resume_id IS NULL;

-- Message-IDs of the notification mails about a topic: a reply quoting one reaches that topic,
-- from the person it was sent to only.
CREATE TABLE courriel_notification (
    message_id      text        PRIMARY KEY CHECK (length(message_id) <= 200),
    territoire      varchar(3),
    utilisateur_id  bigint      NOT NULL REFERENCES utilisateur (id),
    sujet_id        bigint      NOT NULL,
    espace_id       bigint      NOT NULL REFERENCES espace (id) ON DELETE CASCADE,
    cree_le         timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER notification_territoire BEFORE INSERT ON notification
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();
CREATE TRIGGER courriel_notification_territoire BEFORE INSERT ON courriel_notification
    FOR EACH ROW EXECUTE FUNCTION sne_espace_territoire();

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_communaute ON notification
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));
ALTER TABLE courriel_notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE courriel_notification FORCE ROW LEVEL SECURITY;
CREATE POLICY courriel_notification_communaute ON courriel_notification
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));

GRANT SELECT, INSERT, UPDATE, DELETE ON abonnement TO ${approle};
GRANT SELECT, INSERT, UPDATE ON preference_courriel TO ${approle};
GRANT SELECT, INSERT ON resume_courriel TO ${approle};
GRANT SELECT, INSERT, UPDATE ON notification TO ${approle};
GRANT SELECT, INSERT ON courriel_notification TO ${approle};
