-- Generated shared history for measuring the gestion partagée plans (see README.md): run as the owner
-- role on a database migrated up to V18, after ../recherche/generer.sql (300 000 applications).
-- Volumes: one creation event per application (the register writes one), a request for documents
-- for 30 % of them, a visit for 10 %, a conditional attribution (DESCAL) for 4 %, a second one
-- (ATTCSU) for a quarter of those (1 %), a lease signed after it for 30 % of these (0.3 %); a tenth
-- of the desk events deleted.

INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur)
SELECT territoire, numero_unique, 'CREDEM', 'SYSTEME', date_depot, guichet_enregistreur, 'bench' FROM demande;

INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur, commentaire)
SELECT d.territoire, d.numero_unique, e.code, 'GUICHET', least(d.date_depot + e.jours, current_date), d.guichet_enregistreur,
       'bench', 'Événement généré'
  FROM demande d
  JOIN (VALUES ('TENAD00022', 30, 10, 101), ('VISPRO', 10, 40, 103), ('DESCAL', 4, 60, 107), ('ATTCSU', 25, 90, 109))
       AS e (code, pourcent, jours, graine)
    ON (hashint4(hashtext(d.numero_unique) + e.graine) & 2147483647) % 100 < e.pourcent
 -- the 1 % with a second attribution are among the 4 % with a first
 WHERE e.code <> 'ATTCSU' OR (hashint4(hashtext(d.numero_unique) + 107) & 2147483647) % 100 < 4;

INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur)
SELECT territoire, numero_unique, 'SIGBAI', 'GUICHET', least(date_survenance + 30, current_date), guichet, 'bench'
  FROM evenement
 WHERE code = 'ATTCSU' AND (hashint4(hashtext(numero_unique) + 113) & 2147483647) % 100 < 30;

UPDATE evenement SET supprime_le = now(), supprime_par = 'bench'
 WHERE origine = 'GUICHET' AND (hashint4(id::int) & 2147483647) % 100 < 10;

VACUUM ANALYZE evenement;
SELECT territoire, code, count(*) FILTER (WHERE supprime_le IS NULL) AS actifs, count(*) FILTER (WHERE supprime_le IS NOT NULL) AS supprimes
  FROM evenement GROUP BY 1, 2 ORDER BY 1, 2;
