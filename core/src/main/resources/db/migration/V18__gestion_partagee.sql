-- Gestion partagée (issue #5), on top of V15: desk events entered and deleted through the API
-- and the pages, the priority data the territory's actors share, and what the derived
-- indicators filter on. The territory's setting "regulatory events on the portal" already
-- lives in territoire.parametres (V3, key evenementsVisiblesDemandeur, default true).

-- 1. Events entered by the territory's management (GT), who holds no desk. A desk event names its
-- desk (only that desk deletes it); a GT event names none and is deleted by the territory's GT.
ALTER TABLE evenement ADD COLUMN par_gestionnaire boolean NOT NULL DEFAULT false;
ALTER TABLE evenement DROP CONSTRAINT evenement_desk_ck;
ALTER TABLE evenement ADD CONSTRAINT evenement_createur_ck
    CHECK ((origine = 'SYSTEME' AND NOT par_gestionnaire)
           OR (origine = 'GUICHET' AND (guichet IS NOT NULL) <> par_gestionnaire));
-- the register's own events are never deleted
ALTER TABLE evenement ADD CONSTRAINT evenement_suppression_guichet_ck CHECK (supprime_le IS NULL OR origine = 'GUICHET');

-- 2. "Multiples attributions sous conditions": the few conditional attributions (DESCAL, ATTCSU)
-- and lease signatures (SIGBAI) of a territory, not deleted. The search's filter starts from them
-- rather than from the territory's applications; in the application's order, they are grouped and
-- matched with later leases without sorting (plans measured: bench/src/main/resources/gestion-partagee).
CREATE INDEX evenement_attribution_idx ON evenement (territoire, numero_unique, code, date_survenance)
    WHERE code IN ('DESCAL', 'ATTCSU', 'SIGBAI') AND supprime_le IS NULL;

-- 3. Priority data shared by the territory's professionals (distinct from what the applicant
-- declares in the CERFA content): DALO status and its dates, L441-1 categories retained, local
-- labels, contingents the household is eligible for. One row per application, versioned for
-- optimistic locking; before/after of every change in the audit trail.
CREATE TABLE priorite_demande (
    territoire          varchar(3)  NOT NULL REFERENCES territoire (code),
    numero_unique       varchar(18) NOT NULL,
    statut_dalo         text        NOT NULL CHECK (statut_dalo IN ('NON', 'ACTIF', 'CADUC', 'ACTREL')),
    date_decision_dalo  date,
    -- caducité (CADUC) or rehousing (ACTREL)
    date_fin_dalo       date,
    categories          text[]      NOT NULL DEFAULT '{}',
    labels              text[]      NOT NULL DEFAULT '{}',
    contingents         text[]      NOT NULL DEFAULT '{}',
    version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- who changed it last: a desk, or the territory's management (guichet NULL)
    guichet             varchar(5)  REFERENCES guichet (code),
    auteur              text        NOT NULL,
    modifie_le          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, numero_unique),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT priorite_aucun_exclusif_ck CHECK (NOT ('AUCUN' = ANY (contingents)) OR cardinality(contingents) = 1),
    CONSTRAINT priorite_dates_dalo_ck CHECK (date_fin_dalo IS NULL OR date_decision_dalo IS NULL
                                             OR date_fin_dalo >= date_decision_dalo)
);
ALTER TABLE priorite_demande ENABLE ROW LEVEL SECURITY;
ALTER TABLE priorite_demande FORCE ROW LEVEL SECURITY;
CREATE POLICY priorite_demande_du_territoire ON priorite_demande
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY priorite_demande_lecture_nationale ON priorite_demande FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
GRANT SELECT, INSERT, UPDATE ON priorite_demande TO ${approle};
