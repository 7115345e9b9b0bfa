-- Anti-fraud (issue #5): changes of birth name and first names made by desks, and the desk
-- behind each version of an application.
--
-- A desk's change of the applicant's or a co-holder's names is applied at once only when it is
-- minor; otherwise it waits here for a decision of the territory's manager (GT) or of a manager
-- of the requesting desk, never of the person who asked (fr.sne.core.antifraude). Every change,
-- minor or not, is kept: the GT's monitoring counts them per desk.

CREATE TABLE changement_nom (
    territoire              varchar(3)  NOT NULL REFERENCES territoire (code),
    id                      bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique           varchar(18) NOT NULL,
    -- whose names: the applicant, or the co-holder at that rank of the content
    personne                text        NOT NULL CHECK (personne ~ '^(demandeur|cotitulaires\[[0-9]{1,2}\])$'),
    nom_avant               text,
    prenoms_avant           text,
    nom_apres               text,
    prenoms_apres           text,
    -- applied at once (APPLIQUE, minor), waiting (EN_ATTENTE), then VALIDE or REFUSE
    mineur                  boolean     NOT NULL,
    statut                  text        NOT NULL CHECK (statut IN ('APPLIQUE', 'EN_ATTENTE', 'VALIDE', 'REFUSE')),
    -- the desk that asked (NULL: a territorial manager, who belongs to no desk)
    guichet                 varchar(5)  REFERENCES guichet (code),
    -- who asked: the audit's actor id, the person's account (NULL for an API client), a label
    -- for professionals (never shown to the applicant)
    demande_par             text        NOT NULL,
    demande_par_utilisateur bigint,
    demande_par_libelle     text        NOT NULL,
    demande_le              timestamptz NOT NULL DEFAULT now(),
    version_demande         integer     NOT NULL,
    decide_par              text,
    decide_par_utilisateur  bigint,
    decide_par_libelle      text,
    -- the deciding manager's desk (NULL: the territorial manager)
    decide_par_guichet      varchar(5)  REFERENCES guichet (code),
    decide_le               timestamptz,
    motif_refus             text        CHECK (length(motif_refus) <= 2000),
    -- the version a validation wrote
    version_appliquee       integer,
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT changement_nom_attente_ck CHECK (statut <> 'EN_ATTENTE' OR NOT mineur),
    CONSTRAINT changement_nom_decision_ck CHECK ((statut IN ('VALIDE', 'REFUSE')) = (decide_le IS NOT NULL)),
    CONSTRAINT changement_nom_refus_ck CHECK (statut <> 'REFUSE' OR motif_refus IS NOT NULL)
);
-- monitoring: changes of a territory over a period, per desk
CREATE INDEX changement_nom_periode_idx ON changement_nom (territoire, demande_le, guichet);
-- an application's changes (pending first)
CREATE INDEX changement_nom_demande_idx ON changement_nom (territoire, numero_unique, statut);
-- the same change asked again while it waits (a vendor re-sending its copy) is the same request
CREATE UNIQUE INDEX changement_nom_en_attente_uk ON changement_nom
    (territoire, numero_unique, personne, coalesce(nom_avant, ''), coalesce(prenoms_avant, ''),
     coalesce(nom_apres, ''), coalesce(prenoms_apres, ''))
    WHERE statut = 'EN_ATTENTE';

ALTER TABLE changement_nom ENABLE ROW LEVEL SECURITY;
ALTER TABLE changement_nom FORCE ROW LEVEL SECURITY;
CREATE POLICY changement_nom_du_territoire ON changement_nom
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY changement_nom_lecture_nationale ON changement_nom FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- the applicant's history of changes reads the decisions on their own application
CREATE POLICY changement_nom_du_compte ON changement_nom FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = changement_nom.territoire
                     AND d.numero_unique = changement_nom.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

GRANT SELECT, INSERT ON changement_nom TO ${approle};
-- only the decision may be written afterwards, never the change itself
GRANT UPDATE (statut, decide_par, decide_par_utilisateur, decide_par_libelle, decide_par_guichet, decide_le, motif_refus, version_appliquee)
    ON changement_nom TO ${approle};

-- The desk each version was written for, so that the applicant sees which desk changed their
-- application and never the agent's name (auteur_libelle names the agent). NULL: the
-- applicant, the system, or a territorial manager.
ALTER TABLE demande_version ADD COLUMN guichet varchar(5) REFERENCES guichet (code);
-- versions written before: the API client's desk, or the registering desk for a first version
UPDATE demande_version v SET guichet = c.guichet
  FROM client_api c WHERE v.guichet IS NULL AND v.auteur = 'client:' || c.client_id;
UPDATE demande_version v SET guichet = d.guichet_enregistreur
  FROM demande d WHERE v.guichet IS NULL AND v.version = 1 AND d.territoire = v.territoire
   AND d.numero_unique = v.numero_unique AND d.guichet_enregistreur <> 'GDPUB' AND v.auteur NOT LIKE 'demandeur:%';
-- and a professional's version: the desk of the audit row written with it (same actor, same version)
UPDATE demande_version v SET guichet = a.guichet
  FROM audit a
 WHERE v.guichet IS NULL AND a.guichet IS NOT NULL AND a.objet_type = 'DEMANDE' AND a.objet_id = v.numero_unique
   AND a.acteur = v.auteur AND a.action = 'MODIFICATION' AND a.apres ->> 'version' = v.version::text;
