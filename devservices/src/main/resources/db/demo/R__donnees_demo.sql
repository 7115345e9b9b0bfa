-- Demo data of contract/API.md, loaded by the embedded (development/test) database only.
-- Idempotent: re-running it changes nothing that already exists.

INSERT INTO territoire (code, nom, mode, delai_anormalement_long_mois) VALUES
    ('038', 'Isère', 'SNE', 24),
    ('030', 'Gard', 'SNE', 24),
    ('035', 'Ille-et-Vilaine', 'SPTA', 18)
ON CONFLICT (code) DO NOTHING;

INSERT INTO territoire_departement (territoire, departement) VALUES
    ('038', '38'), ('030', '30'), ('035', '35')
ON CONFLICT DO NOTHING;

-- SIRET below are fictitious but well-formed (Luhn key).
INSERT INTO guichet (code, territoire, nom, type) VALUES
    ('38001', '038', 'ACTIS', 'BAILLEUR'),
    ('38002', '038', 'Commune de Saint-Égrève', 'COMMUNE'),
    ('38003', '038', 'Pôle Habitat Social', 'BAILLEUR'),
    ('30001', '030', 'Logis Cévenols', 'BAILLEUR'),
    ('30002', '030', 'SEMIGA', 'BAILLEUR'),
    ('30003', '030', 'CA Nîmes Métropole', 'EPCI'),
    ('GDPUB', NULL, 'Guichet internet grand public', 'PORTAIL')
ON CONFLICT (code) DO NOTHING;

UPDATE guichet g SET siret = d.siret, commune = d.commune, adresse = d.adresse, courriel = d.courriel
FROM (VALUES
    ('38001', '27380001100010', '38185', '8 rue de Belgrade, 38000 Grenoble', 'accueil@actis.sne.test'),
    ('38002', '21380382800010', '38382', 'Place Pierre Mendès-France, 38120 Saint-Égrève', 'logement@saint-egreve.sne.test'),
    ('38003', '27380003700015', '38185', '3 avenue de Vizille, 38000 Grenoble', 'contact@pole-habitat.sne.test'),
    ('30001', '27300001800013', '30007', '12 quai Boissier de Sauvages, 30100 Alès', 'demandes@logis-cevenols.sne.test'),
    ('30002', '57300002300016', '30189', '1 place de l''Horloge, 30000 Nîmes', 'logement@semiga.sne.test'),
    ('30003', '20001513900013', '30189', '3 rue du Colisée, 30000 Nîmes', 'habitat@nimes-metropole.sne.test')
) AS d (code, siret, commune, adresse, courriel)
WHERE g.code = d.code AND g.siret IS NULL;

INSERT INTO utilisateur (email, prenom, nom) VALUES
    ('gt.isere@sne.test', 'Claire', 'Moreau'),
    ('gt.gard@sne.test', 'Paul', 'Roux'),
    ('agent.actis@sne.test', 'Julie', 'Martin'),
    ('manager.actis@sne.test', 'Karim', 'Benali'),
    ('agent.stegreve@sne.test', 'Sophie', 'Girard'),
    ('consultant@sne.test', 'Lucas', 'Petit'),
    ('sensible@sne.test', 'Nadia', 'Haddad'),
    ('agent.logis@sne.test', 'Thomas', 'Fabre'),
    ('support@sne.test', 'Hélène', 'Dubois'),
    ('admin@sne.test', 'Marc', 'Lefèvre'),
    ('nouvel.agent@sne.test', 'Inès', 'Garnier')
ON CONFLICT DO NOTHING;

INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, certifiee_le)
SELECT u.id, h.profil, h.guichet, h.territoire, now()
FROM (VALUES
    ('gt.isere@sne.test', 'GESTIONNAIRE_TERRITORIAL', NULL, '038'),
    ('gt.gard@sne.test', 'GESTIONNAIRE_TERRITORIAL', NULL, '030'),
    ('agent.actis@sne.test', 'GUICHET_ENREGISTREUR', '38001', '038'),
    ('manager.actis@sne.test', 'GUICHET_MANAGER', '38001', '038'),
    ('agent.stegreve@sne.test', 'GUICHET_ENREGISTREUR', '38002', '038'),
    ('consultant@sne.test', 'CONSULTANT_SIMPLE', '38002', '038'),
    ('sensible@sne.test', 'CONSULTANT_SENSIBLE', '38003', '038'),
    ('agent.logis@sne.test', 'GUICHET_ENREGISTREUR', '30001', '030'),
    ('support@sne.test', 'ASSISTANCE_NATIONALE', NULL, NULL),
    ('admin@sne.test', 'ADMINISTRATEUR_NATIONAL', NULL, NULL)
) AS h (email, profil, guichet, territoire)
JOIN utilisateur u ON lower(u.email) = h.email
ON CONFLICT DO NOTHING;

INSERT INTO client_api (client_id, guichet, territoire, scopes, libelle) VALUES
    ('editeur-actis', '38001', '038', '{demandes,mouvements,exports}', 'Logiciel de gestion locative d''ACTIS'),
    ('editeur-stegreve', '38002', '038', '{demandes,mouvements,exports}', 'Logiciel du service logement de Saint-Égrève'),
    ('editeur-logis', '30001', '030', '{demandes,mouvements,exports}', 'Logiciel de gestion locative de Logis Cévenols')
ON CONFLICT (client_id) DO NOTHING;
