package fr.sne.bench.generateur;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10 000 generated applications in Isère and the Gard, loaded by COPY into the running product's
 * database, then read, re-validated and searched through the vendors' API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerateurTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");
    // generated rows, whatever the API rewrote since (a PUT changes modifie_par, not the first version)
    // (in 038 and 030: the benchmark suite, in the same test JVM, generates in other territories)
    private static final String GENEREE = " d.territoire IN ('038', '030') AND EXISTS (SELECT 1 FROM demande_version v"
            + " WHERE v.territoire = d.territoire AND v.numero_unique = d.numero_unique AND v.version = 1 AND v.auteur = 'generateur') ";
    private static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();
    private Generateur.Resultat resultat;

    private static Connection proprietaire() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    @BeforeAll
    void generer() throws SQLException {
        try (Connection c = proprietaire()) {
            resultat = Generateur.generer(c, new Generateur.Parametres(10_000, 20_260_101L, AUJOURDHUI, List.of("038", "030"), 5_000),
                    System.out);
        }
        System.out.printf("Générateur : %d demandes en %d ms (%.0f/s), %d radiées, %d événements%n", resultat.demandes(),
                resultat.millisecondes(), resultat.parSeconde(), resultat.radiees(), resultat.evenements());
    }

    @Test
    void theSameSeedGivesTheSameApplicationsAndAnotherSeedOthers() throws SQLException {
        Referentiel r;
        try (Connection c = proprietaire()) {
            r = Referentiel.charger(c, List.of("038", "030"));
        }
        Fabrique a = new Fabrique(r, 7, AUJOURDHUI, Map.of());
        Fabrique b = new Fabrique(r, 7, AUJOURDHUI, Map.of());
        Fabrique autre = new Fabrique(r, 8, AUJOURDHUI, Map.of());
        int differentes = 0;
        for (int n = 0; n < 2_000; n++) {
            Fabrique.Ligne la = a.ligne(n);
            assertEquals(la, b.ligne(n));
            differentes += la.document().equals(autre.ligne(n).document()) ? 0 : 1;
        }
        assertTrue(differentes > 1_900, "another seed, other applications: " + differentes);
    }

    @Test
    void generatedRowsFollowRealisticDistributions() throws SQLException {
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE date_depot > ?::date - 730),
                       count(*) FILTER (WHERE etat = 'RADIEE'), count(*) FILTER (WHERE territoire = '038'),
                       count(*) FILTER (WHERE territoire = '038' AND '38185' = ANY (communes_souhaitees)),
                       count(*) FILTER (WHERE taille_menage = 1), count(DISTINCT numero_unique)
                  FROM demande d WHERE """ + GENEREE)) {
            ps.setObject(1, AUJOURDHUI);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long total = rs.getLong(1);
                assertTrue(total >= 10_000, "generated: " + total);
                assertEquals(total, rs.getLong(7), "unique numbers");
                double moinsDe2Ans = rs.getLong(2) / (double) total;
                assertTrue(moinsDe2Ans > 0.7 && moinsDe2Ans < 0.95, "under two years: " + moinsDe2Ans);
                double radiees = rs.getLong(3) / (double) total;
                assertTrue(radiees > 0.05 && radiees < 0.2, "radiated: " + radiees);
                // Isère (1.27 M inhabitants) weighs more than the Gard (0.75 M)
                assertTrue(rs.getLong(4) > total / 2, "038: " + rs.getLong(4));
                assertTrue(rs.getLong(5) > rs.getLong(4) / 20, "Grenoble wanted: " + rs.getLong(5));
                assertTrue(rs.getLong(6) > total / 4, "single persons: " + rs.getLong(6));
            }
        }
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT count(*) FROM demande_version v WHERE v.auteur = 'generateur' AND v.territoire IN ('038', '030')),
                       (SELECT count(*) FROM mouvement m JOIN demande d USING (territoire, numero_unique)
                         WHERE m.type = 'CRE' AND """ + GENEREE + """
                       ),
                       (SELECT count(*) FROM radiation WHERE auteur = 'generateur' AND territoire IN ('038', '030')),
                       (SELECT count(*) FROM demande d WHERE etat = 'RADIEE' AND """ + GENEREE + """
                       ),
                       (SELECT count(*) FROM demande_commune dc JOIN demande d USING (territoire, numero_unique)
                         WHERE """ + GENEREE + """
                       ),
                       (SELECT count(*) FROM mouvement m JOIN demande d USING (territoire, numero_unique)
                         WHERE m.type = 'REN' AND """ + GENEREE + """
                       ),
                       (SELECT count(*) FROM demande d WHERE date_dernier_renouvellement IS NOT NULL AND """ + GENEREE + ")");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(10_000, rs.getLong(1), "one version each");
            assertEquals(10_000, rs.getLong(2), "one CRE movement each");
            assertEquals(rs.getLong(4), rs.getLong(3), "one radiation per radiated application");
            assertTrue(rs.getLong(5) >= 10_000, "wanted communes indexed by the trigger: " + rs.getLong(5));
            assertTrue(rs.getLong(7) > 1_000, "renewed: " + rs.getLong(7));
            assertEquals(rs.getLong(7), rs.getLong(6), "one REN movement per renewed application");
        }
    }

    @Test
    void generatedApplicationsAreReadableValidAndFoundAsDuplicatesThroughTheApi() throws Exception {
        List<Map<String, Object>> echantillon = new ArrayList<>();
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT numero_unique, document::text, nom_naissance_cle, prenoms_cle, date_naissance, taille_menage, revenu_fiscal,
                       ressources_mensuelles, types_logement::text, statut_dalo, prioritaire, handicap,
                       document #>> '{demandeur,nomNaissance}', document #>> '{demandeur,prenoms}'
                  FROM demande d WHERE territoire = '038' AND etat = 'ACTIVE' AND modifie_par = 'generateur' AND """ + GENEREE + """

                 ORDER BY taille_menage DESC, numero_unique LIMIT 12""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new HashMap<>();
                for (int i = 1; i <= 14; i++) {
                    m.put(String.valueOf(i), rs.getObject(i) == null ? null : rs.getObject(i).toString());
                }
                echantillon.add(m);
            }
        }
        assertEquals(12, echantillon.size());
        for (Map<String, Object> d : echantillon) {
            String numero = (String) d.get("1");
            HttpResponse<String> lue = envoyer(requete("/api/v1.0/demandes/" + numero).GET().build());
            assertEquals(200, lue.statusCode(), lue.body());
            assertTrue(lue.body().contains("\"numeroUnique\":\"" + numero + "\""), lue.body());
            // the product re-validates the generated content and recomputes its indicators: they must not change
            HttpResponse<String> reecrite = envoyer(requete("/api/v1.0/demandes/" + numero)
                    .header("Content-Type", "application/json").header("If-Match", lue.headers().firstValue("ETag").orElseThrow())
                    .PUT(HttpRequest.BodyPublishers.ofString((String) d.get("2"))).build());
            assertEquals(200, reecrite.statusCode(), numero + " " + d.get("2") + " → " + reecrite.body());
            try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                    SELECT numero_unique, null, nom_naissance_cle, prenoms_cle, date_naissance, taille_menage, revenu_fiscal,
                           ressources_mensuelles, types_logement::text, statut_dalo, prioritaire, handicap
                      FROM demande WHERE territoire = '038' AND numero_unique = ?""")) {
                ps.setString(1, numero);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int i = 3; i <= 12; i++) {
                        assertEquals(d.get(String.valueOf(i)), rs.getObject(i) == null ? null : rs.getObject(i).toString(),
                                numero + " column " + i);
                    }
                }
            }
            HttpResponse<String> doublons = envoyer(requete("/api/v1.0/demandes/doublons?nomNaissance="
                    + URLEncoder.encode((String) d.get("13"), StandardCharsets.UTF_8) + "&prenoms="
                    + URLEncoder.encode((String) d.get("14"), StandardCharsets.UTF_8) + "&dateNaissance=" + d.get("5")).GET().build());
            assertEquals(200, doublons.statusCode(), doublons.body());
            assertTrue(doublons.body().contains(numero), doublons.body());
        }
    }

    @Test
    void aGeneratedRadiationReadsAsARadiatedApplication() throws Exception {
        String numero;
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.numero_unique FROM radiation r WHERE r.territoire = '038' AND r.auteur = 'generateur' AND r.motif = 'RADATT'
                 ORDER BY r.numero_unique LIMIT 1""");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            numero = rs.getString(1);
        }
        HttpResponse<String> lue = envoyer(requete("/api/v1.0/demandes/" + numero).GET().build());
        assertEquals(200, lue.statusCode(), lue.body());
        assertTrue(lue.body().contains("\"etat\":\"RADIEE\""), lue.body());
    }

    @Test
    void anApplicationRegisteredAfterTheLoadGetsANumberTheGeneratorDidNotUse() throws Exception {
        String mois = String.format("%02d%02d", AUJOURDHUI.getMonthValue(), AUJOURDHUI.getYear() % 100);
        int dernierGenere;
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT max(substr(numero_unique, 8, 6)::int) FROM demande d
                 WHERE territoire = '038' AND substr(numero_unique, 4, 4) = ? AND """ + GENEREE)) {
            ps.setString(1, mois);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                dernierGenere = rs.getInt(1);
            }
        }
        assertTrue(dernierGenere > 0, "the generator filed applications this month in 038");
        HttpResponse<String> creee = envoyer(requete("/api/v1.0/demandes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"demandeur": {"civilite": "2", "nomNaissance": "Générée-Après", "prenoms": "Capucine",
                          "dateNaissance": "1991-03-14", "nationalite": "1", "mel": "capucine@example.org", "telPortable": "0611223344",
                          "adresse": {"numero": "4", "voie": "rue Lesdiguières", "codePostal": "38000", "communeInsee": "38185"}},
                         "logementRecherche": {"typesLogement": ["T2"], "communesSouhaitees": ["38185"]}}""")).build());
        assertEquals(201, creee.statusCode(), creee.body());
        Matcher m = NUMERO.matcher(creee.body());
        assertTrue(m.find(), creee.body());
        String numero = m.group(1);
        assertEquals("038" + mois, numero.substring(0, 7));
        assertTrue(Integer.parseInt(numero.substring(7, 13)) > dernierGenere, numero + " after " + dernierGenere);
        assertNotEquals("generateur", auteur(numero));
    }

    private static String auteur(String numero) throws SQLException {
        try (Connection c = proprietaire(); PreparedStatement ps = c.prepareStatement(
                "SELECT modifie_par FROM demande WHERE numero_unique = ?")) {
            ps.setString(1, numero);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), numero);
                return rs.getString(1);
            }
        }
    }

    private HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + chemin))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Accept", "application/json");
    }

    private HttpResponse<String> envoyer(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
