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

-- Attestations: the landlords owning social housing in the demo communes and the DALO mediation
-- commissions. Names of landlords are those of the demo desks plus two of each département;
-- SIREN, addresses, telephone numbers and housing counts are fictitious.
-- The tables come with core's migrations: modules tested without core (tenants) skip them.
DO $$
BEGIN
    IF to_regclass('patrimoine_bailleur') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO patrimoine_bailleur (territoire, commune, siren, bailleur, guichet, adresse, telephone, nombre_logements, millesime) VALUES
        ('038', '38185', '273800011', 'ACTIS', '38001', '8 rue de Belgrade, 38000 Grenoble', '04 76 00 00 01', 11480, 2025),
        ('038', '38185', '273800037', 'Pôle Habitat Social', '38003', '3 avenue de Vizille, 38000 Grenoble', '04 76 00 00 03', 2350, 2025),
        ('038', '38185', '273800045', 'Alpes Isère Habitat', NULL, '15 rue Aimé Pupin, 38100 Grenoble', '04 76 00 00 45', 1720, 2025),
        ('038', '38185', '273800052', 'Société Dauphinoise pour l''Habitat', NULL, '12 avenue du Grand Sablon, 38700 La Tronche', '04 76 00 00 52', 3105, 2025),
        ('038', '38382', '273800011', 'ACTIS', '38001', '8 rue de Belgrade, 38000 Grenoble', '04 76 00 00 01', 640, 2025),
        ('038', '38382', '273800045', 'Alpes Isère Habitat', NULL, '15 rue Aimé Pupin, 38100 Grenoble', '04 76 00 00 45', 912, 2025),
        ('038', '38421', '273800052', 'Société Dauphinoise pour l''Habitat', NULL, '12 avenue du Grand Sablon, 38700 La Tronche', '04 76 00 00 52', 1874, 2025),
        ('038', '38421', '273800037', 'Pôle Habitat Social', '38003', '3 avenue de Vizille, 38000 Grenoble', '04 76 00 00 03', 1210, 2025),
        ('038', '38421', '273800011', 'ACTIS', '38001', '8 rue de Belgrade, 38000 Grenoble', '04 76 00 00 01', 455, 2025),
        ('038', '38151', '273800045', 'Alpes Isère Habitat', NULL, '15 rue Aimé Pupin, 38100 Grenoble', '04 76 00 00 45', 2640, 2025),
        ('030', '30189', '573000023', 'SEMIGA', '30002', '1 place de l''Horloge, 30000 Nîmes', '04 66 00 00 23', 4310, 2025),
        ('030', '30189', '273000042', 'Habitat du Gard', NULL, '9 rue Mathieu Lacroix, 30000 Nîmes', '04 66 00 00 42', 5870, 2025),
        ('030', '30189', '273000059', 'Un Toit pour Tous', NULL, '24 rue Bernard Lazare, 30900 Nîmes', '04 66 00 00 59', 3920, 2025),
        ('030', '30189', '273000018', 'Logis Cévenols', '30001', '12 quai Boissier de Sauvages, 30100 Alès', '04 66 00 00 18', 780, 2025),
        ('030', '30007', '273000018', 'Logis Cévenols', '30001', '12 quai Boissier de Sauvages, 30100 Alès', '04 66 00 00 18', 3460, 2025),
        ('030', '30007', '273000042', 'Habitat du Gard', NULL, '9 rue Mathieu Lacroix, 30000 Nîmes', '04 66 00 00 42', 1955, 2025)
    ON CONFLICT DO NOTHING;

    INSERT INTO commission_mediation (territoire, nom, adresse, telephone, courriel, site) VALUES
        ('038', 'Commission de médiation DALO de l''Isère',
         'Direction départementale de l''emploi, du travail et des solidarités de l''Isère, secrétariat de la commission de médiation, 1 avenue Marie Reynoard, 38000 Grenoble',
         '04 76 00 10 38', 'commission-mediation@isere.sne.test', 'www.service-public.gouv.fr (formulaire Cerfa 15036)'),
        ('030', 'Commission de médiation DALO du Gard',
         'Direction départementale de l''emploi, du travail et des solidarités du Gard, secrétariat de la commission de médiation, 89 rue Weber, 30000 Nîmes',
         '04 66 00 10 30', 'commission-mediation@gard.sne.test', 'www.service-public.gouv.fr (formulaire Cerfa 15036)')
    ON CONFLICT (territoire) DO NOTHING;
