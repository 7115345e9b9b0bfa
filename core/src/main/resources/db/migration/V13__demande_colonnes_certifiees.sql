-- What the register certifies never changes once written, whoever writes: the number, its
-- territory and the filing date (the applicant's seniority); the account link is set once (at
-- the desk's validation of an online application). In an applicant's own scope (sne.compte),
-- the register's own columns — state, desk, renewal dates — cannot change either: an applicant
-- changes only the content. Java does the same; this holds for any statement of the application's
-- role. The owner role (migrations, a supervised import of legacy files with their real filing
-- dates) is not bound.
CREATE FUNCTION demande_colonnes_certifiees() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_user <> '${approle}' THEN
        RETURN NEW;
    END IF;
    IF NEW.numero_unique IS DISTINCT FROM OLD.numero_unique OR NEW.territoire IS DISTINCT FROM OLD.territoire
       OR NEW.date_depot IS DISTINCT FROM OLD.date_depot THEN
        RAISE EXCEPTION 'Le numéro unique, le territoire et la date de dépôt d''une demande ne changent jamais'
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.compte_demandeur IS NOT NULL AND NEW.compte_demandeur IS DISTINCT FROM OLD.compte_demandeur THEN
        RAISE EXCEPTION 'Le compte du demandeur d''une demande ne change pas' USING ERRCODE = 'check_violation';
    END IF;
    IF coalesce(current_setting('sne.compte', true), '') <> ''
       AND (NEW.etat IS DISTINCT FROM OLD.etat OR NEW.guichet_enregistreur IS DISTINCT FROM OLD.guichet_enregistreur
            OR NEW.date_dernier_renouvellement IS DISTINCT FROM OLD.date_dernier_renouvellement
            OR NEW.date_prochain_renouvellement IS DISTINCT FROM OLD.date_prochain_renouvellement) THEN
        RAISE EXCEPTION 'Un demandeur ne modifie que le contenu de sa demande' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER demande_colonnes_certifiees BEFORE UPDATE ON demande
    FOR EACH ROW EXECUTE FUNCTION demande_colonnes_certifiees();
