-- Registration attestations: what their legal content needs (landlords owning social housing in
-- the wanted communes, the territory's DALO mediation commission) and the outbox of their
-- sending (e-mail, or the postal queue printed by desks). The "délai anormalement long" already
-- lives on the territory (territoire.delai_anormalement_long_mois).

-- Landlords' social housing stock by commune (as counted by the RPLS), kept per territory: the
-- territory's managers maintain it, the attestation lists it for the wanted communes.
CREATE TABLE patrimoine_bailleur (
    territoire        varchar(3)  NOT NULL REFERENCES territoire (code),
    commune           varchar(5)  NOT NULL REFERENCES commune (code),
    siren             char(9)     NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
    bailleur          text        NOT NULL CHECK (length(bailleur) BETWEEN 1 AND 200),
    -- the landlord's registering desk, when it is one
    guichet           varchar(5)  REFERENCES guichet (code),
    adresse           text        CHECK (length(adresse) <= 300),
    telephone         text        CHECK (length(telephone) <= 30),
    nombre_logements  integer     NOT NULL CHECK (nombre_logements > 0),
    -- year of the count (RPLS at 1 January)
    millesime         smallint    NOT NULL CHECK (millesime BETWEEN 2000 AND 2100),
    modifie_le        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, commune, siren)
);
ALTER TABLE patrimoine_bailleur ENABLE ROW LEVEL SECURITY;
ALTER TABLE patrimoine_bailleur FORCE ROW LEVEL SECURITY;
CREATE POLICY patrimoine_bailleur_du_territoire ON patrimoine_bailleur
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY patrimoine_bailleur_lecture_nationale ON patrimoine_bailleur FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- The DALO mediation commission of a territory (article L. 441-2-3 of the CCH): where and how
-- an applicant seizes it once the "délai anormalement long" has passed.
CREATE TABLE commission_mediation (
    territoire  varchar(3)  NOT NULL REFERENCES territoire (code),
    nom         text        NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
    adresse     text        NOT NULL CHECK (length(adresse) BETWEEN 1 AND 300),
    telephone   text        CHECK (length(telephone) <= 30),
    courriel    text        CHECK (courriel ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    site        text        CHECK (length(site) <= 300),
    modifie_le  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire)
);
ALTER TABLE commission_mediation ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_mediation FORCE ROW LEVEL SECURITY;
CREATE POLICY commission_mediation_du_territoire ON commission_mediation
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY commission_mediation_lecture_nationale ON commission_mediation FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');

-- Outbox of attestations to send: written in the registering (or validating) transaction, sent
-- by a persistent job. e-mail: A_ENVOYER → EN_COURS (claimed) → ENVOYE; post: A_IMPRIMER → IMPRIME
-- (printed in a batch, "lot"). A row goes to the post when there is no e-mail, when the applicant
-- is assisted, or when the e-mail is refused, bounces or keeps failing (raison_courrier).
CREATE TABLE envoi_attestation (
    territoire       varchar(3)  NOT NULL REFERENCES territoire (code),
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique    varchar(18) NOT NULL,
    -- the desk whose agents print the letter (registering or validating desk)
    guichet          varchar(5)  NOT NULL REFERENCES guichet (code),
    motif            text        NOT NULL CHECK (motif IN ('ENREGISTREMENT', 'VALIDATION', 'RENOUVELLEMENT')),
    etat             text        NOT NULL CHECK (etat IN ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'A_IMPRIMER', 'IMPRIME')),
    raison_courrier  text        CHECK (raison_courrier IN ('SANS_COURRIEL', 'ASSISTE', 'REFUS', 'REBOND', 'ECHECS')),
    destinataire     text        CHECK (length(destinataire) <= 320),
    tentatives       integer     NOT NULL DEFAULT 0,
    a_tenter_le      timestamptz NOT NULL DEFAULT now(),
    pris_le          timestamptz,
    erreur           text        CHECK (length(erreur) <= 1000),
    message_id       text        CHECK (length(message_id) <= 200),
    envoye_le        timestamptz,
    lot              uuid,
    imprime_le       timestamptz,
    imprime_par      text,
    cree_le          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT envoi_attestation_courrier_ck CHECK ((etat IN ('A_IMPRIMER', 'IMPRIME')) = (raison_courrier IS NOT NULL)),
    CONSTRAINT envoi_attestation_lot_ck CHECK ((etat = 'IMPRIME') = (lot IS NOT NULL))
);
-- the job's queue, the desks' postal queue, printed batches, bounces (by Message-ID)
CREATE INDEX envoi_attestation_a_envoyer_idx ON envoi_attestation (territoire, a_tenter_le, id)
    WHERE etat IN ('A_ENVOYER', 'EN_COURS');
CREATE INDEX envoi_attestation_a_imprimer_idx ON envoi_attestation (territoire, guichet, id) WHERE etat = 'A_IMPRIMER';
CREATE INDEX envoi_attestation_lot_idx ON envoi_attestation (territoire, lot) WHERE lot IS NOT NULL;
CREATE UNIQUE INDEX envoi_attestation_message_uk ON envoi_attestation (territoire, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX envoi_attestation_demande_idx ON envoi_attestation (territoire, numero_unique);

ALTER TABLE envoi_attestation ENABLE ROW LEVEL SECURITY;
ALTER TABLE envoi_attestation FORCE ROW LEVEL SECURITY;
CREATE POLICY envoi_attestation_du_territoire ON envoi_attestation
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));

-- Reference data is maintained by migrations and demo scripts for now: the application only reads it.
GRANT SELECT ON patrimoine_bailleur TO ${approle};
GRANT SELECT ON commission_mediation TO ${approle};
GRANT SELECT, INSERT, UPDATE ON envoi_attestation TO ${approle};
