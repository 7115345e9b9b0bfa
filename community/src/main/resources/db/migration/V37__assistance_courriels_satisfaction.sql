-- SNE Communautés (issue #10): the support tickets' mails (outbound queue, threading) and the
-- satisfaction surveys (CSAT).
--
-- Row-level security: like every ticket child table (V34), each row carries the ticket's
-- territory, copied by the trigger sne_ticket_territoire, and uses sne_communaute_visible. The
-- sending job and the inbound mail handling work in the national scopes (the queue crosses
-- territories); the requester's own rating page runs in the national scope too, after the code
-- checked the signed link or the requester's identity (fr.sne.community.assistance.satisfaction).

-- Outbound mails: queued after the change's commit, sent by a persistent job with retries, so
-- that an SMTP failure never loses a mail. The Message-ID is fixed at queueing: replies (In-Reply-To,
-- References) are matched to the ticket through it, and a mail sent twice after a crash is one
-- message for the mail clients.
CREATE TABLE courriel_assistance (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id       bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    territoire      varchar(3),
    -- CREATION, REPONSE, STATUT, REFUS (polite refusal of a reply by mail)
    evenement       text        NOT NULL CHECK (evenement IN ('CREATION', 'REPONSE', 'STATUT', 'REFUS')),
    destinataire_id bigint      REFERENCES utilisateur (id),
    destinataire    text        NOT NULL CHECK (length(destinataire) BETWEEN 3 AND 320),
    objet           text        NOT NULL CHECK (length(objet) BETWEEN 1 AND 400),
    texte           text        NOT NULL,
    message_id      text        NOT NULL UNIQUE,
    in_reply_to     text,
    chaine          text        NOT NULL DEFAULT '',
    etat            text        NOT NULL CHECK (etat IN ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'REFUSE', 'ECHEC')),
    tentatives      integer     NOT NULL DEFAULT 0,
    prochain_essai  timestamptz NOT NULL,
    jeton           uuid,
    reclame_le      timestamptz,
    diagnostic      text,
    cree_le         timestamptz NOT NULL,
    envoye_le       timestamptz
);
CREATE INDEX courriel_assistance_territoire_idx ON courriel_assistance (territoire, ticket_id, cree_le);
CREATE INDEX courriel_assistance_dus_idx ON courriel_assistance (prochain_essai) WHERE etat IN ('A_ENVOYER', 'EN_COURS');

CREATE TRIGGER courriel_assistance_territoire BEFORE INSERT OR UPDATE ON courriel_assistance
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();

-- Satisfaction: one invitation per resolution round (the n-th time the ticket was resolved). A
-- reopening voids the current round (annule_le): its link no longer rates, and the report leaves
-- it out; the next resolution opens a new round.
CREATE TABLE satisfaction_assistance (
    ticket_id    bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    tour         integer     NOT NULL CHECK (tour >= 1),
    territoire   varchar(3),
    demandeur_id bigint      NOT NULL REFERENCES utilisateur (id),
    -- the agent who handled the ticket at the resolution, and its application: the report's axes
    agent_id     bigint      REFERENCES utilisateur (id),
    application  text        NOT NULL,
    invite_le    timestamptz NOT NULL,
    expire_le    timestamptz NOT NULL,
    note         smallint    CHECK (note BETWEEN 1 AND 5),
    commentaire  text        CHECK (length(commentaire) <= 2000),
    repondu_le   timestamptz,
    annule_le    timestamptz,
    PRIMARY KEY (ticket_id, tour),
    CONSTRAINT satisfaction_reponse_ck CHECK ((note IS NULL) = (repondu_le IS NULL))
);
CREATE INDEX satisfaction_assistance_territoire_idx ON satisfaction_assistance (territoire, ticket_id);
CREATE INDEX satisfaction_assistance_rapport_idx ON satisfaction_assistance (application, agent_id) WHERE note IS NOT NULL;

CREATE TRIGGER satisfaction_assistance_territoire BEFORE INSERT OR UPDATE ON satisfaction_assistance
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['courriel_assistance', 'satisfaction_assistance'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (sne_communaute_visible(territoire)) '
                       'WITH CHECK (sne_communaute_visible(territoire))', t || '_communaute', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON courriel_assistance TO ${approle};
GRANT SELECT, INSERT, UPDATE ON satisfaction_assistance TO ${approle};
