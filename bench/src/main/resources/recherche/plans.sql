-- The search page's queries as RechercheRepository writes them (literals in place of parameters), run as
-- the application role (RLS applies) in a read-only transaction of territory 038.
\pset pager off
BEGIN READ ONLY;
SELECT set_config('sne.territoire', '038', true), set_config('sne.portee', 'TERRITOIRE', true) \gset
\echo '### Q1 default: active, newest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q1 default: active, newest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' LIMIT 1000) t;
\echo '### Q2 popular commune 38185 (30 % of the territory), active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q2 popular commune 38185 (30 % of the territory), active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') LIMIT 1000) t;
\echo '### Q3 rare commune 38422 (0.25 %), active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38422') ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q3 rare commune 38422 (0.25 %), active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38422') LIMIT 1000) t;
\echo '### Q4 number prefix 0380125000: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND numero_unique ~>=~ '0380125000' AND numero_unique ~<~ '0380125001' ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q4 number prefix 0380125000: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND numero_unique ~>=~ '0380125000' AND numero_unique ~<~ '0380125001' LIMIT 1000) t;
\echo '### Q5 exact number: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND numero_unique = '038052200002538021' ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q5 exact number: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND numero_unique = '038052200002538021' LIMIT 1000) t;
\echo '### Q6 filed in the last 30 days, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND date_depot >= current_date - 30 AND date_depot <= current_date ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q6 filed in the last 30 days, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND date_depot >= current_date - 30 AND date_depot <= current_date LIMIT 1000) t;
\echo '### Q7 renewed in the last 30 days, all states: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND date_dernier_renouvellement >= current_date - 30 AND date_dernier_renouvellement <= current_date ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q7 renewed in the last 30 days, all states: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND date_dernier_renouvellement >= current_date - 30 AND date_dernier_renouvellement <= current_date LIMIT 1000) t;
\echo '### Q8 advanced: 4+ persons, T4 wanted, resources <= 1500, active, largest households first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND taille_menage >= 4 AND types_logement && ARRAY['T4']::varchar[] AND ressources_mensuelles <= 1500 ORDER BY taille_menage DESC, date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q8 advanced: 4+ persons, T4 wanted, resources <= 1500, active, largest households first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND taille_menage >= 4 AND types_logement && ARRAY['T4']::varchar[] AND ressources_mensuelles <= 1500 LIMIT 1000) t;
\echo '### Q9 priority households, active, oldest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND prioritaire ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q9 priority households, active, oldest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND prioritaire LIMIT 1000) t;
\echo '### Q10 DALO ACTIF, active, oldest first: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND statut_dalo = 'ACTIF' ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q10 DALO ACTIF, active, oldest first: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND statut_dalo = 'ACTIF' LIMIT 1000) t;
\echo '### Q11 desk 38001, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND guichet_enregistreur = '38001' ORDER BY date_depot DESC, numero_unique DESC LIMIT 20 OFFSET 0;
\echo '### Q11 desk 38001, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND guichet_enregistreur = '38001' LIMIT 1000) t;
\echo '### Q12 seniority >= 24 months, active, oldest first, page 50 (offset 980): page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND date_depot <= current_date - interval '24 months' ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 980;
\echo '### Q12 seniority >= 24 months, active, oldest first, page 50 (offset 980): count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND date_depot <= current_date - interval '24 months' LIMIT 1000) t;
\echo '### Q13 sort by household size, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' ORDER BY taille_menage DESC, date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q13 sort by household size, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' LIMIT 1000) t;
\echo '### Q14 sort by resources, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' ORDER BY ressources_mensuelles, date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q14 sort by resources, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' LIMIT 1000) t;
\echo '### Q15 sort by next renewal, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' ORDER BY date_prochain_renouvellement, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q15 sort by next renewal, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' LIMIT 1000) t;
\echo '### Q16 commune 38185 + 3+ persons + priority, active: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') AND taille_menage >= 3 AND prioritaire ORDER BY date_depot, numero_unique LIMIT 20 OFFSET 0;
\echo '### Q16 commune 38185 + 3+ persons + priority, active: count (capped at 1000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc WHERE dc.territoire = '038' AND dc.commune = '38185') AND taille_menage >= 3 AND prioritaire LIMIT 1000) t;
\echo '### Q17 duplicates: typed birth date and its 40-odd slips (DatesVoisines)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, document->'demandeur'->>'nomNaissance', document->'demandeur'->>'nomUsage', document->'demandeur'->>'prenoms', date_naissance, date_depot, guichet_enregistreur FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' AND date_naissance = ANY (ARRAY(SELECT date '1985-06-11' + i FROM generate_series(-20, 20) i));
\echo '### Q18 export: every active application of the territory, newest first (cursor)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
 guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
 document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
 taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
 prioritaire, statut_dalo, handicap FROM demande WHERE territoire = '038' AND etat = 'ACTIVE' ORDER BY date_depot DESC, numero_unique DESC LIMIT 1048575;
COMMIT;
