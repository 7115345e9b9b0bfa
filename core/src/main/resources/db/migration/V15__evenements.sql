-- Gestion partagée (issue #5): the dated events of an application, shared by every actor of the
-- territory. System events (creation, validation, update, renewal, radiation…) are written by
-- the register in the transaction of the change, with its GDM movement (fr.sne.core.journal);
-- desk events are entered by a desk, which alone may delete them. A deleted event stays, flagged
-- (supprime_le), for professionals; applicants no longer see it. The catalogue of codes lives in
-- code (CatalogueEvenements): stable codes, labels, regulatory flag, applicant visibility.

CREATE TABLE evenement (
    territoire       varchar(3)  NOT NULL REFERENCES territoire (code),
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique    varchar(18) NOT NULL,
    code             varchar(12) NOT NULL CHECK (code ~ '^[A-Z0-9]{3,12}$'),
    origine          text        NOT NULL CHECK (origine IN ('SYSTEME', 'GUICHET')),
    date_survenance  date        NOT NULL,
    commentaire      text        CHECK (length(commentaire) <= 4000),
    -- the desk that entered the event, or whose action caused a system event (NULL: the system alone)
    guichet          varchar(5)  REFERENCES guichet (code),
    -- the audit's actor id; never shown to the applicant
    auteur           text        NOT NULL,
    cree_le          timestamptz NOT NULL DEFAULT now(),
    supprime_le      timestamptz,
    supprime_par     text,
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT evenement_desk_ck CHECK (origine = 'SYSTEME' OR guichet IS NOT NULL),
    CONSTRAINT evenement_suppression_ck CHECK ((supprime_le IS NULL) = (supprime_par IS NULL))
);
-- an application's history, and "has this application had event X since …" checks
CREATE INDEX evenement_demande_idx ON evenement (territoire, numero_unique, code, date_survenance);

ALTER TABLE evenement ENABLE ROW LEVEL SECURITY;
ALTER TABLE evenement FORCE ROW LEVEL SECURITY;
CREATE POLICY evenement_du_territoire ON evenement
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY evenement_lecture_nationale ON evenement FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- an applicant reads the events of their own application and, when they update it from the
-- portal, the register writes its system event in their scope
CREATE POLICY evenement_du_compte ON evenement FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = evenement.territoire
                     AND d.numero_unique = evenement.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));
CREATE POLICY evenement_systeme_du_compte ON evenement FOR INSERT
    WITH CHECK (origine = 'SYSTEME' AND EXISTS (SELECT 1 FROM demande d WHERE d.territoire = evenement.territoire
                     AND d.numero_unique = evenement.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

GRANT SELECT, INSERT ON evenement TO ${approle};
-- only the deletion flag may change, never the event itself
GRANT UPDATE (supprime_le, supprime_par) ON evenement TO ${approle};
