package fr.sne.app;

import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registers applications through the vendors' API ({@code POST /api/v1.0/demandes}) with the full
 * CERFA model: household, resources, current housing, motifs, housing sought, disability, priority.
 */
final class FabriqueDemandes {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    private final WebClient web;

    FabriqueDemandes(EmbeddedServer server) {
        this.web = new WebClient(server);
    }

    /** A name nobody else's test uses in this JVM (letters only, as the form accepts). */
    static String nomUnique(String base) {
        StringBuilder s = new StringBuilder(base);
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** One application's content; every setter returns a new value. */
    record Menage(String nom, String prenoms, String naissance, List<String> communes, List<String> types,
                  boolean cotitulaire, int enfants, int salaire, Integer revenuFiscal, String dalo, List<String> categories,
                  boolean handicap, List<String> motifs, String confirmation) {

        static Menage de(String nom, String prenoms, String naissance) {
            return new Menage(nom, prenoms, naissance, List.of("38185"), List.of("T2", "T3"), false, 0, 1500, 18000, null,
                    List.of(), false, List.of("01"), null);
        }

        Menage communes(String... c) {
            return new Menage(nom, prenoms, naissance, List.of(c), types, cotitulaire, enfants, salaire, revenuFiscal, dalo,
                    categories, handicap, motifs, confirmation);
        }

        Menage types(String... t) {
            return new Menage(nom, prenoms, naissance, communes, List.of(t), cotitulaire, enfants, salaire, revenuFiscal, dalo,
                    categories, handicap, motifs, confirmation);
        }

        Menage famille(boolean avecCotitulaire, int nombreEnfants) {
            return new Menage(nom, prenoms, naissance, communes, types, avecCotitulaire, nombreEnfants, salaire, revenuFiscal,
                    dalo, categories, handicap, motifs, confirmation);
        }

        Menage ressources(int salaireMensuel, Integer rfr) {
            return new Menage(nom, prenoms, naissance, communes, types, cotitulaire, enfants, salaireMensuel, rfr, dalo,
                    categories, handicap, motifs, confirmation);
        }

        Menage priorite(String statutDalo, String... c) {
            return new Menage(nom, prenoms, naissance, communes, types, cotitulaire, enfants, salaire, revenuFiscal, statutDalo,
                    List.of(c), handicap, motifs, confirmation);
        }

        Menage avecHandicap() {
            return new Menage(nom, prenoms, naissance, communes, types, cotitulaire, enfants, salaire, revenuFiscal, dalo,
                    categories, true, motifs, confirmation);
        }

        Menage pasUnDoublon(String raison) {
            return new Menage(nom, prenoms, naissance, communes, types, cotitulaire, enfants, salaire, revenuFiscal, dalo,
                    categories, handicap, motifs, raison);
        }

        String json() {
            List<String> parties = new ArrayList<>();
            parties.add("""
                    "demandeur": {"civilite": "2", "nomNaissance": "%s", "nomUsage": null, "prenoms": "%s",
                      "dateNaissance": "%s", "nationalite": "1", "situationFamiliale": "%s",
                      "mel": "demandeur@example.org", "telPortable": "0606060606",
                      "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38000", "communeInsee": "38185"},
                      "situationProfessionnelle": {"profession": "Aide-soignante", "typeContratTravail": "CDI",
                        "nomEmployeur": "CHU Grenoble Alpes"},
                      "revenuFiscal": %s,
                      "ressourcesRecues": [{"code": "SAL", "montant": %d}]}"""
                    .formatted(nom, prenoms, naissance, cotitulaire ? "M" : "C",
                            revenuFiscal == null ? "null"
                                    : "{\"anneeMoins2\": %d, \"montantMoins2\": %d}".formatted(java.time.Year.now().getValue() - 2, revenuFiscal),
                            salaire));
            if (cotitulaire) {
                parties.add("""
                        "cotitulaires": [{"civilite": "1", "nomNaissance": "Conjoint", "prenoms": "Marc", "dateNaissance": "1980-03-03",
                          "nationalite": "1", "lienDemandeur": "M", "ressourcesRecues": [{"code": "CHO", "montant": 400}]}]""");
            }
            if (enfants > 0) {
                parties.add("\"personnesACharge\": [" + java.util.stream.IntStream.range(0, enfants)
                        .mapToObj(i -> "{\"nomNaissance\": \"Enfant\", \"prenoms\": \"Petit%s\", \"dateNaissance\": \"201%d-05-05\", \"sexe\": \"F\", \"lienParente\": \"E\"}"
                                .formatted((char) ('A' + i), i))
                        .collect(Collectors.joining(", ")) + "]");
            }
            parties.add("""
                    "logementActuel": {"modelesLogement": ["LP"], "montantMensuelLoyer": 720, "nombreHabitants": %d,
                      "categorieLogement": "A", "typeLogement": "T2", "surface": 38, "nomBailleur": "Agence du Centre"}"""
                    .formatted(1 + (cotitulaire ? 1 : 0) + enfants));
            parties.add("\"motifs\": [" + motifs.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(", ")) + "]");
            parties.add("""
                    "logementRecherche": {"typesLogement": [%s], "communesSouhaitees": [%s], "categorie": "A",
                      "etageMaximum": 3, "ascenseurIndispensable": false, "loyerMaximum": 650}"""
                    .formatted(types.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ")),
                            communes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))));
            if (handicap) {
                parties.add("""
                        "handicap": {"nombrePersonnes": 1, "etat": "STA", "capaciteMarche": "2", "naturesMoteur": ["MI"],
                          "aidesTechniques": ["4"], "equipements": ["3", "4"]}""");
            }
            if (dalo != null || !categories.isEmpty()) {
                parties.add("\"priorite\": {\"statutDalo\": %s, \"dateDecisionDalo\": %s, \"categories\": [%s]}".formatted(
                        dalo == null ? "null" : "\"" + dalo + "\"",
                        "ACTIF".equals(dalo) || "ACTREL".equals(dalo) ? "\"2025-01-15\"" : "null",
                        categories.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))));
            }
            if (confirmation != null) {
                parties.add("\"confirmationNonDoublon\": \"" + confirmation + "\"");
            }
            return "{" + String.join(",\n", parties) + "}";
        }
    }

    /** Registers the application as the API client (e.g. {@code editeur-actis}); returns its number. */
    String creer(String client, Menage menage) {
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + jeton(client))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(menage.json())).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    /** GET on the API as a client. */
    HttpResponse<String> get(String client, String path) {
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + jeton(client))
                .header("Accept", "application/json").GET().build());
    }

    static String jeton(String client) {
        return SharedTestServices.get().oidcProvider().jetonClient(client, 600);
    }

    /** Runs SQL as the owner role (bypasses RLS): to set up what the API cannot do yet (radiation, renewal, seniority). */
    static void sql(String sql, Object... params) {
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from the owner's view of the database (e.g. a count of audit rows). */
    static long nombre(String sql, Object... params) {
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
