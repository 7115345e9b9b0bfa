-- Hardening after review: identity functions ignore deactivated users and desks, search only
-- trusted schemas, partitions are created in bounded numbers, and national habilitations (no
-- territory, so invisible to every territorial scope) get their own narrow functions for the
-- nightly inactivity job.

CREATE OR REPLACE FUNCTION sne_habilitations_de(p_utilisateur bigint)
    RETURNS TABLE (id bigint, profil text, guichet varchar, guichet_nom text, territoire varchar,
                   territoire_nom text, statut text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT h.id, h.profil, h.guichet, g.nom, h.territoire, t.nom, h.statut
      FROM habilitation h
      JOIN utilisateur u ON u.id = h.utilisateur_id AND u.actif
      LEFT JOIN guichet g ON g.code = h.guichet
      LEFT JOIN territoire t ON t.code = h.territoire
     WHERE h.utilisateur_id = p_utilisateur AND (h.guichet IS NULL OR g.actif)
     ORDER BY h.id
$$;

CREATE OR REPLACE FUNCTION sne_client_api_actif(p_client_id text)
    RETURNS TABLE (client_id text, guichet varchar, territoire varchar, scopes text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT c.client_id, c.guichet, c.territoire, c.scopes
      FROM client_api c JOIN guichet g ON g.code = c.guichet
     WHERE c.client_id = p_client_id AND c.actif AND g.actif
$$;

CREATE OR REPLACE FUNCTION sne_audit_partitions(p_debut date, p_mois integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    m date;
    nom text;
    crees integer := 0;
BEGIN
    IF p_mois < 1 OR p_mois > 24 OR p_debut < current_date - 62 OR p_debut > current_date + 400 THEN
        RAISE EXCEPTION 'partitions d''audit : période refusée' USING ERRCODE = '22023';
    END IF;
    FOR i IN 0 .. p_mois - 1 LOOP
        m := date_trunc('month', p_debut)::date + make_interval(months => i);
        nom := 'audit_' || to_char(m, 'YYYY_MM');
        IF to_regclass(nom) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit FOR VALUES FROM (%L) TO (%L)',
                           nom, m, (m + interval '1 month')::date);
            crees := crees + 1;
        END IF;
    END LOOP;
    RETURN crees;
END
$$;

-- National habilitations unused since p_limite: suspended; returns their ids.
CREATE FUNCTION sne_suspendre_nationales_inactives(p_limite timestamptz, p_maintenant timestamptz)
    RETURNS SETOF bigint LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE habilitation h SET statut = 'SUSPENDUE', motif_suspension = 'INACTIVITE', suspendue_le = p_maintenant,
           version = h.version + 1, modifie_le = now()
      FROM utilisateur u
     WHERE u.id = h.utilisateur_id AND h.territoire IS NULL AND h.statut = 'ACTIVE'
       AND greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le) < p_limite
    RETURNING h.id
$$;

-- National habilitations to warn (unused since before p_seuil, still after p_limite, not yet warned since).
CREATE FUNCTION sne_nationales_a_avertir(p_limite timestamptz, p_seuil timestamptz)
    RETURNS TABLE (id bigint, email text, profil text, derniere_activite timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT h.id, u.email, h.profil, greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le)
      FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id
     WHERE h.territoire IS NULL AND h.statut = 'ACTIVE'
       AND (h.avertissement_inactivite_le IS NULL
            OR h.avertissement_inactivite_le < greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le))
       AND greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le) < p_seuil
       AND greatest(u.derniere_connexion, h.certifiee_le, h.confirmee_le, h.cree_le) >= p_limite
$$;

CREATE FUNCTION sne_nationale_avertie(p_id bigint, p_le timestamptz) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE habilitation SET avertissement_inactivite_le = p_le WHERE id = p_id AND territoire IS NULL
$$;

REVOKE ALL ON FUNCTION sne_suspendre_nationales_inactives(timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION sne_nationales_a_avertir(timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION sne_nationale_avertie(bigint, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sne_suspendre_nationales_inactives(timestamptz, timestamptz) TO ${approle};
GRANT EXECUTE ON FUNCTION sne_nationales_a_avertir(timestamptz, timestamptz) TO ${approle};
GRANT EXECUTE ON FUNCTION sne_nationale_avertie(bigint, timestamptz) TO ${approle};