END
$$;

-- SNE Communautés: the demo spaces (issue #9). The community tables come with community's
-- migrations: modules tested without community skip them.
DO $$
BEGIN
    IF to_regclass('espace') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO espace (territoire, slug, nom, description, visibilite, profil, cree_par)
    SELECT e.territoire, e.slug, e.nom, e.description, e.visibilite, e.profil, (SELECT id FROM utilisateur WHERE email = 'admin@sne.test')
    FROM (VALUES
        (NULL, 'entraide', 'Entraide des professionnels',
         'Questions et réponses entre guichets, gestionnaires et bailleurs sur l''enregistrement et la gestion des demandes.',
         'PROFESSIONNELS', NULL),
        (NULL, 'gt-national', 'GT national',
         'L''espace des gestionnaires territoriaux de tous les départements : paramétrage, pilotage, réglementation.',
         'PROFIL', 'GESTIONNAIRE_TERRITORIAL'),
        (NULL, 'fichiers-partages', 'Gestionnaires de fichiers partagés',
         'Groupe de travail sur invitation des gestionnaires de fichiers partagés.',
         'INVITATION', NULL),
        ('038', 'isere', 'Guichets de l''Isère',
         'Les informations et échanges des guichets enregistreurs de l''Isère, animés par la DDETS.',
         'TERRITOIRE', NULL)
    ) AS e (territoire, slug, nom, description, visibilite, profil)
    ON CONFLICT (slug) DO NOTHING;

    INSERT INTO espace_membre (espace_id, utilisateur_id, role, ajoute_par)
    SELECT s.id, u.id, m.role, (SELECT id FROM utilisateur WHERE email = 'admin@sne.test')
    FROM (VALUES
        ('entraide', 'admin@sne.test', 'PROPRIETAIRE'),
        ('entraide', 'gt.isere@sne.test', 'MODERATEUR'),
        ('gt-national', 'admin@sne.test', 'PROPRIETAIRE'),
        ('gt-national', 'gt.gard@sne.test', 'MODERATEUR'),
        ('fichiers-partages', 'gt.isere@sne.test', 'PROPRIETAIRE'),
        ('fichiers-partages', 'gt.gard@sne.test', 'MEMBRE'),
        ('fichiers-partages', 'manager.actis@sne.test', 'MEMBRE'),
        ('isere', 'gt.isere@sne.test', 'PROPRIETAIRE')
    ) AS m (slug, email, role)
    JOIN espace s ON s.slug = m.slug
    JOIN utilisateur u ON lower(u.email) = m.email
    ON CONFLICT DO NOTHING;
END
$$;

-- SNE Communautés: the support teams (issue #10). Skipped without community's migrations.
DO $$
BEGIN
    IF to_regclass('equipe_assistance') IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('sne.portee', 'NATIONAL', true);
    INSERT INTO equipe_assistance (nom, description, cree_par)
    SELECT e.nom, e.description, (SELECT id FROM utilisateur WHERE email = 'admin@sne.test')
    FROM (VALUES
        ('GT national', 'Les gestionnaires territoriaux de tous les départements.'),
        ('Gestionnaires de fichiers partagés', 'Groupe de travail des gestionnaires de fichiers partagés.')
    ) AS e (nom, description)
    WHERE NOT EXISTS (SELECT 1 FROM equipe_assistance x WHERE lower(x.nom) = lower(e.nom));

    INSERT INTO equipe_assistance_membre (equipe_id, utilisateur_id)
    SELECT q.id, u.id
    FROM (VALUES
        ('GT national', 'gt.isere@sne.test'),
        ('GT national', 'gt.gard@sne.test'),
        ('Gestionnaires de fichiers partagés', 'gt.isere@sne.test'),
        ('Gestionnaires de fichiers partagés', 'gt.gard@sne.test'),
        ('Gestionnaires de fichiers partagés', 'manager.actis@sne.test')
    ) AS m (equipe, email)
    JOIN equipe_assistance q ON q.nom = m.equipe
    JOIN utilisateur u ON lower(u.email) = m.email
    ON CONFLICT DO NOTHING;
END
$$;
