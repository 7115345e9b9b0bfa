package fr.sne.bench.generateur;

import fr.sne.core.demande.Cles;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * National-scale synthetic applications, deterministic from a seed, loaded through the product's
 * schema with COPY as the owner role (which bypasses row-level security). Rows are streamed in
 * batches (bounded memory); each batch is one transaction: applications, their first version,
 * their CRE movement, events and radiations. The numbering counters are then bumped so the
 * product never issues a generated number again.
 */
public final class Generateur {

    /**
     * What to generate: {@code territoires} empty = every territory of the database.
     * {@code sansDeclencheurs}: the connection's triggers are switched off for the load
     * ({@code session_replication_role = replica}, a superuser's right) and the wanted communes
     * written by COPY instead of row by row by the V9 trigger; the other triggers skipped (number
     * of a purged application, movement's transaction id: its column default gives the same
     * value, foreign keys) only check what the generator guarantees.
     */
    public record Parametres(long nombre, long graine, LocalDate aujourdhui, List<String> territoires, int lot,
                             boolean sansDeclencheurs) {

        public Parametres(long nombre, long graine, LocalDate aujourdhui, List<String> territoires, int lot) {
            this(nombre, graine, aujourdhui, territoires, lot, false);
        }

        public static Parametres de(long nombre, long graine) {
            return new Parametres(nombre, graine, LocalDate.now(ZoneId.of("Europe/Paris")), List.of(), 10_000);
        }
    }

    /** What was loaded, and how fast. */
    public record Resultat(long demandes, long radiees, long evenements, long millisecondes, String premierNumero) {

        public double parSeconde() {
            return millisecondes == 0 ? demandes : demandes * 1000.0 / millisecondes;
        }
    }

    private static final String AUTEUR = "generateur";
    private static final String AUTEUR_LIBELLE = "Générateur de données (bench)";

    private Generateur() {
    }

    /** {@code Generateur jdbcUrl user password nombre graine [territoire,...]} (owner role). */
    public static void main(String[] args) throws SQLException {
        if (args.length < 5) {
            System.err.println("Usage : Generateur <jdbcUrl> <utilisateur propriétaire> <mot de passe> <nombre> <graine> [territoires séparés par des virgules]");
            System.exit(2);
        }
        Parametres p = Parametres.de(Long.parseLong(args[3]), Long.parseLong(args[4]));
        if (args.length > 5) {
            p = new Parametres(p.nombre(), p.graine(), p.aujourdhui(), List.of(args[5].split(",")), p.lot());
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            Resultat r = generer(c, p, System.out);
            System.out.printf("%d demandes (%d radiées, %d événements) en %.1f s : %.0f demandes/s%n", r.demandes(), r.radiees(),
                    r.evenements(), r.millisecondes() / 1000.0, r.parSeconde());
        }
    }

