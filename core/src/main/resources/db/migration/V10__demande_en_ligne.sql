-- Online filing on the public portal: an applicant (compte_demandeur) fills a draft in steps,
-- submits it, and a desk of the territory validates it (the number is issued, with the portal's
-- desk code GDPUB) or refuses it with a reason shown to the applicant.
--
-- Two tables, because a draft has no territory yet: the territory is set at submission, from
-- the département of the first wanted commune (one territory per online application).
--   brouillon_en_ligne  the drafts: the applicant's own data, addressed to no territory yet, so
--                       keyed and protected by the account (like compte_demandeur itself);
--   demande_en_ligne    submitted applications: tenant data, territory first, seen by the desks
--                       of the territory and by the applicant who filed them.
-- Both take their id from one sequence: an application keeps its id when submitted.
--
-- RLS setting added for applicants: sne.compte = the id of the signed-in applicant's account
-- ('' otherwise), set per transaction by TenantTransactions like sne.territoire.

-- The portal's national desk: its code ends every number issued for an online application.
INSERT INTO guichet (code, territoire, nom, type) VALUES ('GDPUB', NULL, 'Guichet internet grand public', 'PORTAIL')
ON CONFLICT (code) DO NOTHING;

CREATE SEQUENCE demande_en_ligne_id_seq;

CREATE TABLE brouillon_en_ligne (
    id                bigint      PRIMARY KEY DEFAULT nextval('demande_en_ligne_id_seq'),
    compte_demandeur  bigint      NOT NULL REFERENCES compte_demandeur (id),
    -- the furthest step reached (1 Identité … 7 Récapitulatif): where "resume" goes back to
    etape             smallint    NOT NULL DEFAULT 1 CHECK (etape BETWEEN 1 AND 7),
    document          jsonb       NOT NULL,
    cree_le           timestamptz NOT NULL DEFAULT now(),
    modifie_le        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX brouillon_en_ligne_compte_idx ON brouillon_en_ligne (compte_demandeur, modifie_le DESC);

ALTER TABLE brouillon_en_ligne ENABLE ROW LEVEL SECURITY;
ALTER TABLE brouillon_en_ligne FORCE ROW LEVEL SECURITY;
CREATE POLICY brouillon_en_ligne_du_compte ON brouillon_en_ligne
    USING (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint)
    WITH CHECK (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint);

CREATE TABLE demande_en_ligne (
    territoire        varchar(3)  NOT NULL REFERENCES territoire (code),
    id                bigint      NOT NULL,
    compte_demandeur  bigint      NOT NULL REFERENCES compte_demandeur (id),
    statut            text        NOT NULL CHECK (statut IN ('SOUMISE', 'VALIDEE', 'REFUSEE')),
    document          jsonb       NOT NULL,
    -- bumped by each correction of the applicant: a desk validates the version it has checked
    version           integer     NOT NULL DEFAULT 1,
    cree_le           timestamptz NOT NULL,
    soumise_le        timestamptz NOT NULL DEFAULT now(),
    -- the submission's date (Europe/Paris): the certified filing date once validated
    date_depot        date        NOT NULL,
    modifie_le        timestamptz NOT NULL DEFAULT now(),
    numero_unique     varchar(18),
    motif_refus       text        CHECK (length(motif_refus) BETWEEN 1 AND 1000),
    -- what the desk checked against the identity document: {"piece", "nomNaissance", "prenoms", "dateNaissance"}
    verification      jsonb,
    traitee_le        timestamptz,
    traitee_par       text,
    PRIMARY KEY (territoire, id),
    CONSTRAINT demande_en_ligne_numero_ck CHECK ((statut = 'VALIDEE') = (numero_unique IS NOT NULL)),
    CONSTRAINT demande_en_ligne_refus_ck CHECK ((statut = 'REFUSEE') = (motif_refus IS NOT NULL)),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique)
);
-- the desks' queue: submitted applications of the territory, oldest first
CREATE INDEX demande_en_ligne_file_idx ON demande_en_ligne (territoire, statut, soumise_le);
-- an applicant's own applications: territory first like every index; the applicant's list probes
-- it once per territory (territoire = ANY (all codes)), about a hundred probes at most
CREATE INDEX demande_en_ligne_compte_idx ON demande_en_ligne (territoire, compte_demandeur);

-- Once submitted, what identifies the application and its seniority never changes, and a
-- decision (validated, refused) is final: whatever the code does.
CREATE FUNCTION sne_demande_en_ligne_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.territoire IS DISTINCT FROM OLD.territoire OR NEW.id IS DISTINCT FROM OLD.id
       OR NEW.compte_demandeur IS DISTINCT FROM OLD.compte_demandeur OR NEW.date_depot IS DISTINCT FROM OLD.date_depot
       OR NEW.soumise_le IS DISTINCT FROM OLD.soumise_le OR NEW.cree_le IS DISTINCT FROM OLD.cree_le THEN
        RAISE EXCEPTION 'territoire, compte et date de dépôt d''une demande en ligne ne changent pas' USING ERRCODE = '42501';
    END IF;
    IF OLD.statut <> 'SOUMISE' THEN
        RAISE EXCEPTION 'une demande en ligne validée ou refusée ne change plus' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER demande_en_ligne_immuable BEFORE UPDATE ON demande_en_ligne
    FOR EACH ROW EXECUTE FUNCTION sne_demande_en_ligne_immuable();

ALTER TABLE demande_en_ligne ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande_en_ligne FORCE ROW LEVEL SECURITY;
-- desks of the territory: read, validate, refuse
CREATE POLICY demande_en_ligne_du_territoire ON demande_en_ligne
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY demande_en_ligne_lecture_nationale ON demande_en_ligne FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- the applicant: reads their own, submits, corrects while it waits for validation
CREATE POLICY demande_en_ligne_du_compte ON demande_en_ligne FOR SELECT
    USING (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint);
CREATE POLICY demande_en_ligne_depot ON demande_en_ligne FOR INSERT
    WITH CHECK (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint AND statut = 'SOUMISE');
CREATE POLICY demande_en_ligne_correction ON demande_en_ligne FOR UPDATE
    USING (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint AND statut = 'SOUMISE')
    WITH CHECK (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint AND statut = 'SOUMISE');

-- A registered application filed online stays linked to the applicant's account, so that the
-- applicant reads its state (never another's: only rows of their own account).
ALTER TABLE demande ADD COLUMN compte_demandeur bigint REFERENCES compte_demandeur (id);
CREATE INDEX demande_compte_idx ON demande (territoire, compte_demandeur) WHERE compte_demandeur IS NOT NULL;
CREATE POLICY demande_du_compte ON demande FOR SELECT
    USING (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint);

GRANT USAGE ON SEQUENCE demande_en_ligne_id_seq TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON brouillon_en_ligne TO ${approle};
GRANT SELECT, INSERT, UPDATE ON demande_en_ligne TO ${approle};
