-- Renewal notices (issue #5): before an application's deadline (demande.date_prochain_renouvellement)
-- the applicant is warned: a first notice two months before (e-mail and SMS when they use the online
-- services and have a digital contact, a postal letter otherwise), a registered letter one month
-- before if still not renewed. Persistent jobs (db-scheduler) plan and send them
-- (fr.sne.core.avis).
--
--   avis_renouvellement  one notice: the application, the deadline it warns about and its kind.
--                        Unique per (territory, application, deadline, kind): planning twice plans
--                        nothing new, and a renewal (new deadline) starts a new cycle.
--   avis_envoi           its sendings, one per channel, each a small state machine:
--     e-mail, SMS      A_ENVOYER → EN_COURS (claimed by one node, with a lease) → ENVOYE | ECHEC,
--                      or back to A_ENVOYER (temporary failure, retried later);
--                      an e-mail whose claim expired without an outcome (its node died) → INCERTAIN,
--                      never sent again blindly (the mail may have left); an SMS is retried with
--                      the same idempotency key (the provider de-duplicates it);
--     letters          A_IMPRIMER → IMPRIME (in a printed batch, "lot");
--     any pending one  → ANNULE when the application was renewed (deadline moved), radiated, or
--                      its deadline passed before it left.
--   boite_sms            the default run's SMS provider: the messages it "received", keyed by the
--                        idempotency key of the notice (a real provider keeps the same promise).

CREATE TABLE avis_renouvellement (
    territoire     varchar(3)  NOT NULL REFERENCES territoire (code),
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique  varchar(18) NOT NULL,
    -- the deadline the notice warns about (the application's at planning time)
    date_echeance  date        NOT NULL,
    nature         text        NOT NULL CHECK (nature IN ('PREMIER_AVIS', 'DERNIER_AVIS')),
    -- the planning job's date (Europe/Paris)
    planifie_le    date        NOT NULL,
    cree_le        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT avis_renouvellement_uk UNIQUE (territoire, numero_unique, date_echeance, nature)
);

CREATE TABLE avis_envoi (
    territoire         varchar(3)  NOT NULL REFERENCES territoire (code),
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    avis               bigint      NOT NULL,
    canal              text        NOT NULL CHECK (canal IN ('COURRIEL', 'SMS', 'COURRIER', 'RECOMMANDE')),
    etat               text        NOT NULL CHECK (etat IN ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'INCERTAIN', 'ECHEC',
                                                            'A_IMPRIMER', 'IMPRIME', 'ANNULE')),
    -- e-mail address or mobile number (digital channels)
    destinataire       text        CHECK (length(destinataire) <= 320),
    -- letters: the desk whose batch prints it (the registering desk); NULL: the territory's batch
    -- (applications registered through the portal's national desk)
    guichet            varchar(5)  REFERENCES guichet (code),
    tentatives         integer     NOT NULL DEFAULT 0,
    a_tenter_le        timestamptz NOT NULL DEFAULT now(),
    -- the current claim: when, and its token (only the claim's holder records the outcome)
    pris_le            timestamptz,
    jeton              uuid,
    erreur             text        CHECK (length(erreur) <= 1000),
    -- the e-mail's Message-ID or the SMS provider's message id
    reference          text        CHECK (length(reference) <= 200),
    -- sent (digital) or printed (letters)
    envoye_le          timestamptz,
    lot                uuid,
    imprime_par        text,
    annule_le          timestamptz,
    motif_annulation   text        CHECK (motif_annulation IN ('RENOUVELEE', 'RADIEE', 'ECHUE')),
    cree_le            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, avis) REFERENCES avis_renouvellement (territoire, id),
    CONSTRAINT avis_envoi_canal_uk UNIQUE (territoire, avis, canal),
    CONSTRAINT avis_envoi_numerique_ck CHECK ((canal IN ('COURRIEL', 'SMS')) = (destinataire IS NOT NULL)),
    CONSTRAINT avis_envoi_etat_canal_ck CHECK (CASE WHEN canal IN ('COURRIEL', 'SMS')
        THEN etat IN ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'INCERTAIN', 'ECHEC', 'ANNULE')
        ELSE etat IN ('A_IMPRIMER', 'IMPRIME', 'ANNULE') END),
    CONSTRAINT avis_envoi_lot_ck CHECK ((etat = 'IMPRIME') = (lot IS NOT NULL)),
    CONSTRAINT avis_envoi_annulation_ck CHECK ((etat = 'ANNULE') = (motif_annulation IS NOT NULL)),
    CONSTRAINT avis_envoi_prise_ck CHECK (etat <> 'EN_COURS' OR (pris_le IS NOT NULL AND jeton IS NOT NULL))
);
-- the sending job's queue (due and claimed rows), the desks' letters, printed batches, one notice's sendings
CREATE INDEX avis_envoi_file_idx ON avis_envoi (territoire, a_tenter_le, id) WHERE etat IN ('A_ENVOYER', 'EN_COURS');
CREATE INDEX avis_envoi_a_imprimer_idx ON avis_envoi (territoire, guichet, id) WHERE etat = 'A_IMPRIMER';
CREATE INDEX avis_envoi_lot_idx ON avis_envoi (territoire, lot) WHERE lot IS NOT NULL;
CREATE INDEX avis_envoi_avis_idx ON avis_envoi (territoire, avis);

CREATE TABLE boite_sms (
    territoire       varchar(3)  NOT NULL REFERENCES territoire (code),
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    cle_idempotence  text        NOT NULL CHECK (length(cle_idempotence) BETWEEN 1 AND 200),
    destinataire     text        NOT NULL CHECK (length(destinataire) <= 40),
    texte            text        NOT NULL CHECK (length(texte) <= 1600),
    recu_le          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, id),
    CONSTRAINT boite_sms_cle_uk UNIQUE (territoire, cle_idempotence)
);
CREATE INDEX boite_sms_recu_idx ON boite_sms (territoire, recu_le);

-- professionals of the territory (and national read-only profiles) read them; the applicant reads
-- the notices of their own application (sne.compte); the register alone writes them
ALTER TABLE avis_renouvellement ENABLE ROW LEVEL SECURITY;
ALTER TABLE avis_renouvellement FORCE ROW LEVEL SECURITY;
CREATE POLICY avis_renouvellement_du_territoire ON avis_renouvellement
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY avis_renouvellement_lecture_nationale ON avis_renouvellement FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY avis_renouvellement_du_compte ON avis_renouvellement FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = avis_renouvellement.territoire
                     AND d.numero_unique = avis_renouvellement.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

ALTER TABLE avis_envoi ENABLE ROW LEVEL SECURITY;
ALTER TABLE avis_envoi FORCE ROW LEVEL SECURITY;
CREATE POLICY avis_envoi_du_territoire ON avis_envoi
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY avis_envoi_lecture_nationale ON avis_envoi FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY avis_envoi_du_compte ON avis_envoi FOR SELECT
    USING (EXISTS (SELECT 1 FROM avis_renouvellement a JOIN demande d
                     ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
                    WHERE a.territoire = avis_envoi.territoire AND a.id = avis_envoi.avis
                      AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

ALTER TABLE boite_sms ENABLE ROW LEVEL SECURITY;
ALTER TABLE boite_sms FORCE ROW LEVEL SECURITY;
CREATE POLICY boite_sms_du_territoire ON boite_sms
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY boite_sms_lecture_nationale ON boite_sms FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

GRANT SELECT, INSERT ON avis_renouvellement TO ${approle};
GRANT SELECT, INSERT, UPDATE ON avis_envoi TO ${approle};
GRANT SELECT, INSERT ON boite_sms TO ${approle};
