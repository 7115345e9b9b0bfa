-- The life of an application (issue #5): renewal, radiation (by desks, or RADREN by the system
-- at the renewal deadline), de-radiation, and the purge of radiated applications one year later.
--
--   radiation               each radiation of an application, with its motif and, for RADATT, the
--                           attribution; "levee" when undone (de-radiation, or reactivation of a
--                           RADREN by a late renewal). Nominative: purged with the application.
--   radiation_statistique   the anonymous statistics row of each radiation (no number, no name,
--                           months instead of dates): written at radiation time, kept forever.
--   demande_purgee          the tombstone of a purged number: never reused, never registered again.
--
-- The state of an application stays in demande.etat; every change also writes its movement
-- (GDM), its system event and its audit row in the same transaction (fr.sne.core.cycle).

CREATE TABLE radiation (
    territoire           varchar(3)  NOT NULL REFERENCES territoire (code),
    id                   bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique        varchar(18) NOT NULL,
    motif                text        NOT NULL CHECK (motif IN ('RADATT', 'RADABA', 'RADIRR', 'RADCON', 'RADREN')),
    sous_motif           text        CHECK (sous_motif IN ('IRRSEJ', 'IRRRES')),
    date_radiation       date        NOT NULL,
    -- the renewal deadline when radiated (for RADREN the missed one: reactivation until 18 months after it)
    echeance             date        NOT NULL,
    -- the desk that radiated (NULL: the system, or a territorial manager), its type and the author's audit id
    guichet              varchar(5)  REFERENCES guichet (code),
    type_guichet         text,
    auteur               text        NOT NULL,
    auteur_libelle       text        NOT NULL,
    commentaire          text        CHECK (length(commentaire) <= 1000),
    -- RADABA: the date of the applicant's written renunciation
    date_renonciation    date,
    -- RADCON, RADIRR: the warning event (AVERAD) relied on
    evenement_avertissement bigint,
    date_avertissement   date,
    -- RADATT: the attribution (lease, dwelling by its RPLS id or described, réservataire's contingent)
    date_signature_bail  date,
    rpls                 varchar(10) CHECK (rpls ~ '^[0-9A-Z]{10}$'),
    logement_adresse     text        CHECK (length(logement_adresse) BETWEEN 1 AND 300),
    logement_type        text        CHECK (logement_type ~ '^[0-9A-Z]{1,4}$'),
    logement_surface     numeric(6, 2) CHECK (logement_surface > 0),
    logement_loyer       numeric(8, 2) CHECK (logement_loyer >= 0),
    contingent           text        CHECK (contingent IN ('COLTER', 'COLACT', 'PPRIOR', 'PFONCT', 'AUTRES', 'AUCUN')),
    reservataire         text        CHECK (length(reservataire) BETWEEN 1 AND 200),
    date_commission      date,
    statistique_id       bigint      NOT NULL,
    cree_le              timestamptz NOT NULL DEFAULT now(),
    -- undone: DERADIATION (with its mandatory reason) or REACTIVATION (renewal of a RADREN)
    levee_type           text        CHECK (levee_type IN ('DERADIATION', 'REACTIVATION')),
    levee_le             timestamptz,
    levee_par            text,
    levee_par_libelle    text,
    levee_motif          text        CHECK (length(levee_motif) BETWEEN 1 AND 1000),
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT radiation_sous_motif_ck CHECK ((motif = 'RADIRR') = (sous_motif IS NOT NULL)),
    CONSTRAINT radiation_renonciation_ck CHECK ((motif = 'RADABA') = (date_renonciation IS NOT NULL)),
    CONSTRAINT radiation_avertissement_ck CHECK ((motif IN ('RADCON', 'RADIRR')) = (date_avertissement IS NOT NULL)),
    CONSTRAINT radiation_attribution_ck CHECK (motif <> 'RADATT' OR (date_signature_bail IS NOT NULL AND contingent IS NOT NULL
        AND (rpls IS NOT NULL OR (logement_adresse IS NOT NULL AND logement_type IS NOT NULL
                                  AND logement_surface IS NOT NULL AND logement_loyer IS NOT NULL)))),
    CONSTRAINT radiation_levee_ck CHECK ((levee_type IS NULL) = (levee_le IS NULL) AND (levee_type IS NULL) = (levee_par IS NULL)),
    CONSTRAINT radiation_deradiation_motif_ck CHECK (levee_type IS DISTINCT FROM 'DERADIATION' OR levee_motif IS NOT NULL)
);
-- at most one radiation in force per application: a second radiator (another node, a double
-- click) fails here even if it got past the state check
CREATE UNIQUE INDEX radiation_en_vigueur_uk ON radiation (territoire, numero_unique) WHERE levee_le IS NULL;
CREATE INDEX radiation_demande_idx ON radiation (territoire, numero_unique, id);
-- the purge's candidates: radiations in force, oldest first
CREATE INDEX radiation_purge_idx ON radiation (territoire, date_radiation) WHERE levee_le IS NULL;

ALTER TABLE radiation ENABLE ROW LEVEL SECURITY;
ALTER TABLE radiation FORCE ROW LEVEL SECURITY;
CREATE POLICY radiation_du_territoire ON radiation
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY radiation_lecture_nationale ON radiation FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- the applicant reads why and when their own application was radiated
CREATE POLICY radiation_du_compte ON radiation FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = radiation.territoire
                     AND d.numero_unique = radiation.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

GRANT SELECT, INSERT ON radiation TO ${approle};
-- a radiation never changes, it is only lifted
GRANT UPDATE (levee_type, levee_le, levee_par, levee_par_libelle, levee_motif) ON radiation TO ${approle};

-- Anonymous statistics of radiations (reports "radiations by motif", "attributions by
-- réservataire"…): nothing that leads back to a person — no number, months instead of dates.
CREATE TABLE radiation_statistique (
    territoire                 varchar(3)  NOT NULL REFERENCES territoire (code),
    id                         bigint      GENERATED ALWAYS AS IDENTITY,
    mois_depot                 date        NOT NULL CHECK (extract(day FROM mois_depot) = 1),
    mois_radiation             date        NOT NULL CHECK (extract(day FROM mois_radiation) = 1),
    motif                      text        NOT NULL CHECK (motif IN ('RADATT', 'RADABA', 'RADIRR', 'RADCON', 'RADREN')),
    sous_motif                 text        CHECK (sous_motif IN ('IRRSEJ', 'IRRRES')),
    taille_menage              smallint    NOT NULL,
    types_logement             varchar(3)[] NOT NULL DEFAULT '{}',
    commune_principale         varchar(5),
    prioritaire                boolean     NOT NULL DEFAULT false,
    -- the registering desk's type, and the radiating desk's (SYSTEME for RADREN)
    type_guichet_enregistreur  text,
    type_guichet_radiation     text        NOT NULL,
    contingent                 text        CHECK (contingent IN ('COLTER', 'COLACT', 'PPRIOR', 'PFONCT', 'AUTRES', 'AUCUN')),
    -- the radiation was lifted (de-radiation, reactivation): not counted
    annulee                    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (territoire, id)
);
CREATE INDEX radiation_statistique_mois_idx ON radiation_statistique (territoire, mois_radiation, motif);

ALTER TABLE radiation_statistique ENABLE ROW LEVEL SECURITY;
ALTER TABLE radiation_statistique FORCE ROW LEVEL SECURITY;
CREATE POLICY radiation_statistique_du_territoire ON radiation_statistique
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY radiation_statistique_lecture_nationale ON radiation_statistique FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
GRANT SELECT, INSERT ON radiation_statistique TO ${approle};
GRANT UPDATE (annulee) ON radiation_statistique TO ${approle};

-- Tombstones of purged applications: the number stays taken for ever.
CREATE TABLE demande_purgee (
    territoire      varchar(3)  NOT NULL REFERENCES territoire (code),
    numero_unique   varchar(18) NOT NULL,
    motif           text        NOT NULL,
    date_radiation  date        NOT NULL,
    purgee_le       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, numero_unique)
);
CREATE UNIQUE INDEX demande_purgee_numero_uk ON demande_purgee (numero_unique);
ALTER TABLE demande_purgee ENABLE ROW LEVEL SECURITY;
ALTER TABLE demande_purgee FORCE ROW LEVEL SECURITY;
CREATE POLICY demande_purgee_du_territoire ON demande_purgee FOR SELECT
    USING (territoire = current_setting('sne.territoire', true));
CREATE POLICY demande_purgee_lecture_nationale ON demande_purgee FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
-- written only by sne_purger_demande below
GRANT SELECT ON demande_purgee TO ${approle};

-- A purged number is never registered again, whoever inserts (the owner's supervised imports too).
CREATE FUNCTION sne_numero_non_purge() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM demande_purgee WHERE numero_unique = NEW.numero_unique) THEN
        RAISE EXCEPTION 'Le numéro unique % a appartenu à une demande purgée : il ne peut pas être réutilisé', NEW.numero_unique
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER demande_numero_non_purge BEFORE INSERT ON demande
    FOR EACH ROW EXECUTE FUNCTION sne_numero_non_purge();

-- The content of a radiated application no longer changes (only a de-radiation or a
-- reactivation brings it back to ACTIVE first): whatever the code does.
CREATE FUNCTION sne_demande_radiee_figee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.etat = 'RADIEE' AND NEW.etat = 'RADIEE'
       AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.version IS DISTINCT FROM OLD.version) THEN
        RAISE EXCEPTION 'Une demande radiée ne peut pas être modifiée' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER demande_radiee_figee BEFORE UPDATE ON demande
    FOR EACH ROW EXECUTE FUNCTION sne_demande_radiee_figee();

