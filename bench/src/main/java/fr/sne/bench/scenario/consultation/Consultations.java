package fr.sne.bench.scenario.consultation;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.BaseDeDonnees;
import fr.sne.bench.mesure.ClientApi;
import fr.sne.bench.mesure.Latences;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;
import fr.sne.bench.mesure.SessionPro;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 8: lookups among all the generated applications, one at a time — by number
 * ({@code GET /api/v1.0/demandes/{n}}), by name and birth date (the duplicate search
 * {@code GET /api/v1.0/demandes/doublons}), and the first page of the professionals' advanced
 * search ({@code /pro/demandes}, signed in as the territory's manager) — p50/p99, against the same
 * SQL run by JDBC as the application role under RLS (what the product adds: HTTP, security,
 * audit, scoring, rendering).
 */
public final class Consultations implements Scenario {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Override
    public String numero() {
        return "8";
    }

    @Override
    public String titre() {
        return "Consultations à l'échelle";
    }

    /** A sampled application: what the lookups ask for. */
    private record Cible(String numero, String nom, String prenoms, LocalDate naissance, String commune, String guichet) {
    }

    /** An advanced search: its query string and the SQL the product runs for it. */
    private record Recherche(String parametres, String where, List<Object> valeurs, String ordre) {
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        int n = banc.echelle().consultations();
        int chauffe = Math.max(10, n / 10);
        List<Cible> cibles = cibles(banc, chauffe + n);
        ClientApi client = banc.client(3);
        LocalDate aujourdhui = LocalDate.now(PARIS);
        long total = total(banc);

        Latences parNumero = mesurer(cibles, chauffe, c -> ClientApi.attendre(
                client.get("/api/v1.0/demandes/" + c.numero(), "application/json"), 200));
        Latences parNumeroJdbc = mesurerJdbc(banc, cibles, chauffe, (cx, c) -> {
            try (PreparedStatement ps = cx.prepareStatement("""
                    SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                           date_prochain_renouvellement, document::text AS document, version
                      FROM demande WHERE numero_unique = ?""")) {
                ps.setString(1, c.numero());
                lireTout(ps);
            }
        });
        banc.log("8. Par numéro : produit %s ; JDBC %s", parNumero.resume(), parNumeroJdbc.resume());

        Latences parNom = mesurer(cibles, chauffe, c -> {
            HttpResponse<byte[]> r = ClientApi.attendre(client.get("/api/v1.0/demandes/doublons?nomNaissance=" + enc(c.nom())
                    + "&prenoms=" + enc(c.prenoms()) + "&dateNaissance=" + c.naissance(), "application/json"), 200);
            if (!new String(r.body(), StandardCharsets.UTF_8).contains(c.numero())) {
                throw new IllegalStateException("La recherche par nom ne trouve pas " + c.numero());
            }
        });
        Latences parNomJdbc = mesurerJdbc(banc, cibles, chauffe, (cx, c) -> {
            try (PreparedStatement ps = cx.prepareStatement("""
                    SELECT numero_unique, document->'demandeur'->>'nomNaissance', document->'demandeur'->>'nomUsage',
                           document->'demandeur'->>'prenoms', date_naissance, date_depot, guichet_enregistreur
                      FROM demande
                     WHERE territoire = ? AND etat = 'ACTIVE' AND date_naissance = ANY (?::date[])""")) {
                ps.setString(1, banc.territoire());
                ps.setArray(2, cx.createArrayOf("date", DatesVoisines.de(c.naissance(), aujourdhui).stream().map(Date::valueOf).toArray()));
                lireTout(ps);
            }
        });
        banc.log("8. Par nom et date de naissance : produit %s ; JDBC %s", parNom.resume(), parNomJdbc.resume());

        SessionPro gt = SessionPro.connecter(banc.base(), banc.gestionnaire(), "Gaëlle", "Banc");
        List<Recherche> recherches = new ArrayList<>();
        for (int i = 0; i < cibles.size(); i++) {
            recherches.add(recherche(i % 4, cibles.get(i), banc.territoire(), aujourdhui));
        }
        Latences avancee = mesurer(recherches, chauffe, r -> {
            HttpResponse<String> page = gt.page("/pro/demandes?" + r.parametres());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("/pro/demandes?" + r.parametres() + " → " + page.statusCode());
            }
        });
        Latences avanceeJdbc = mesurerJdbc(banc, recherches, chauffe, Consultations::avanceeJdbc);
        banc.log("8. Recherche avancée, première page : produit %s ; JDBC %s", avancee.resume(), avanceeJdbc.resume());
        plusLente(banc, recherches);

        String s = "8";
        String parmi = " (" + String.format("%,d", total).replace(',', ' ') + " demandes en base)";
        String ref = "même SQL en JDBC, rôle applicatif sous RLS";
        Mesure.Objectif objectif = Mesure.Objectif.auPlus(20, "p99 < 20 ms");
        return List.of(
                Mesure.de(s, "Par numéro, p99" + parmi, "ms", parNumero.centileMs(99), parNumeroJdbc.centileMs(99), ref, objectif),
                Mesure.de(s, "Par numéro, p50", "ms", parNumero.centileMs(50), parNumeroJdbc.centileMs(50), ref, null),
                Mesure.de(s, "Par nom + date de naissance (doublons), p99", "ms", parNom.centileMs(99), parNomJdbc.centileMs(99), ref,
                        objectif),
                Mesure.de(s, "Par nom + date de naissance (doublons), p50", "ms", parNom.centileMs(50), parNomJdbc.centileMs(50), ref, null),
                Mesure.de(s, "Recherche avancée, 1re page (page HTML), p99", "ms", avancee.centileMs(99), avanceeJdbc.centileMs(99),
                        ref + " (compte plafonné + page)", objectif),
                Mesure.de(s, "Recherche avancée, 1re page (page HTML), p50", "ms", avancee.centileMs(50), avanceeJdbc.centileMs(50),
                        ref + " (compte plafonné + page)", null));
    }

    /** Each kind's JDBC latencies, and the plans of its slowest search (printed: where a p99 comes from). */
    private static void plusLente(Banc banc, List<Recherche> recherches) throws Exception {
        List<Recherche> pires = new ArrayList<>();
        List<Long> piresNanos = new ArrayList<>();
        try (Connection c = banc.bd().application()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            for (int sorte = 0; sorte < 4; sorte++) {
                Latences l = new Latences(recherches.size() / 4 + 1);
                Recherche pire = null;
                long pireNanos = 0;
                for (int i = sorte; i < recherches.size(); i += 4) {
                    Recherche r = recherches.get(i);
                    long t0 = System.nanoTime();
                    BaseDeDonnees.portee(c, banc.territoire());
                    avanceeJdbc(c, r);
                    c.commit();
                    long d = System.nanoTime() - t0;
                    l.ajouter(d);
                    if (d > pireNanos) {
                        pireNanos = d;
                        pire = r;
                    }
                }
                pires.add(pire);
                piresNanos.add(pireNanos);
                banc.log("8.   %s… : JDBC %s", recherches.get(sorte).parametres().replaceAll("commune=[0-9AB]+", "commune=…")
                        .replaceAll("guichet=[0-9A-Z]+", "guichet=…"), l.resume());
            }
        }
        for (int sorte = 0; sorte < pires.size(); sorte++) {
            expliquer(banc, pires.get(sorte), "la plus lente de sa sorte (%.1f ms)".formatted(piresNanos.get(sorte) / 1e6));
        }
    }

    private static void expliquer(Banc banc, Recherche pire, String quoi) throws Exception {
        try (Connection c = banc.bd().applicationDansLeTerritoire(banc.territoire(), true)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")) {
                ps.execute();
            }
            for (String sql : List.of("SELECT count(*) FROM (SELECT 1 FROM demande WHERE " + pire.where() + " LIMIT 1000) t",
                    "SELECT numero_unique FROM demande WHERE " + pire.where() + " ORDER BY " + pire.ordre() + " LIMIT 20")) {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    lier(c, ps, pire.valeurs());
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append("\n      ").append(rs.getString(1));
                        }
                    }
                    banc.log("8.   %s, %s : %s%s", quoi, pire.parametres(), sql, plan);
                }
            }
            c.commit();
        }
    }

    /** What the product's search runs for a first page: bounds, capped count, page. */
    private static void avanceeJdbc(Connection cx, Recherche r) throws Exception {
        try (PreparedStatement ps = cx.prepareStatement(
                "SELECT set_config('statement_timeout', '15000ms', true), set_config('plan_cache_mode', 'force_custom_plan', true)")) {
            ps.execute();
        }
        try (PreparedStatement ps = cx.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM demande WHERE " + r.where() + " LIMIT 1000) t")) {
            lier(cx, ps, r.valeurs());
            lireTout(ps);
        }
        try (PreparedStatement ps = cx.prepareStatement("""
                SELECT numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
                       guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
                       document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
                       taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
                       prioritaire, statut_dalo, handicap FROM demande""" + " WHERE " + r.where() + " ORDER BY " + r.ordre() + " LIMIT 20 OFFSET 0")) {
            lier(cx, ps, r.valeurs());
            lireTout(ps);
        }
    }

    /** The four kinds of advanced search a desk typically runs, the product's SQL written out for each. */
    private static Recherche recherche(int sorte, Cible c, String territoire, LocalDate aujourdhui) {
        return switch (sorte) {
            case 0 -> new Recherche("etat=ACTIVE&commune=" + c.commune() + "&types=T3&tailleMin=2",
                    "territoire = ? AND etat = ? AND numero_unique IN (SELECT dc.numero_unique FROM demande_commune dc"
                            + " WHERE dc.territoire = ? AND dc.commune = ?) AND taille_menage >= ? AND types_logement && ?",
                    List.of(territoire, "ACTIVE", territoire, c.commune(), (short) 2, new String[]{"T3"}), "date_depot DESC, numero_unique DESC");
            case 1 -> new Recherche("etat=ACTIVE&ancienneteMin=24&prioritaire=oui",
                    "territoire = ? AND etat = ? AND date_depot <= ? AND prioritaire",
                    List.of(territoire, "ACTIVE", Date.valueOf(aujourdhui.minusMonths(24))), "date_depot DESC, numero_unique DESC");
            case 2 -> new Recherche("etat=ACTIVE&ressourcesMax=800&handicap=non&tri=RESSOURCES_ASC",
                    "territoire = ? AND etat = ? AND ressources_mensuelles <= ? AND NOT handicap",
                    List.of(territoire, "ACTIVE", 800), "ressources_mensuelles, date_depot, numero_unique");
            default -> new Recherche("etat=ACTIVE&guichet=" + c.guichet() + "&tailleMin=4&tri=TAILLE_DESC",
                    "territoire = ? AND etat = ? AND guichet_enregistreur = ? AND taille_menage >= ?",
                    List.of(territoire, "ACTIVE", c.guichet(), (short) 4), "taille_menage DESC, date_depot, numero_unique");
        };
    }

    private static List<Cible> cibles(Banc banc, int n) throws Exception {
        List<Cible> cibles = new ArrayList<>();
        try (Connection c = banc.bd().proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT numero_unique, document #>> '{demandeur,nomNaissance}', document #>> '{demandeur,prenoms}', date_naissance,
                       communes_souhaitees[1], guichet_enregistreur
                  FROM demande WHERE territoire = ? AND etat = 'ACTIVE' AND modifie_par = 'generateur'
                 ORDER BY md5(numero_unique) LIMIT ?""")) {
            ps.setString(1, banc.territoire());
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cibles.add(new Cible(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
        return cibles;
    }

    private static long total(Banc banc) throws Exception {
        try (Connection c = banc.bd().proprietaire(); PreparedStatement ps = c.prepareStatement(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = 'demande'::regclass"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    private interface Travail<T> {
        void faire(T cible) throws Exception;
    }

    @FunctionalInterface
    private interface TravailJdbc<T> {
        void faire(Connection c, T cible) throws Exception;
    }

    /** One at a time; the first {@code chauffe} are not counted. */
    private static <T> Latences mesurer(List<T> cibles, int chauffe, Travail<T> travail) throws Exception {
        Latences l = new Latences(cibles.size());
        for (int i = 0; i < cibles.size(); i++) {
            long t0 = System.nanoTime();
            travail.faire(cibles.get(i));
            if (i >= chauffe) {
                l.ajouter(System.nanoTime() - t0);
            }
        }
        return l;
    }

    /** Each lookup one read-only transaction of the territory's scope, as the product's. */
    private static <T> Latences mesurerJdbc(Banc banc, List<T> cibles, int chauffe, TravailJdbc<T> travail) throws Exception {
        Latences l = new Latences(cibles.size());
        try (Connection c = banc.bd().application()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            for (int i = 0; i < cibles.size(); i++) {
                long t0 = System.nanoTime();
                BaseDeDonnees.portee(c, banc.territoire());
                travail.faire(c, cibles.get(i));
                c.commit();
                if (i >= chauffe) {
                    l.ajouter(System.nanoTime() - t0);
                }
            }
        }
        return l;
    }

    private static void lier(Connection c, PreparedStatement ps, List<Object> valeurs) throws Exception {
        for (int i = 0; i < valeurs.size(); i++) {
            Object v = valeurs.get(i);
            if (v instanceof String[] tableau) {
                ps.setArray(i + 1, c.createArrayOf("varchar", tableau));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static void lireTout(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            int colonnes = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= colonnes; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
