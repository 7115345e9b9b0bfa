package fr.sne.bench.scenario.gdm;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.ClientApi;
import fr.sne.bench.mesure.Latences;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;
import fr.sne.bench.mesure.SortieComptee;
import io.micronaut.json.tree.JsonNode;
import org.postgresql.PGConnection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Scenario 2: a vendor drains a window of the GDM feed ({@code GET /api/v1.0/mouvements}, pages of
 * 1 000 following {@code curseurSuivant}) — total time and page p99 — against
 * {@code COPY (SELECT …) TO STDOUT} of the same rows, and the same page query run by JDBC as the
 * application role under RLS (the product's database work without HTTP, JSON, cursor and audit).
 */
public final class DrainageGdm implements Scenario {

    private static final int LIMITE = 1_000;
    private static final String COLONNES = "m.id, m.horodatage, m.numero_unique, m.type, m.parties";

    @Override
    public String numero() {
        return "2";
    }

    @Override
    public String titre() {
        return "GDM : vidage d'une fenêtre de mouvements";
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        String t = banc.territoire();
        Instant depuis = depuis(banc, banc.echelle().mouvements());
        ClientApi client = banc.client(0);
        vider(client, depuis, 3); // warm-up: JIT, plans, pages of the index
        Latences pages = new Latences(256);
        long debut = System.nanoTime();
        long produits = vider(client, depuis, Integer.MAX_VALUE, pages);
        double secondes = (System.nanoTime() - debut) / 1e9;
        banc.log("2. Produit : %d mouvements depuis %s en %.2f s (%d pages, %s)", produits, depuis, secondes, pages.nombre(),
                pages.resume());

        copier(banc, depuis); // warm-up
        long debutCopie = System.nanoTime();
        long[] copie = copier(banc, depuis);
        double secondesCopie = (System.nanoTime() - debutCopie) / 1e9;
        Latences pagesJdbc = new Latences(256);
        long jdbc = pagesJdbc(banc, depuis, pagesJdbc);
        banc.log("2. Référence : COPY %d lignes (%d Ko) en %.3f s ; pages JDBC : %d lignes, %s", copie[0], copie[1] / 1024,
                secondesCopie, jdbc, pagesJdbc.resume());
        if (copie[0] != produits || jdbc != produits) {
            throw new IllegalStateException("Le flux a rendu " + produits + " mouvements, COPY " + copie[0] + ", JDBC " + jdbc);
        }
        String s = "2";
        return List.of(
                Mesure.de(s, "Vidage de " + produits + " mouvements (pages de " + LIMITE + ")", "s", secondes, secondesCopie,
                        "COPY (SELECT …) TO STDOUT, rôle applicatif sous RLS", produits >= 100_000
                                ? Mesure.Objectif.auPlus(5, "100 000 en < 5 s")
                                : Mesure.Objectif.auPlus(5.0 * produits / 100_000, "< 5 s pour 100 000 (au prorata)")),
                Mesure.de(s, "Page de " + LIMITE + ", p99", "ms", pages.centileMs(99), pagesJdbc.centileMs(99),
                        "même requête de page en JDBC, rôle applicatif sous RLS", null),
                Mesure.de(s, "Page de " + LIMITE + ", p50", "ms", pages.centileMs(50), pagesJdbc.centileMs(50),
                        "même requête de page en JDBC, rôle applicatif sous RLS", null));
    }

    /** The instant from which the territory has at least {@code nombre} movements (the generator stamps whole days). */
    private static Instant depuis(Banc banc, int nombre) throws Exception {
        try (Connection c = banc.bd().proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT horodatage FROM mouvement WHERE territoire = ? ORDER BY horodatage DESC, id DESC OFFSET ? LIMIT 1""")) {
            ps.setString(1, banc.territoire());
            ps.setInt(2, nombre - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Moins de " + nombre + " mouvements dans le territoire " + banc.territoire());
                }
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static long vider(ClientApi client, Instant depuis, int pagesMax) {
        return vider(client, depuis, pagesMax, null);
    }

    private static long vider(ClientApi client, Instant depuis, int pagesMax, Latences latences) {
        String base = "/api/v1.0/mouvements?limite=" + LIMITE + "&depuis=" + URLEncoder.encode(depuis.toString(), StandardCharsets.UTF_8);
        String curseur = null;
        long lus = 0;
        int pages = 0;
        do {
            long t0 = System.nanoTime();
            byte[] corps = ClientApi.attendre(client.get(curseur == null ? base
                    : base + "&curseur=" + URLEncoder.encode(curseur, StandardCharsets.UTF_8), "application/json"), 200).body();
            JsonNode page = ClientApi.json(corps);
            if (latences != null) {
                latences.ajouter(System.nanoTime() - t0);
            }
            lus += page.get("mouvements").size();
            JsonNode suivant = page.get("curseurSuivant");
            curseur = suivant == null || suivant.isNull() ? null : suivant.getStringValue();
            pages++;
        } while (curseur != null && pages < pagesMax);
        return lus;
    }

    /** COPY of the window's rows as the product's query selects them; rows and bytes. */
    private static long[] copier(Banc banc, Instant depuis) throws Exception {
        try (Connection c = banc.bd().applicationDansLeTerritoire(banc.territoire(), true)) {
            String sql = "COPY (SELECT " + COLONNES + " FROM mouvement m WHERE m.territoire = " + litteral(banc.territoire())
                    + " AND m.horodatage >= " + litteral(depuis.toString()) + "::timestamptz"
                    + " AND m.xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY m.horodatage, m.id) TO STDOUT";
            SortieComptee sortie = new SortieComptee();
            long lignes = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, sortie);
            c.commit();
            return new long[]{lignes, sortie.octets()};
        }
    }

    /** The feed's page query (keyset), page after page, by JDBC in the territory's read-only scope. */
    private static long pagesJdbc(Banc banc, Instant depuis, Latences latences) throws Exception {
        long lus = 0;
        Timestamp dernierHorodatage = null;
        long dernierId = 0;
        long horizon;
        try (Connection c = banc.bd().application(); PreparedStatement h = c.prepareStatement(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"); ResultSet rs = h.executeQuery()) {
            rs.next();
            horizon = rs.getLong(1);
        }
        try (Connection c = banc.bd().application()) {
            c.setAutoCommit(false);
            String premiere = "SELECT " + COLONNES + " FROM mouvement m WHERE m.territoire = ? AND m.horodatage >= ? AND m.xid < ?::text::xid8"
                    + " ORDER BY m.horodatage, m.id LIMIT ?";
            String suivante = "SELECT " + COLONNES + " FROM mouvement m WHERE m.territoire = ? AND m.horodatage >= ? AND m.xid < ?::text::xid8"
                    + " AND (m.horodatage, m.id) > (?, ?) ORDER BY m.horodatage, m.id LIMIT ?";
            boolean suite = true;
            while (suite) {
                long t0 = System.nanoTime();
                fr.sne.bench.mesure.BaseDeDonnees.portee(c, banc.territoire());
                try (PreparedStatement ps = c.prepareStatement(dernierHorodatage == null ? premiere : suivante)) {
                    int i = 1;
                    ps.setString(i++, banc.territoire());
                    ps.setObject(i++, depuis.atOffset(ZoneOffset.UTC));
                    ps.setString(i++, Long.toString(horizon));
                    if (dernierHorodatage != null) {
                        ps.setTimestamp(i++, dernierHorodatage);
                        ps.setLong(i++, dernierId);
                    }
                    ps.setInt(i, LIMITE + 1);
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (++n > LIMITE) {
                                break;
                            }
                            rs.getArray(5).getArray();
                            dernierId = rs.getLong(1);
                            dernierHorodatage = rs.getTimestamp(2);
                            rs.getString(3);
                            rs.getString(4);
                        }
                    }
                    suite = n > LIMITE;
                    lus += Math.min(n, LIMITE);
                }
                c.commit();
                latences.ajouter(System.nanoTime() - t0);
            }
        }
        return lus;
    }

    private static String litteral(String v) {
        return "'" + v.replace("'", "''") + "'";
    }
}
