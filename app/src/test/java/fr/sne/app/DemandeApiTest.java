package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering an application through the vendors' API (contract v1.0, JSON). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeApiTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    @Inject
    EmbeddedServer server;

    private static String corps(String nom, String prenoms, String naissance, String communes) {
        return """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "nomUsage": null, "prenoms": "%s",
                  "dateNaissance": "%s", "nationalite": "1", "mel": "jean.dupont@example.org", "telPortable": "0606060606",
                  "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T2", "T3"], "communesSouhaitees": [%s]}}"""
                .formatted(nom, prenoms, naissance, communes);
    }

    private HttpResponse<String> post(String client, String body, String cle) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (cle != null) {
            r.header("Idempotency-Key", cle);
        }
        return web.send(r.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String client, String numero) {
        WebClient web = new WebClient(server);
        return web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Accept", "application/json").GET().build());
    }

    private static String numero(HttpResponse<String> response) {
        Matcher m = NUMERO.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    @Test
    void aVendorRegistersAndReadsAnApplication() throws Exception {
        HttpResponse<String> created = post("editeur-actis", corps("Dupont", "Jean", "1970-01-01", "\"38185\", \"38382\""), null);
        assertEquals(201, created.statusCode(), created.body());
        String numero = numero(created);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertTrue(numero.matches("038" + today.format(DateTimeFormatter.ofPattern("MMyy")) + "\\d{6}38001"), numero);
        assertEquals("/api/v1.0/demandes/" + numero, created.headers().firstValue("Location").orElse(""));
        assertTrue(created.body().contains("\"etat\":\"ACTIVE\""), created.body());
        assertTrue(created.body().contains("\"dateDepot\":\"" + today + "\""), created.body());
        assertTrue(created.body().contains("\"dateProchainRenouvellement\":\"" + today.plusYears(1) + "\""), created.body());
        assertTrue(created.body().contains("\"dateDernierRenouvellement\":null"), "the contract shows it, null before any renewal: " + created.body());
        assertTrue(created.body().contains("\"guichetEnregistreur\":\"38001\""), created.body());
        assertTrue(created.body().contains("\"version\":1"), created.body());

        HttpResponse<String> read = get("editeur-stegreve", numero);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"nomNaissance\":\"Dupont\""), read.body());
        assertTrue(read.body().contains("\"communesSouhaitees\":[\"38185\",\"38382\"]"), read.body());
        assertEquals("\"" + numero + "-1\"", read.headers().firstValue("ETag").orElse(""));

        // another territory does not know it exists
        HttpResponse<String> other = get("editeur-logis", numero);
        assertEquals(404, other.statusCode());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElse(""));

        // one movement and one audit row, written with the application
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT (SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'CRE'),
                            (SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'CREATION' AND acteur = 'client:editeur-actis')""")) {
            ps.setString(1, numero);
            ps.setString(2, numero);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void probableDuplicatesAreRefusedUnlessConfirmed() {
        HttpResponse<String> first = post("editeur-actis", corps("Lefèvre-Martin", "Anne Marie", "1985-06-15", "\"38185\""), null);
        assertEquals(201, first.statusCode(), first.body());
        String numero = numero(first);
        // same person written differently: case, accents, hyphens and spaces do not matter
        HttpResponse<String> again = post("editeur-stegreve", corps("LEFEVRE MARTIN", "anne-marie", "1985-06-15", "\"38382\""), null);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"doublons\":[\"" + numero + "\"]"), again.body());
        HttpResponse<String> confirmed = post("editeur-stegreve", corps("LEFEVRE MARTIN", "anne-marie", "1985-06-15", "\"38382\"")
                .replace("\"logementRecherche\"", "\"confirmationNonDoublon\": \"Homonyme vérifié sur pièce d'identité\", \"logementRecherche\""), null);
        assertEquals(201, confirmed.statusCode(), confirmed.body());
        // the same person in another territory is not a duplicate there
        assertEquals(201, post("editeur-logis", corps("Lefèvre-Martin", "Anne Marie", "1985-06-15", "\"30189\""), null).statusCode());
    }

    @Test
    void anIdempotencyKeyCreatesOnceEvenUnderConcurrentRetries() throws Exception {
        String body = corps("Idempotent", "Paul", "1990-02-02", "\"38185\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> post("editeur-actis", body, "lot-2026-11-22-0001")));
        }
        Set<String> numeros = new HashSet<>();
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            numeros.add(numero(r));
        }
        pool.shutdown();
        assertEquals(1, numeros.size(), numeros.toString());
        // another client's identical key is another request
        HttpResponse<String> other = post("editeur-stegreve", body.replace("Paul", "Pauline"), "lot-2026-11-22-0001");
        assertEquals(201, other.statusCode());
        assertTrue(!numeros.contains(numero(other)));
    }

    @Test
    void badInputGetsFrenchAnomaliesAndNeverA500() {
        HttpResponse<String> outside = post("editeur-actis", corps("Hors", "Territoire", "1980-01-01", "\"30189\""), null);
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("\"code\":\"HORS_TERRITOIRE\""), outside.body());

        HttpResponse<String> several = post("editeur-actis", corps("D3lta", "", "2999-01-01", "\"99999\"")
                .replace("\"civilite\": \"1\"", "\"civilite\": \"9\"").replace("\"T3\"", "\"T9\""), null);
        assertEquals(400, several.statusCode());
        for (String expected : List.of("demandeur.civilite", "demandeur.nomNaissance", "demandeur.prenoms",
                "demandeur.dateNaissance", "logementRecherche.communesSouhaitees[0]", "logementRecherche.typesLogement[1]")) {
            assertTrue(several.body().contains("\"champ\":\"" + expected + "\""), expected + " in " + several.body());
        }
        assertTrue(several.body().contains("La date de naissance 2999-01-01 est impossible."), several.body());

        HttpResponse<String> malformed = post("editeur-actis", "{\"demandeur\": {", null);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> impossibleDate = post("editeur-actis", corps("Date", "Fausse", "1970-13-01", "\"38185\""), null);
        assertEquals(400, impossibleDate.statusCode(), impossibleDate.body());
        assertEquals(404, get("editeur-actis", "038112599999938001").statusCode());
    }

    /** A whole CERFA: co-holder, dependants, unborn, custody, work, income, resources, housing, motifs, disability, priority. */
    private static String cerfaComplet(String nom, String naissance) {
        int annee = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        return """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "prenoms": "Karim", "dateNaissance": "%s",
                  "nationalite": "3", "paysNationalite": "Maroc", "nir": "%s", "situationFamiliale": "M",
                  "mel": "karim@example.org", "telPortable": "0612345678", "assiste": false,
                  "adresse": {"numero": "5", "voie": "rue Très Cloîtres", "codePostal": "38000", "communeInsee": "38185"},
                  "situationProfessionnelle": {"profession": "Cariste", "typeContratTravail": "CDI", "nomEmployeur": "DINUM",
                    "siretEmployeur": "13002526500013", "codePostal": "38000", "communeInsee": "38185"},
                  "revenuFiscal": {"anneeMoins1": %d, "montantMoins1": 21000, "anneeMoins2": %d, "montantMoins2": 20000},
                  "ressourcesRecues": [{"code": "SAL", "montant": 1500}, {"code": "AF", "montant": 140}],
                  "ressourcesVersees": [{"code": "PAV", "montant": 120}]},
                 "cotitulaires": [{"civilite": "2", "nomNaissance": "Martin", "nomUsage": "%s", "prenoms": "Sofia",
                   "dateNaissance": "1982-03-04", "nationalite": "2", "paysNationalite": "Espagne", "lienDemandeur": "M",
                   "revenuFiscal": {"anneeMoins2": %d, "montantMoins2": 9000},
                   "ressourcesRecues": [{"code": "SAL", "montant": 900}]}],
                 "personnesACharge": [{"nomNaissance": "%s", "prenoms": "Léa", "dateNaissance": "2015-01-01", "sexe": "F", "lienParente": "E"}],
                 "enfantsANaitre": {"nombre": 1},
                 "personnesEnGarde": [{"dateNaissance": "2012-01-01", "sexe": "M", "coParentalite": "G"},
                                      {"dateNaissance": "2014-01-01", "sexe": "M", "coParentalite": "D"}],
                 "logementActuel": {"modelesLogement": ["LP"], "montantMensuelLoyer": 950, "nombreHabitants": 5,
                   "categorieLogement": "A", "typeLogement": "T2", "surface": 48, "proprietaire": false},
                 "motifs": ["13", "23"], "motifPrecision": "Logement humide",
                 "logementRecherche": {"typesLogement": ["T4"], "communesSouhaitees": ["38185", "38421"], "categorie": "I",
                   "etageMaximum": 3, "ascenseurIndispensable": true, "loyerMaximum": 700},
                 "handicap": {"nombrePersonnes": 1, "etat": "STA", "capaciteMarche": "2", "naturesMoteur": ["MI"],
                   "aidesTechniques": ["2"], "equipements": ["3"]},
                 "priorite": {"statutDalo": "ACTIF", "dateDecisionDalo": "2026-01-15", "categories": ["SUROC"]}}"""
                .formatted(nom, naissance, nir(naissance), annee - 1, annee - 2, nom, annee - 2, nom);
    }

    /** A valid NIR of a man born in the given year and month (département 38). */
    private static String nir(String naissance) {
        String corps = "1" + naissance.substring(2, 4) + naissance.substring(5, 7) + "38185" + "123";
        long cle = 97 - Long.parseLong(corps) % 97;
        return corps + "%02d".formatted(cle);
    }

    private HttpResponse<String> put(String client, String numero, String body, String ifMatch) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return web.send(r.PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void theWholeCerfaIsStoredAndReadBackWithItsIndicators() throws Exception {
        HttpResponse<String> created = post("editeur-actis", cerfaComplet("Benali", "1980-05-06"), null);
        assertEquals(201, created.statusCode(), created.body());
        String numero = numero(created);
        HttpResponse<String> read = get("editeur-actis", numero);
        for (String attendu : List.of("\"paysNationalite\":\"Maroc\"", "\"siretEmployeur\":\"13002526500013\"",
                "\"lienDemandeur\":\"M\"", "\"coParentalite\":\"G\"", "\"motifPrecision\":\"Logement humide\"",
                "\"ascenseurIndispensable\":true", "\"naturesMoteur\":[\"MI\"]", "\"categories\":[\"SUROC\"]",
                "{\"code\":\"PAV\",\"montant\":120}", "\"enfantsANaitre\":{\"nombre\":1}")) {
            assertTrue(read.body().contains(attendu), attendu + " in " + read.body());
        }
        // searchable columns: applicant + co-holder + dependant + unborn + child in shared custody = 5
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT taille_menage, revenu_fiscal, ressources_mensuelles, types_logement::text, statut_dalo, prioritaire, handicap
                       FROM demande WHERE numero_unique = ?""")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(5, rs.getInt(1));
            assertEquals(29000, rs.getInt(2));
            assertEquals(1500 + 140 + 900 - 120, rs.getInt(3));
            assertEquals("{T4}", rs.getString(4));
            assertEquals("ACTIF", rs.getString(5));
            assertTrue(rs.getBoolean(6));
            assertTrue(rs.getBoolean(7));
        }
    }

    @Test
    void invalidCerfaDetailsAreNamedFieldByField() {
        String body = cerfaComplet("Anomalies", "1981-07-08")
                .replaceFirst("\"nir\": \"[0-9]{15}\"", "\"nir\": \"181073818512300\"")
                .replace("13002526500013", "13002526500014")
                .replace("\"Maroc\"", "\"place de l'église\"")
                .replace("\"SAL\", \"montant\": 1500", "\"XXX\", \"montant\": -5")
                .replace("\"13\", \"23\"", "\"13\", \"24\"")
                .replace("\"categories\": [\"SUROC\"]", "\"categories\": [\"INCONNU\"]");
        HttpResponse<String> r = post("editeur-actis", body, null);
        assertEquals(400, r.statusCode(), r.body());
        for (String champ : List.of("demandeur.nir", "demandeur.situationProfessionnelle.siretEmployeur", "demandeur.paysNationalite",
                "demandeur.ressourcesRecues[0].code", "demandeur.ressourcesRecues[0].montant", "motifs[1]", "priorite.categories[0]")) {
            assertTrue(r.body().contains("\"champ\":\"" + champ + "\""), champ + " in " + r.body());
        }
        // a forged filing date is refused
        HttpResponse<String> forged = post("editeur-actis", cerfaComplet("Forge", "1979-01-02")
                .replaceFirst("\\{", "{\"dateDepot\": \"2020-01-01\", "), null);
        assertEquals(400, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("\"code\":\"DATE_DEPOT_CERTIFIEE\""), forged.body());
    }

    @Test
    void updatesNeedTheCurrentVersionAndNeverLoseAChange() throws Exception {
        HttpResponse<String> created = post("editeur-actis", cerfaComplet("Versionne", "1977-09-10"), null);
        assertEquals(201, created.statusCode(), created.body());
        String numero = numero(created);
        String etag1 = created.headers().firstValue("ETag").orElseThrow();
        String body = get("editeur-actis", numero).body();

        HttpResponse<String> sansIfMatch = put("editeur-actis", numero, body, null);
        assertEquals(428, sansIfMatch.statusCode(), sansIfMatch.body());
        assertEquals("application/problem+json", sansIfMatch.headers().firstValue("Content-Type").orElse(""));

        // the GET document itself can be sent back (server fields are ignored, dateDepot is the same)
        HttpResponse<String> first = put("editeur-stegreve", numero, body.replace("\"loyerMaximum\":700", "\"loyerMaximum\":650"), etag1);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"version\":2"), first.body());
        assertTrue(first.body().contains("\"loyerMaximum\":650"), first.body());
        assertTrue(first.body().contains("\"numeroUnique\":\"" + numero + "\""), first.body());
        assertEquals("\"" + numero + "-2\"", first.headers().firstValue("ETag").orElse(""));

        // a second writer still holding version 1 is told who changed what, and nothing is written
        HttpResponse<String> stale = put("editeur-actis", numero, body.replace("\"etageMaximum\":3", "\"etageMaximum\":1"), etag1);
        assertEquals(412, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("\"versionActuelle\":2"), stale.body());
        assertTrue(stale.body().contains("Logiciel du guichet 38002"), stale.body());
        assertTrue(stale.body().contains("\"champs\":[\"logementRecherche.loyerMaximum\"]"), stale.body());
        assertTrue(get("editeur-actis", numero).body().contains("\"etageMaximum\":3"));

        // 16 concurrent writers from the same version: exactly one wins, the others get 412
        String etag2 = first.headers().firstValue("ETag").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int loyer = 500 + i;
            futures.add(pool.submit(() -> put("editeur-actis", numero, body.replace("\"loyerMaximum\":700", "\"loyerMaximum\":" + loyer), etag2)));
        }
        int ok = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> f : futures) {
            int status = f.get().statusCode();
            ok += status == 200 ? 1 : 0;
            refused += status == 412 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(15, refused);
        assertTrue(get("editeur-actis", numero).body().contains("\"version\":3"));

        // the filing date cannot be moved and another territory cannot even see the application
        HttpResponse<String> forged = put("editeur-actis", numero, body.replaceFirst("\"dateDepot\":\"[0-9-]+\"", "\"dateDepot\":\"2020-01-01\""),
                "\"" + numero + "-3\"");
        assertEquals(400, forged.statusCode(), forged.body());
        assertEquals(404, put("editeur-logis", numero, body, "\"" + numero + "-3\"").statusCode());
    }
}
