-- The gestion partagée queries as the search (fr.sne.core.recherche.Requete) and the history panel
-- (fr.sne.core.evenement.EvenementRepository) write them, literals in place of parameters, run as the
-- application role (RLS applies) in a read-only transaction of territory 038. :limite is the filing
-- date limit of the délai filter: today + 3 months - 24 months (IndicateursDerives.depotLimite).
\pset pager off
SELECT (current_date + interval '3 months' - interval '24 months')::date AS limite \gset
BEGIN READ ONLY;
SELECT set_config('sne.territoire', '038', true), set_config('sne.portee', 'TERRITOIRE', true), set_config('plan_cache_mode', 'force_custom_plan', true);
\echo '### G1 délai anormalement long (24 months, reached or within 3 months), active, newest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### G1 délai anormalement long (24 months, reached or within 3 months), active, newest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' LIMIT 1000) t;
\echo '### G2 délai anormalement long, active, oldest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### G2 délai anormalement long, active, oldest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' LIMIT 1000) t;
\echo '### G3 not délai anormalement long, active, newest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND (etat <> 'ACTIVE' OR date_depot > :'limite') ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### G3 not délai anormalement long, active, newest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND (etat <> 'ACTIVE' OR date_depot > :'limite') LIMIT 1000) t;
\echo '### G4 multiples attributions sous conditions, active, newest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### G4 multiples attributions sous conditions, active, newest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) LIMIT 1000) t;
\echo '### G5 no multiples attributions sous conditions, active, newest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique NOT IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### G5 no multiples attributions sous conditions, active, newest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique NOT IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) LIMIT 1000) t;
\echo '### G6 both indicators, active, oldest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### G6 both indicators, active, oldest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND etat = 'ACTIVE' AND date_depot <= :'limite' AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) LIMIT 1000) t;
\echo '### G7 multiples attributions + commune 38185, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### G7 multiples attributions + commune 38185, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') AND numero_unique IN (
 SELECT a.numero_unique FROM evenement a
  WHERE a.territoire = '038' AND a.code IN ('DESCAL', 'ATTCSU') AND a.supprime_le IS NULL
    AND NOT EXISTS (SELECT 1 FROM evenement b WHERE b.territoire = a.territoire AND b.code = 'SIGBAI'
                       AND b.numero_unique = a.numero_unique AND b.supprime_le IS NULL
                       AND b.date_survenance >= a.date_survenance)
  GROUP BY a.numero_unique HAVING count(*) >= 2) LIMIT 1000) t;
\echo '### G8 history panel: every event of one application, most recent first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.territoire, e.numero_unique, e.code, e.origine, e.date_survenance, e.commentaire, e.guichet,
 g.nom AS guichet_nom, e.par_gestionnaire, e.cree_le, e.supprime_le
 FROM evenement e LEFT JOIN guichet_nom g ON g.code = e.guichet
 WHERE e.territoire = '038' AND e.numero_unique = (SELECT numero_unique FROM evenement WHERE territoire = '038' AND code = 'ATTCSU' LIMIT 1)
 ORDER BY e.date_survenance DESC, e.id DESC;
COMMIT;
