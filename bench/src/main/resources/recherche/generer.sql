-- Generated applications for measuring the search plans (see README.md): run as the owner role on a
-- database migrated up to V9, with territories 038/030 and their départements present.
INSERT INTO guichet (code, territoire, nom, type)
SELECT t || lpad(n::text, 3, '0'), '0' || t, 'Guichet ' || t || n, 'BAILLEUR'
  FROM unnest(ARRAY['38', '30']) t, generate_series(4, 40) n
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE noms AS
SELECT row_number() OVER () AS i, n FROM unnest(ARRAY['martin','bernard','thomas','petit','robert','richard','durand','dubois','moreau','laurent',
 'simon','michel','lefebvre','leroy','roux','david','bertrand','morel','fournier','girard','bonnet','dupont','lambert','fontaine','rousseau',
 'vincent','muller','lefevre','faure','andre','mercier','blanc','guerin','boyer','garnier','chevalier','francois','legrand','gauthier','garcia',
 'perrin','robin','clement','morin','nicolas','henry','roussel','mathieu','gautier','masson','marchand','duval','denis','dumont','marie',
 'lemaire','noel','meyer','dufour','meunier','brun','blanchard','giraud','joly','riviere','lucas','brunet','gaillard','barbier','arnaud',
 'martinez','gerard','roche','renard','schmitt','roy','leroux','colin','vidal','caron','picard','roger','fabre','aubert','lemoine','renaud',
 'dumas','lacroix','olivier','philippe','bourgeois','pierre','benoit','rey','leclerc','payet','rolland','leclercq','guillaume','lecomte']) n;
CREATE TEMP TABLE prenoms AS
SELECT row_number() OVER () AS i, p FROM unnest(ARRAY['Marie','Jean','Pierre','Michel','Anne','Philippe','Nathalie','Isabelle','Sylvie',
 'Catherine','Martine','Christine','Françoise','Nicolas','Christophe','Stéphane','Sandrine','Laurent','Patrick','David','Julie','Camille',
 'Léa','Manon','Emma','Chloé','Inès','Lucas','Hugo','Louis','Nathan','Mohamed','Fatima','Yasmine','Karim','Sofia','Amina','Ali','Aïcha','Omar']) p;

-- 200 000 applications in Isère (038), 100 000 in the Gard (030), filed over six years
INSERT INTO demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                     date_prochain_renouvellement, nom_naissance_cle, prenoms_cle, date_naissance, communes_souhaitees,
                     document, version, taille_menage, revenu_fiscal, ressources_mensuelles, types_logement, statut_dalo,
                     prioritaire, handicap)
SELECT t.territoire,
       t.territoire || to_char(g.depot, 'MMYY') || lpad(g.s::text, 6, '0') || g.guichet,
       g.guichet, g.etat, g.depot, g.renouv, coalesce(g.renouv, g.depot) + interval '1 year',
       g.nom, lower(g.prenom), g.naissance, g.communes,
       jsonb_build_object('demandeur', jsonb_build_object('civilite', '2', 'nomNaissance', initcap(g.nom), 'prenoms', g.prenom,
            'dateNaissance', g.naissance, 'nationalite', '1', 'mel', g.nom || '@example.org', 'telPortable', '0606060606',
            'adresse', jsonb_build_object('numero', '10', 'voie', 'rue des Alpes', 'codePostal', '38000', 'communeInsee', '38185'),
            'ressourcesRecues', jsonb_build_array(jsonb_build_object('code', 'SAL', 'montant', g.ressources))),
          'logementRecherche', jsonb_build_object('typesLogement', to_jsonb(g.types), 'communesSouhaitees', to_jsonb(g.communes)),
          'motifs', jsonb_build_array('01', '11'),
          'logementActuel', jsonb_build_object('modelesLogement', jsonb_build_array('LP'), 'montantMensuelLoyer', 650, 'nombreHabitants', g.taille)),
       1, g.taille, g.rfr, g.ressources, g.types, g.dalo, g.prio, g.handicap
  FROM (VALUES ('038', 200000), ('030', 100000)) AS t (territoire, n)
  CROSS JOIN LATERAL (
    SELECT s,
           substr(t.territoire, 2) || lpad((1 + (hashint4(s * 7) & 2147483647) % 40)::text, 3, '0') AS guichet,
           CASE WHEN (hashint4(s * 11) & 2147483647) % 100 < 85 THEN 'ACTIVE' ELSE 'RADIEE' END AS etat,
           current_date - ((hashint4(s * 13) & 2147483647) % 2190) AS depot,
           CASE WHEN (hashint4(s * 17) & 2147483647) % 100 < 40 THEN current_date - ((hashint4(s * 19) & 2147483647) % 365) END AS renouv,
           (SELECT n FROM noms WHERE i = 1 + (hashint4(s * 23) & 2147483647) % 100) AS nom,
           (SELECT p FROM prenoms WHERE i = 1 + (hashint4(s * 29) & 2147483647) % 40) AS prenom,
           date '1940-01-01' + ((hashint4(s * 31) & 2147483647) % 23725) AS naissance,
           CASE WHEN (hashint4(s * 37) & 2147483647) % 100 < 30 THEN ARRAY[substr(t.territoire, 2) || '185']::varchar(5)[]
                ELSE ARRAY[substr(t.territoire, 2) || lpad((1 + (hashint4(s * 41) & 2147483647) % 530)::text, 3, '0'),
                           substr(t.territoire, 2) || lpad((1 + (hashint4(s * 43) & 2147483647) % 530)::text, 3, '0')]::varchar(5)[] END AS communes,
           (1 + (hashint4(s * 47) & 2147483647) % 100 / 30 + (hashint4(s * 53) & 2147483647) % 3)::smallint AS taille,
           CASE WHEN (hashint4(s * 59) & 2147483647) % 100 < 10 THEN NULL ELSE (hashint4(s * 61) & 2147483647) % 40000 END AS rfr,
           (hashint4(s * 67) & 2147483647) % 4000 AS ressources,
           string_to_array((ARRAY['T1,T2', 'T2,T3', 'T3,T4', 'T4,T5', 'T2', 'T3', 'C,T1', 'T5,T6P'])
             [1 + (hashint4(s * 71) & 2147483647) % 8], ',')::varchar(3)[] AS types,
           CASE WHEN (hashint4(s * 73) & 2147483647) % 100 < 2 THEN 'ACTIF' WHEN (hashint4(s * 73) & 2147483647) % 100 < 60 THEN 'NON' END AS dalo,
           (hashint4(s * 79) & 2147483647) % 100 < 8 AS prio,
           (hashint4(s * 83) & 2147483647) % 100 < 5 AS handicap
      FROM generate_series(1, t.n) s) g;
UPDATE demande SET prioritaire = true WHERE statut_dalo = 'ACTIF';
VACUUM ANALYZE demande;
ANALYZE demande_commune;
SELECT territoire, etat, count(*) FROM demande GROUP BY 1, 2 ORDER BY 1, 2;
SELECT pg_size_pretty(pg_total_relation_size('demande'));