-- The purge of one radiated application, once its radiation is due (one year after it; for
-- RADREN not before the end of the 18-month reactivation window): a tombstone is written, then
-- every row holding the number is deleted — from every table that has a numero_unique column,
-- including the tables of features added later — and, first, every row that refers to those
-- rows through a foreign key, at any depth (e.g. the sendings of a renewal notice, which hold an
-- e-mail address or a phone number but only the notice's id). Kept: the append-only GDM feed
-- (mouvement: no nominative data), the anonymous statistics and the tombstones; the audit
-- trail is append-only and holds no nominative content of applications.
--
-- Runs with the owner's rights (the application role may delete nothing), but only inside the
-- transaction's own territory and only for an application that is due: the application role
-- cannot purge early. p_date: the job's date (Europe/Paris), at most tomorrow by the database clock.

-- Deletes the rows of p_table matching p_condition (a predicate over $1 = territory, $2 = number),
-- after the rows of every table referring to them. Not callable by the application role.
CREATE FUNCTION sne_purger_lignes(p_table regclass, p_condition text, p_territoire varchar, p_numero varchar, p_profondeur integer)
    RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    fk record;
    colonnes_r text;
    colonnes_t text;
BEGIN
    IF p_profondeur > 8 THEN
        RAISE EXCEPTION 'purge : chaîne de références trop longue depuis %', p_table USING ERRCODE = 'foreign_key_violation';
    END IF;
    FOR fk IN SELECT c.conrelid, c.conkey, c.confkey FROM pg_constraint c
               WHERE c.contype = 'f' AND c.confrelid = p_table AND c.conrelid <> p_table LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n) INTO colonnes_r
          FROM unnest(fk.conkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = k.attnum;
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n) INTO colonnes_t
          FROM unnest(fk.confkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = p_table AND a.attnum = k.attnum;
        PERFORM sne_purger_lignes(fk.conrelid::regclass,
                format('(%s) IN (SELECT %s FROM %s WHERE %s)', colonnes_r, colonnes_t, p_table, p_condition),
                p_territoire, p_numero, p_profondeur + 1);
    END LOOP;
    EXECUTE format('DELETE FROM %s WHERE %s', p_table, p_condition) USING p_territoire, p_numero;
END
$$;
REVOKE ALL ON FUNCTION sne_purger_lignes(regclass, text, varchar, varchar, integer) FROM PUBLIC;

CREATE FUNCTION sne_purger_demande(p_territoire varchar, p_numero varchar, p_date date) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r_motif text;
    r_date date;
    t record;
BEGIN
    IF p_territoire IS DISTINCT FROM nullif(current_setting('sne.territoire', true), '') THEN
        RAISE EXCEPTION 'purge hors du territoire de la transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_date > current_date + 1 THEN
        RAISE EXCEPTION 'date de purge dans le futur' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM 1 FROM demande WHERE territoire = p_territoire AND numero_unique = p_numero AND etat = 'RADIEE' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    SELECT motif, date_radiation INTO r_motif, r_date FROM radiation
     WHERE territoire = p_territoire AND numero_unique = p_numero AND levee_le IS NULL
       AND date_radiation + interval '1 year' <= p_date
       AND (motif <> 'RADREN' OR echeance + interval '18 months' < p_date);
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO demande_purgee (territoire, numero_unique, motif, date_radiation) VALUES (p_territoire, p_numero, r_motif, r_date);

    FOR t IN SELECT c.oid::regclass AS nom,
                    EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'territoire' AND NOT x.attisdropped)
                        AS avec_territoire
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'numero_unique' AND NOT a.attisdropped
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                AND c.relname NOT IN ('demande', 'demande_purgee', 'mouvement', 'radiation_statistique')
              ORDER BY c.relname LOOP
        PERFORM sne_purger_lignes(t.nom, CASE WHEN t.avec_territoire THEN 'territoire = $1 AND numero_unique = $2'
                                              ELSE 'numero_unique = $2 AND $1 IS NOT NULL' END, p_territoire, p_numero, 0);
    END LOOP;
    PERFORM sne_purger_lignes('demande'::regclass, 'territoire = $1 AND numero_unique = $2', p_territoire, p_numero, 0);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION sne_purger_demande(varchar, varchar, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sne_purger_demande(varchar, varchar, date) TO ${approle};
