package fr.sne.bench.suite;

import fr.sne.bench.generateur.Generateur;
import fr.sne.bench.generateur.IndexDifferes;
import fr.sne.bench.mesure.BaseDeDonnees;
import fr.sne.bench.mesure.Echelle;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data the scenarios run on, written as the owner role: the bench territory (Bouches-du-Rhône,
 * 013, apart from the demo's territories) with its generated applications, one API client per
 * desk and a territorial manager; at full scale, the other départements as territories holding
 * the rest of the national volume.
 */
final class Preparation {

    static final String TERRITOIRE = "013";
    static final String DEPARTEMENT = "13";
    static final String GESTIONNAIRE = "gt.banc@sne.test";
    private static final long GRAINE = 20_261_122L;

    /**
     * What was loaded and how long it took (generation and, when deferred, the index builds).
     *
     * @param methode how the load went (triggers, indexes), for the report
     */
    record Chargement(List<String> clients, Generateur.Resultat territoire, Generateur.Resultat national, long millisecondes,
                      String methode) {

        long demandes() {
            return territoire.demandes() + (national == null ? 0 : national.demandes());
        }
    }

    /** From this many applications on, the secondary indexes are built after the load. */
    static final long MASSIF = 1_000_000;

    private Preparation() {
    }

    static Chargement preparer(BaseDeDonnees bd, Echelle echelle, PrintStream journal) throws SQLException {
        LocalDate aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris"));
        try (Connection c = bd.proprietaire()) {
            executer(c, "INSERT INTO territoire (code, nom, mode, delai_anormalement_long_mois) VALUES ('" + TERRITOIRE
                    + "', 'Bouches-du-Rhône (banc)', 'SNE', 24) ON CONFLICT (code) DO NOTHING");
            executer(c, "INSERT INTO territoire_departement (territoire, departement) VALUES ('" + TERRITOIRE + "', '" + DEPARTEMENT
                    + "') ON CONFLICT DO NOTHING");
            int lot = (int) Math.min(10_000, Math.max(1_000, echelle.demandes() / 4));
            // the load's fast path: triggers off through a superuser's connection when the server has one for us,
            // and for millions the secondary indexes built after the load
            Optional<Connection> superUtilisateur = bd.superUtilisateur();
            Connection chargeur = superUtilisateur.orElse(c);
            boolean sansDeclencheurs = superUtilisateur.isPresent();
            long debut = System.nanoTime();
            IndexDifferes index = echelle.total() >= MASSIF ? IndexDifferes.suspendre(c) : null;
            Generateur.Resultat territoire = Generateur.generer(chargeur, new Generateur.Parametres(echelle.demandes(), GRAINE, aujourdhui,
                    List.of(TERRITOIRE), lot, sansDeclencheurs), journal);
            List<String> clients = clients(c);
            executer(c, "INSERT INTO utilisateur (email, prenom, nom) VALUES ('" + GESTIONNAIRE + "', 'Gaëlle', 'Banc') ON CONFLICT DO NOTHING");
            executer(c, "INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, certifiee_le) SELECT id, "
                    + "'GESTIONNAIRE_TERRITORIAL', NULL, '" + TERRITOIRE + "', now() FROM utilisateur WHERE lower(email) = '" + GESTIONNAIRE
                    + "' ON CONFLICT DO NOTHING");
            Generateur.Resultat national = null;
            if (echelle.demandesNationales() > 0) {
                List<String> autres = territoiresNationaux(c);
                journal.printf("[banc] %d autres territoires pour %d demandes%n", autres.size(), echelle.demandesNationales());
                national = Generateur.generer(chargeur, new Generateur.Parametres(echelle.demandesNationales(), GRAINE + 1, aujourdhui,
                        autres, 10_000, sansDeclencheurs), journal);
            }
            if (index != null) {
                index.retablir(c, journal);
            }
            if (superUtilisateur.isPresent()) {
                superUtilisateur.get().close();
            }
            return new Chargement(clients, territoire, national, (System.nanoTime() - debut) / 1_000_000,
                    (sansDeclencheurs ? "déclencheurs coupés (communes souhaitées par COPY)" : "déclencheurs actifs")
                            + (index == null ? "" : ", " + index.nombre() + " index secondaires reconstruits après le chargement"));
        }
    }

    /** One API client per desk of the bench territory (the generator created the desks). */
    private static List<String> clients(Connection c) throws SQLException {
        executer(c, """
                INSERT INTO client_api (client_id, guichet, territoire, scopes, libelle)
                SELECT 'banc-' || code, code, territoire, '{demandes,mouvements,exports}', 'Banc d''essai, guichet ' || code
                  FROM guichet WHERE territoire = '%s' AND type <> 'PORTAIL'
                ON CONFLICT (client_id) DO NOTHING""".formatted(TERRITOIRE));
        List<String> clients = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM client_api WHERE territoire = ? AND client_id LIKE 'banc-%' ORDER BY 1")) {
            ps.setString(1, TERRITOIRE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clients.add(rs.getString(1));
                }
            }
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("Aucun guichet dans le territoire " + TERRITOIRE);
        }
        return clients;
    }

    /**
     * Every other département with a numeric code becomes a territory of its own (code on three
     * digits), so that the national volume spreads as the population does.
     */
    private static List<String> territoiresNationaux(Connection c) throws SQLException {
        executer(c, """
                INSERT INTO territoire (code, nom, mode, delai_anormalement_long_mois)
                SELECT lpad(d.code, 3, '0'), d.nom || ' (banc)', 'SNE', 24 FROM departement d
                 WHERE d.code ~ '^[0-9]+$' AND NOT EXISTS (SELECT 1 FROM territoire_departement td WHERE td.departement = d.code)
                ON CONFLICT (code) DO NOTHING""");
        executer(c, """
                INSERT INTO territoire_departement (territoire, departement)
                SELECT lpad(d.code, 3, '0'), d.code FROM departement d
                 WHERE d.code ~ '^[0-9]+$' AND NOT EXISTS (SELECT 1 FROM territoire_departement td WHERE td.departement = d.code)
                ON CONFLICT DO NOTHING""");
        List<String> codes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT code FROM territoire WHERE nom LIKE '%(banc)' AND code <> '" + TERRITOIRE + "' ORDER BY code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static void executer(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