    /** Generates and loads as the owner connection {@code c}; progress lines go to {@code progres}. */
    public static Resultat generer(Connection c, Parametres p, PrintStream progres) throws SQLException {
        long debut = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        if (p.sansDeclencheurs()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
        }
        c.setAutoCommit(false);
        try {
            Referentiel referentiel = Referentiel.charger(c, p.territoires());
            c.commit();
            Fabrique fabrique = new Fabrique(referentiel, p.graine(), p.aujourdhui(), compteurs(c));
            CopyManager copie = c.unwrap(PGConnection.class).getCopyAPI();
            long radiees = 0;
            long evenements = 0;
            String premier = null;
            for (long debutLot = 0; debutLot < p.nombre(); debutLot += p.lot()) {
                long finLot = Math.min(p.nombre(), debutLot + p.lot());
                Lot lot = new Lot(p.sansDeclencheurs());
                for (long n = debutLot; n < finLot; n++) {
                    Fabrique.Ligne l = fabrique.ligne(n);
                    premier = premier == null ? l.numero() : premier;
                    lot.ajouter(l);
                }
                radiees += lot.radiations;
                evenements += lot.evenements;
                lot.charger(c, copie);
                // counters in the same transaction as the numbers they cover
                majCompteurs(c, fabrique.compteurs());
                c.commit();
                long ms = (System.nanoTime() - debut) / 1_000_000;
                progres.printf("Générateur : %d / %d demandes (%.0f/s)%n", finLot, p.nombre(), finLot * 1000.0 / Math.max(1, ms));
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE demande, demande_commune, demande_version, mouvement, evenement, radiation");
            }
            c.commit();
            return new Resultat(p.nombre(), radiees, evenements, (System.nanoTime() - debut) / 1_000_000, premier);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
            if (p.sansDeclencheurs()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET session_replication_role = origin");
                }
            }
        }
    }

    /**
     * The CERFA contents (JSON, as {@code POST /api/v1.0/demandes} takes them) of {@code nombre}
     * new applications of one territory, from a seed: what a vendor's system would send. Nothing
     * is loaded (the territory's desks are created if absent).
     */
    public static List<String> contenus(Connection c, String territoire, long graine, int nombre, LocalDate aujourdhui)
            throws SQLException {
        Fabrique fabrique = new Fabrique(Referentiel.charger(c, List.of(territoire)), graine, aujourdhui, Map.of(), true);
        List<String> contenus = new java.util.ArrayList<>(nombre);
        for (int n = 0; n < nombre; n++) {
            contenus.add(fabrique.ligne(n).document());
        }
        return contenus;
    }

    private static Map<String, Integer> compteurs(Connection c) throws SQLException {
        Map<String, Integer> m = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT territoire, mois, dernier FROM compteur_numero")) {
            while (rs.next()) {
                m.put(rs.getString(1) + rs.getString(2), rs.getInt(3));
            }
        }
        return m;
    }

    /** Raises the product's counters (Numerotation) to at least the last generated sequence. */
    private static void majCompteurs(Connection c, Map<String, Integer> compteurs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO compteur_numero (territoire, mois, dernier) VALUES (?, ?, ?)
                ON CONFLICT (territoire, mois) DO UPDATE SET dernier = greatest(compteur_numero.dernier, excluded.dernier)""")) {
            for (Map.Entry<String, Integer> e : compteurs.entrySet()) {
                ps.setString(1, e.getKey().substring(0, 3));
                ps.setString(2, e.getKey().substring(3));
                ps.setInt(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One batch as COPY text streams, one per table. */
    private static final class Lot {
        private final StringBuilder demandes = new StringBuilder(1 << 20);
        private final StringBuilder versions = new StringBuilder(1 << 20);
        private final StringBuilder mouvements = new StringBuilder(1 << 16);
        private final StringBuilder evts = new StringBuilder(1 << 16);
        private final StringBuilder rads = new StringBuilder(1 << 12);
        private final StringBuilder communes;
        private int radiations;
        private int evenements;

        /** {@code communesParCopie}: the wanted communes written here (the V9 trigger is off). */
        Lot(boolean communesParCopie) {
            this.communes = communesParCopie ? new StringBuilder(1 << 18) : null;
        }

        void ajouter(Fabrique.Ligne l) {
            String document = echapper(l.document());
            String depot = l.depot().toString();
            ligne(demandes, l.territoire(), l.numero(), l.guichet(), l.etat(), depot, date(l.dernierRenouvellement()),
                    l.prochainRenouvellement().toString(), Cles.cle(l.nom()), Cles.cle(l.prenoms()), l.naissance().toString(),
                    tableau(l.communes()), document, "1", depot, depot, String.valueOf(l.taille()),
                    l.revenuFiscal() == null ? "\\N" : l.revenuFiscal().toString(), String.valueOf(l.ressources()),
                    tableau(l.types()), l.statutDalo() == null ? "\\N" : l.statutDalo(), l.prioritaire() ? "t" : "f",
                    l.handicap() ? "t" : "f", AUTEUR);
            ligne(versions, l.territoire(), l.numero(), "1", document, AUTEUR, AUTEUR_LIBELLE, l.guichet(), depot);
            if (communes != null) {
                // as the V9 trigger writes them: one row per distinct commune
                for (String commune : new java.util.LinkedHashSet<>(l.communes())) {
                    ligne(communes, l.territoire(), commune, l.numero());
                }
            }
            ligne(mouvements, l.territoire(), depot, l.numero(), "CRE", "{}");
            ligne(evts, l.territoire(), l.numero(), "CREDEM", "SYSTEME", depot, "\\N", l.guichet(), AUTEUR, depot);
            evenements++;
            if (l.dernierRenouvellement() != null) {
                // the last renewal, as the product writes it (movement + system event)
                String date = l.dernierRenouvellement().toString();
                ligne(mouvements, l.territoire(), date, l.numero(), "REN", "{}");
                ligne(evts, l.territoire(), l.numero(), "RENDEM", "SYSTEME", date, "\\N", l.guichet(), AUTEUR, date);
                evenements++;
            }
            for (Fabrique.Evenement e : l.evenements()) {
                ligne(evts, l.territoire(), l.numero(), e.code(), "GUICHET", e.date().toString(),
                        e.commentaire() == null ? "\\N" : echapper(e.commentaire()), e.guichet(), AUTEUR, e.date().toString());
                evenements++;
            }
            if (l.radiation() != null) {
                Fabrique.Radiation r = l.radiation();
                ligne(rads, l.territoire(), l.numero(), r.motif(), r.date().toString(), r.echeance().toString(),
                        r.guichet() == null ? "\\N" : r.guichet(), r.guichet() == null ? "SYSTEME" : "BAILLEUR",
                        depot, String.valueOf(l.taille()), tableau(l.types()), l.communes().getFirst(), l.prioritaire() ? "t" : "f");
                radiations++;
                evenements++;
            }
        }

        void charger(Connection c, CopyManager copie) throws SQLException {
            try {
                copie.copyIn("""
                        COPY demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                                      date_prochain_renouvellement, nom_naissance_cle, prenoms_cle, date_naissance, communes_souhaitees,
                                      document, version, cree_le, modifie_le, taille_menage, revenu_fiscal, ressources_mensuelles,
                                      types_logement, statut_dalo, prioritaire, handicap, modifie_par) FROM STDIN""",
                        new StringReader(demandes.toString()));
                if (communes != null) {
                    copie.copyIn("COPY demande_commune (territoire, commune, numero_unique) FROM STDIN", new StringReader(communes.toString()));
                }
                copie.copyIn("COPY demande_version (territoire, numero_unique, version, document, auteur, auteur_libelle, guichet, ecrite_le) FROM STDIN",
                        new StringReader(versions.toString()));
                copie.copyIn("COPY mouvement (territoire, horodatage, numero_unique, type, parties) FROM STDIN",
                        new StringReader(mouvements.toString()));
                copie.copyIn("""
                        COPY evenement (territoire, numero_unique, code, origine, date_survenance, commentaire, guichet, auteur, cree_le)
                        FROM STDIN""", new StringReader(evts.toString()));
                if (radiations > 0) {
                    try (Statement s = c.createStatement()) {
                        s.execute("""
                                CREATE TEMP TABLE IF NOT EXISTS generateur_radiation (territoire text, numero_unique text, motif text,
                                    date_radiation date, echeance date, guichet text, type_guichet text, date_depot date, taille smallint,
                                    types varchar(3)[], commune text, prioritaire boolean, statistique_id bigint) ON COMMIT DELETE ROWS""");
                    }
                    copie.copyIn("""
                            COPY generateur_radiation (territoire, numero_unique, motif, date_radiation, echeance, guichet, type_guichet,
                                                       date_depot, taille, types, commune, prioritaire) FROM STDIN""",
                            new StringReader(rads.toString()));
                    try (Statement s = c.createStatement()) {
                        // identities drawn first so the statistic and the radiation can reference each other
                        s.execute("UPDATE generateur_radiation SET statistique_id = nextval(pg_get_serial_sequence('radiation_statistique', 'id'))");
                        s.execute("""
                                INSERT INTO radiation_statistique (territoire, id, mois_depot, mois_radiation, motif, taille_menage, types_logement,
                                       commune_principale, prioritaire, type_guichet_enregistreur, type_guichet_radiation, contingent)
                                OVERRIDING SYSTEM VALUE
                                SELECT territoire, statistique_id, date_trunc('month', date_depot)::date, date_trunc('month', date_radiation)::date,
                                       motif, taille, types, commune, prioritaire, 'BAILLEUR', type_guichet,
                                       CASE WHEN motif = 'RADATT' THEN 'AUTRES' END
                                  FROM generateur_radiation""");
                        s.execute("""
                                INSERT INTO radiation (territoire, numero_unique, motif, date_radiation, echeance, guichet, type_guichet,
                                       auteur, auteur_libelle, date_renonciation, date_signature_bail, rpls, contingent, statistique_id)
                                SELECT territoire, numero_unique, motif, date_radiation, echeance, guichet, type_guichet, 'generateur',
                                       'Générateur de données (bench)', CASE WHEN motif = 'RADABA' THEN date_radiation - 3 END,
                                       CASE WHEN motif = 'RADATT' THEN date_radiation END,
                                       CASE WHEN motif = 'RADATT' THEN upper(substr(md5(numero_unique), 1, 10)) END,
                                       CASE WHEN motif = 'RADATT' THEN 'AUTRES' END, statistique_id
                                  FROM generateur_radiation""");
                        s.execute("""
                                INSERT INTO mouvement (territoire, horodatage, numero_unique, type)
                                SELECT territoire, date_radiation, numero_unique, 'RAD' FROM generateur_radiation""");
                        s.execute("""
                                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, guichet, auteur, cree_le)
                                SELECT territoire, numero_unique, 'RADDEM', 'SYSTEME', date_radiation, guichet, 'generateur', date_radiation
                                  FROM generateur_radiation""");
                    }
                }
            } catch (java.io.IOException e) {
                throw new SQLException("COPY interrompue", e);
            }
        }

        private static String date(LocalDate d) {
            return d == null ? "\\N" : d.toString();
        }

        private static String tableau(List<String> valeurs) {
            return "{" + String.join(",", valeurs) + "}";
        }

        private static void ligne(StringBuilder s, String... colonnes) {
            for (int i = 0; i < colonnes.length; i++) {
                if (i > 0) {
                    s.append('\t');
                }
                s.append(colonnes[i]);
            }
            s.append('\n');
        }

        /** COPY text format: backslash, tab and line breaks escaped. */
        private static String echapper(String v) {
            if (v.indexOf('\\') < 0 && v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                return v;
            }
            return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }
}
