package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GDM ({@code GET /api/v1.0/mouvements}, contract v1.0): every committed change appears once its
 * transaction and every older one have ended, never skipped at a window or page boundary; pages
 * with a signed cursor; the caller's territory and communes only; bad parameters → 400.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdmTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private FabriqueDemandes fabrique;
    private WebClient web;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
        web = new WebClient(server);
    }

    record Lu(long id, String horodatage, String numeroUnique, String type, List<String> parties) {
    }

    record Page(List<Lu> mouvements, String curseurSuivant) {
    }

    private String nouvelle(String... communes) {
        return fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Gdm"), "Lina", "1984-04-04")
                .communes(communes));
    }

    private HttpResponse<String> appel(String client, String query) {
        return fabrique.get(client, "/api/v1.0/mouvements?" + query);
    }

    @SuppressWarnings("unchecked")
    private Page page(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        try {
            Map<String, Object> m = json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
            assertTrue(m.containsKey("curseurSuivant"), "curseurSuivant is always there, null at the end: " + r.body());
            List<Lu> lus = new ArrayList<>();
            for (Map<String, Object> x : (List<Map<String, Object>>) m.get("mouvements")) {
                lus.add(new Lu(((Number) x.get("id")).longValue(), (String) x.get("horodatage"), (String) x.get("numeroUnique"),
                        (String) x.get("type"), (List<String>) x.get("parties")));
            }
            return new Page(lus, (String) m.get("curseurSuivant"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page of a window, following curseurSuivant until null. */
    private List<Lu> fenetre(String client, String query) {
        List<Lu> tout = new ArrayList<>();
        Page p = page(appel(client, query));
        tout.addAll(p.mouvements());
        while (p.curseurSuivant() != null) {
            p = page(appel(client, query + "&curseur=" + enc(p.curseurSuivant())));
            tout.addAll(p.mouvements());
        }
        return tout;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The database's clock, the one movements are stamped with. */
    private static Instant maintenant() {
        return Instant.ofEpochMilli(FabriqueDemandes.nombre("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")).minusMillis(1);
    }

    private static Connection app() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("datasources.default.url"), (String) p.get("datasources.default.username"),
                (String) p.get("datasources.default.password"));
    }

    private static List<Long> ids(List<Lu> lus, String numero) {
        return lus.stream().filter(l -> l.numeroUnique().equals(numero)).map(Lu::id).toList();
    }

    @Test
    void aMovementOfATransactionStillInFlightWaitsAndNothingAfterItIsSkipped() throws Exception {
        Instant debut = maintenant();
        String a = nouvelle("38185");
        long enVol;
        String b;
        try (Connection c = app()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("SELECT set_config('sne.territoire', '038', true), set_config('sne.portee', 'TERRITOIRE', true)")) {
                ps.execute();
            }
            // a change in progress: its movement gets its id and horodatage now, becomes visible at commit
            try (var ps = c.prepareStatement("INSERT INTO mouvement (territoire, numero_unique, type, parties) VALUES ('038', ?, 'MOD', '{demandeur}') RETURNING id")) {
                ps.setString(1, a);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    enVol = rs.getLong(1);
                }
            }
            // another change, committed after the first one started: later id, later horodatage
            b = nouvelle("38185");

            List<Lu> pendant = fenetre("editeur-actis", "depuis=" + enc(debut.toString()) + "&limite=1000");
            assertEquals(1, ids(pendant, a).size(), "the committed creation of A is there: " + pendant);
            assertFalse(pendant.stream().anyMatch(l -> l.id() == enVol), "never a movement of a transaction in flight");
            assertTrue(ids(pendant, b).isEmpty(),
                    "B committed, but the older transaction in flight could still insert before it: B waits rather than being skipped");
            long creationA = ids(pendant, a).getFirst();
            c.commit();

            // the next window overlaps the first one: everything is there, in order, with the same ids
            List<Lu> apres = fenetre("editeur-actis", "depuis=" + enc(debut.toString()) + "&limite=1000");
            assertEquals(List.of(creationA, enVol), ids(apres, a), "same ids across overlapping windows");
            assertEquals(1, ids(apres, b).size());
            List<Long> ordre = apres.stream().map(Lu::id).toList();
            assertTrue(ordre.indexOf(enVol) < ordre.indexOf(ids(apres, b).getFirst()), "ordered by horodatage: " + apres);
            Lu mod = apres.stream().filter(l -> l.id() == enVol).findFirst().orElseThrow();
            assertEquals("MOD", mod.type());
            assertEquals(List.of("demandeur"), mod.parties());
            assertNotNull(OffsetDateTime.parse(mod.horodatage()));
        }
    }

    @Test
    void pagesWithASmallLimitGiveEachMovementExactlyOnceInOrder() {
        Instant debut = maintenant();
        String numero = nouvelle("38185");
        // 23 more movements, some sharing one horodatage (the id breaks ties)
        FabriqueDemandes.sql("""
                INSERT INTO mouvement (territoire, numero_unique, type, parties, horodatage)
                SELECT '038', ?, 'EVT', '{}', CASE WHEN g <= 6 THEN clock_timestamp() + interval '1 second' ELSE clock_timestamp() END
                FROM generate_series(1, 23) g""", numero);
        String depuis = "depuis=" + enc(debut.toString());
        List<Lu> lus = fenetre("editeur-actis", depuis + "&limite=4");
        Set<Long> uniques = new HashSet<>(lus.stream().map(Lu::id).toList());
        assertEquals(lus.size(), uniques.size(), "no movement twice");
        assertEquals(24, ids(lus, numero).size(), "the creation and the 23 movements");
        List<Lu> tries = new ArrayList<>(lus);
        tries.sort((x, y) -> {
            int c = OffsetDateTime.parse(x.horodatage()).compareTo(OffsetDateTime.parse(y.horodatage()));
            return c != 0 ? c : Long.compare(x.id(), y.id());
        });
        assertEquals(tries, lus, "oldest first, id breaking ties");

        // the window as the database has it: the same movements, nothing more, nothing less (for this
        // application: other tests' background jobs, e.g. documents' analyses, may write in the window meanwhile)
        List<Lu> uneFois = fenetre("editeur-actis", depuis + "&limite=1000");
        assertEquals(ids(lus, numero), ids(uneFois, numero));
        assertEquals(FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE territoire = '038' AND numero_unique = ? AND horodatage >= ?",
                numero, OffsetDateTime.ofInstant(debut, java.time.ZoneOffset.UTC)), ids(lus, numero).size());
    }

    @Test
    void communesRestrictToTheApplicationsWantingThemAndTerritoriesAreSeparate() {
        Instant debut = maintenant();
        String grenoble = nouvelle("38185");
        String stEgreve = nouvelle("38382", "38185");
        String depuis = "depuis=" + enc(debut.toString());

        List<Lu> seulement = fenetre("editeur-actis", depuis + "&communes=38382");
        assertTrue(ids(seulement, grenoble).isEmpty(), seulement.toString());
        assertEquals(1, ids(seulement, stEgreve).size(), seulement.toString());
        List<Lu> deux = fenetre("editeur-actis", depuis + "&communes=" + enc("38382, 38185"));
        assertEquals(1, ids(deux, grenoble).size());
        assertEquals(1, ids(deux, stEgreve).size());

        // another desk of the territory sees the same feed; another territory's client sees none of it
        assertEquals(ids(fenetre("editeur-actis", depuis), grenoble), ids(fenetre("editeur-stegreve", depuis), grenoble));
        List<Lu> gard = fenetre("editeur-logis", depuis);
        assertTrue(gard.stream().noneMatch(l -> l.numeroUnique().startsWith("038")), gard.toString());
    }

    @Test
    void theDatabaseItselfKeepsATerritoryToItsMovements() throws Exception {
        String numero = nouvelle("38185");
        try (Connection c = app()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("SELECT set_config('sne.territoire', '030', true), set_config('sne.portee', 'TERRITOIRE', true)")) {
                ps.execute();
            }
            try (var ps = c.prepareStatement("SELECT count(*) FROM mouvement WHERE numero_unique = ?")) {
                ps.setString(1, numero);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "row-level security hides another territory's movements");
                }
            }
            c.rollback();
        }
        assertEquals(1, FabriqueDemandes.nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND xid IS NOT NULL", numero));
    }

    @Test
    void badParametersAndForeignCursorsAreRefusedInFrench() {
        probleme(appel("editeur-actis", "limite=10"), "depuis", "OBLIGATOIRE");
        probleme(appel("editeur-actis", "depuis=hier"), "depuis", "FORMAT");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00"), "depuis", "FORMAT");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&limite=0"), "limite", "HORS_LIMITES");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&limite=1001"), "limite", "HORS_LIMITES");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&limite=dix"), "limite", "HORS_LIMITES");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&communes=38185,Grenoble"), "communes", "FORMAT");
        String trop = IntStream.range(0, 501).mapToObj(i -> String.format("38%03d", i)).collect(Collectors.joining(","));
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&communes=" + trop), "communes", "TROP_NOMBREUX");
        probleme(appel("editeur-actis", "depuis=2025-03-14T14:36:00Z&curseur=abc"), "curseur", "CURSEUR_INVALIDE");
        // an offset, encoded or not, is accepted
        assertEquals(200, appel("editeur-actis", "depuis=" + enc("2025-03-14T15:36:00+01:00")).statusCode());
        assertEquals(200, appel("editeur-actis", "depuis=2025-03-14T15:36:00+01:00").statusCode());

        // a genuine cursor only goes with its own query, and only for its caller
        nouvelle("38185");
        nouvelle("38185");
        String depuis = "depuis=" + enc(maintenant().minusSeconds(3600).toString());
        Page p = page(appel("editeur-actis", depuis + "&limite=1"));
        assertNotNull(p.curseurSuivant());
        String c = "&curseur=" + enc(p.curseurSuivant());
        assertEquals(200, appel("editeur-actis", depuis + "&limite=1" + c).statusCode());
        assertEquals(200, appel("editeur-actis", depuis + "&limite=50" + c).statusCode(), "the page size may change");
        probleme(appel("editeur-actis", depuis + "&communes=38185&limite=1" + c), "curseur", "CURSEUR_INVALIDE");
        probleme(appel("editeur-actis", "depuis=" + enc(maintenant().minusSeconds(7200).toString()) + c), "curseur", "CURSEUR_INVALIDE");
        probleme(appel("editeur-stegreve", depuis + "&limite=1" + c), "curseur", "CURSEUR_INVALIDE");
        String altere = p.curseurSuivant().charAt(0) == 'M' ? "N" + p.curseurSuivant().substring(1) : "M" + p.curseurSuivant().substring(1);
        probleme(appel("editeur-actis", depuis + "&limite=1&curseur=" + enc(altere)), "curseur", "CURSEUR_INVALIDE");
        Page fin = page(appel("editeur-actis", "depuis=" + enc(Instant.now().plusSeconds(3600).toString())));
        assertTrue(fin.mouvements().isEmpty());
        assertNull(fin.curseurSuivant());
    }

    @Test
    void onlyApiClientsWithTheMovementsScopeReadTheFeed() {
        FabriqueDemandes.sql("""
                INSERT INTO client_api (client_id, guichet, territoire, scopes, libelle)
                VALUES ('editeur-sans-gdm', '38003', '038', '{demandes}', 'Client sans accès aux mouvements')
                ON CONFLICT (client_id) DO NOTHING""");
        HttpResponse<String> r = appel("editeur-sans-gdm", "depuis=2025-03-14T14:36:00Z");
        assertEquals(403, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("portée « mouvements »"), r.body());
        HttpResponse<String> anonyme = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/mouvements?depuis=2025-03-14T14:36:00Z"))
                .header("Accept", "application/json").GET().build());
        assertEquals(401, anonyme.statusCode());
    }

    private static void probleme(HttpResponse<String> r, String champ, String code) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("\"champ\":\"" + champ + "\""), r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
        assertTrue(r.body().contains("anomalies"), r.body());
    }
}
