package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding probable duplicates: the contract's API and the professionals' page. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoublonsTest implements SharedServicesTest {

    private static final Pattern CANDIDAT = Pattern.compile("\\{\"numeroUnique\":\"([0-9A-Z]{18})\"[^}]*?\"score\":(\\d+)");

    @Inject
    EmbeddedServer server;

    @Inject
    fr.sne.core.doublon.RechercheDoublons recherche;

    @Inject
    fr.sne.tenants.tenancy.TenantTransactions transactions;

    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    private FabriqueDemandes fabrique;
    private final String nom = FabriqueDemandes.nomUnique("Quintard");
    private String original;
    private String prenomPartiel;
    private String homonymeDate;
    private String radiee;
    private String gard;

    @BeforeAll
    void demandes() {
        fabrique = new FabriqueDemandes(server);
        original = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(nom + "-Bérenger", "Anne Marie", "1985-06-11"));
        // same name and birth date, another person
        homonymeDate = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de("Durand", "Paul", "1985-06-11"));
        // a second active one, registered on purpose: first names in part, day and month swapped
        prenomPartiel = fabrique.creer("editeur-stegreve", FabriqueDemandes.Menage.de(nom + " Berenger", "Anne", "1985-11-06")
                .pasUnDoublon("Vérifié : autre personne"));
        radiee = fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(nom + "-Bérenger", "Anne Marie", "1985-06-11")
                .pasUnDoublon("Test : sera radiée"));
        FabriqueDemandes.sql("UPDATE demande SET etat = 'RADIEE' WHERE numero_unique = ?", radiee);
        gard = fabrique.creer("editeur-logis", FabriqueDemandes.Menage.de(nom + "-Bérenger", "Anne Marie", "1985-06-11")
                .communes("30189"));
    }

    private HttpResponse<String> doublons(String client, String nomNaissance, String prenoms, String date) {
        return fabrique.get(client, "/api/v1.0/demandes/doublons?nomNaissance=" + enc(nomNaissance) + "&prenoms=" + enc(prenoms)
                + "&dateNaissance=" + enc(date));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The (number, score) pairs of an answer, in its order. */
    private static List<Map.Entry<String, Integer>> candidats(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<Map.Entry<String, Integer>> list = new ArrayList<>();
        Matcher m = CANDIDAT.matcher(r.body());
        while (m.find()) {
            list.add(Map.entry(m.group(1), Integer.parseInt(m.group(2))));
        }
        return list;
    }

    private static int score(List<Map.Entry<String, Integer>> candidats, String numero) {
        return candidats.stream().filter(e -> e.getKey().equals(numero)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(numero + " not among " + candidats));
    }

    @Test
    void theSamePersonWrittenDifferentlyIsFoundFirstWithScore100() {
        HttpResponse<String> r = doublons("editeur-stegreve", nom.toUpperCase() + " BERENGER", "anne-marie", "1985-06-11");
        List<Map.Entry<String, Integer>> c = candidats(r);
        assertEquals(original, c.getFirst().getKey(), r.body());
        assertEquals(100, c.getFirst().getValue());
        int partiel = score(c, prenomPartiel);
        assertTrue(partiel >= 60 && partiel < 100, "first names in part and a date slip score lower: " + partiel);
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.get(i - 1).getValue() >= c.get(i).getValue(), "best first: " + c);
        }
        List<String> numeros = c.stream().map(Map.Entry::getKey).toList();
        assertFalse(numeros.contains(homonymeDate), "another person born the same day is not a candidate");
        assertFalse(numeros.contains(radiee), "radiated applications are not candidates");
        assertFalse(numeros.contains(gard), "another territory's applications are never shown");
        assertTrue(r.body().contains("\"guichetEnregistreur\":\"38001\""), r.body());
        assertTrue(r.body().contains("\"dateDepot\":\""), r.body());
    }

    @Test
    void swappedFirstNamesTyposAndBirthDateSlipsAreFoundWithALowerScore() {
        List<Map.Entry<String, Integer>> c = candidats(doublons("editeur-actis", nom + "-Bérenger", "Marie Anne", "1985-06-11"));
        int inverses = score(c, original);
        assertTrue(inverses >= 95 && inverses < 100, "swapped first names: " + inverses);

        c = candidats(doublons("editeur-actis", nom + " Berengr", "Anne Marie", "1985-06-11"));
        int faute = score(c, original);
        assertTrue(faute >= 85 && faute < 100, "one letter missing: " + faute);

        c = candidats(doublons("editeur-actis", nom + "-Bérenger", "Anne Marie", "1985-11-06"));
        assertEquals(90, score(c, original), "day and month swapped");

        HttpResponse<String> unChiffre = doublons("editeur-actis", nom + "-Bérenger", "Anne Marie", "1985-06-12");
        assertEquals(85, score(candidats(unChiffre), original), "one digit of the date differs");
        assertTrue(unChiffre.body().contains("un chiffre de la date de naissance diffère"), unChiffre.body());

        c = candidats(doublons("editeur-actis", nom + "-Bérenger", "Anne Marie", "1986-07-11"));
        assertFalse(c.stream().anyMatch(e -> e.getKey().equals(original)), "two digits changed is another birth date");
    }

    @Test
    void theServiceJoinsTheCallersWritingTransaction() {
        // the desk's creation form calls candidats() inside its registering transaction, then writes
        int ecrites = transactions.inScope(fr.sne.tenants.tenancy.Scope.territoire("038"), () -> {
            var candidats = recherche.candidats("038", nom + " Bérenger", "Anne-Marie", java.time.LocalDate.of(1985, 6, 11));
            assertEquals(original, candidats.getFirst().numeroUnique());
            assertEquals(100, candidats.getFirst().score());
            return jdbc.prepareStatement("UPDATE demande SET version = version WHERE numero_unique = ?", ps -> {
                ps.setString(1, original);
                return ps.executeUpdate();
            });
        });
        assertEquals(1, ecrites, "the transaction is still writable after the search");
        assertEquals(List.of(), recherche.candidats("030", nom + " Bérenger", "Anne-Marie", java.time.LocalDate.of(1985, 6, 11))
                .stream().map(fr.sne.core.doublon.Candidat::numeroUnique).filter(original::equals).toList());
    }

    @Test
    void eachTerritorySeesOnlyItsOwnApplications() {
        List<String> numeros = candidats(doublons("editeur-logis", nom + "-Bérenger", "Anne Marie", "1985-06-11")).stream()
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(gard), numeros);
    }

    @Test
    void theDuplicatesRouteDoesNotHideReadingByNumber() {
        assertEquals(200, fabrique.get("editeur-actis", "/api/v1.0/demandes/" + original).statusCode());
        HttpResponse<String> sansCriteres = fabrique.get("editeur-actis", "/api/v1.0/demandes/doublons");
        assertEquals(400, sansCriteres.statusCode(), sansCriteres.body());
        assertEquals("application/problem+json", sansCriteres.headers().firstValue("Content-Type").orElse(""));
        for (String champ : List.of("nomNaissance", "prenoms", "dateNaissance")) {
            assertTrue(sansCriteres.body().contains("\"champ\":\"" + champ + "\""), sansCriteres.body());
        }
        HttpResponse<String> dateImpossible = doublons("editeur-actis", "Dupont", "Jean", "1985-02-30");
        assertEquals(400, dateImpossible.statusCode(), dateImpossible.body());
    }

    @Test
    void searchesAreAuditedWithTheNumbersShown() {
        candidats(doublons("editeur-stegreve", nom + "-Bérenger", "Anne Marie", "1985-06-11"));
        assertTrue(FabriqueDemandes.nombre("""
                SELECT count(*) FROM audit WHERE acteur = 'client:editeur-stegreve' AND action = 'LECTURE'
                   AND apres->>'recherche' = 'DOUBLONS' AND apres->'candidats' @> jsonb_build_array(?::text)""", original) >= 1);
    }

    @Test
    void aDeskAgentSearchesOnThePageAndOthersAreRefused() {
        WebClient web = new WebClient(server);
        web.signInAs("agent.actis@sne.test");
        HttpResponse<String> formulaire = web.page("/pro/demandes/doublons");
        assertEquals(200, formulaire.statusCode(), formulaire.body());
        assertTrue(formulaire.body().contains("<label class=\"fr-label\" for=\"nomNaissance\">"), formulaire.body());

        HttpResponse<String> resultats = web.submit("/pro/demandes/doublons",
                Map.of("nomNaissance", nom.toLowerCase() + " bérenger", "prenoms", "Marie-Anne", "dateNaissance", "1985-06-11"));
        assertEquals(200, resultats.statusCode(), resultats.body());
        assertTrue(resultats.body().contains(original), resultats.body());
        assertTrue(resultats.body().contains("prénoms dans un autre ordre"), resultats.body());
        assertTrue(resultats.body().contains("ACTIS (38001)"), resultats.body());
        assertFalse(resultats.body().contains(radiee));

        HttpResponse<String> vide = web.submit("/pro/demandes/doublons", Map.of("nomNaissance", "", "prenoms", "", "dateNaissance", ""));
        assertEquals(422, vide.statusCode());
        assertTrue(vide.body().contains("Indiquez le nom de naissance."), vide.body());

        HttpResponse<String> sansJeton = web.submit("/pro/demandes/doublons",
                Map.of("csrfToken", "faux", "nomNaissance", nom, "prenoms", "Anne", "dateNaissance", "1985-06-11"));
        assertEquals(403, sansJeton.statusCode());

        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        assertEquals(403, admin.page("/pro/demandes/doublons").statusCode());

        // national support names the territory
        WebClient support = new WebClient(server);
        support.signInAs("support@sne.test");
        HttpResponse<String> national = support.submit("/pro/demandes/doublons",
                Map.of("territoire", "030", "nomNaissance", nom + "-Bérenger", "prenoms", "Anne Marie", "dateNaissance", "1985-06-11"));
        assertEquals(200, national.statusCode(), national.body());
        assertTrue(national.body().contains(gard), national.body());
        assertFalse(national.body().contains(original), national.body());
    }
}
