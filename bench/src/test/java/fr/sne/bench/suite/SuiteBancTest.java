package fr.sne.bench.suite;

import fr.sne.bench.mesure.BaseDeDonnees;
import fr.sne.bench.mesure.Echelle;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Rapport;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark suite against the whole product on its embedded services. In the build it runs
 * at the {@code mini} scale (a smoke run: every scenario works and the report is written); the
 * measured runs choose a scale: {@code -Dbanc.echelle=reduite} or {@code complete}, and
 * optionally scenarios: {@code -Dbanc.scenarios=1,3} and sizes ({@code -Dbanc.enregistrements=6000}, see
 * {@link Echelle#ajustee}). Asserts that everything ran, never a speed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteBancTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext application;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(SharedServicesTest.super.getProperties());
        // the suite runs the export job itself; no background job competes with a measure
        p.put("sne.jobs.enabled", "false");
        // one node's protection against a runaway client, not what is measured here
        p.put("sne.api.limite-par-minute", "100000000");
        return p;
    }

    @Test
    void runsEveryScenarioAgainstItsBaselineAndWritesTheReport() throws Exception {
        Echelle echelle = Echelle.de(System.getProperty("banc.echelle", "mini")).ajustee(System::getProperty);
        Set<String> retenus = Arrays.stream(System.getProperty("banc.scenarios", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!retenus.isEmpty() && !echelle.nom().endsWith("-ajustee")) {
            echelle = echelle.nommee(echelle.nom() + "-partielle");
        }
        Map<String, Object> p = SharedTestServices.properties();
        BaseDeDonnees bd = new BaseDeDonnees((String) p.get("flyway.datasources.owner.url"), (String) p.get("flyway.datasources.owner.user"),
                (String) p.get("flyway.datasources.owner.password"), (String) p.get("datasources.default.username"),
                (String) p.get("datasources.default.password"));
        Path resultats = Path.of(System.getProperty("sne.build.directory", "target"), "banc");
        Rapport rapport = Suite.executer(new Suite.Parametres(echelle, URI.create("http://localhost:" + server.getPort()),
                URI.create(SharedTestServices.get().oidcProvider().issuer() + "/token"), application, bd, resultats,
                Path.of("../documents/src/test/resources/echantillons"), retenus, Boolean.getBoolean("banc.profil"), System.out));

        for (Rapport.Passage passage : rapport.passages()) {
            assertNull(passage.erreur(), "scénario " + passage.numero() + " : " + passage.erreur());
            assertTrue(!passage.mesures().isEmpty(), "scénario " + passage.numero() + " sans mesure");
            for (Mesure m : passage.mesures()) {
                assertTrue(m.produit() > 0, m.toString());
                assertTrue(m.valeurReference() != null || passage.numero().equals("0") || passage.numero().equals("6"), m.toString());
            }
        }
        if (retenus.isEmpty()) {
            assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8"),
                    rapport.passages().stream().map(Rapport.Passage::numero).collect(Collectors.toSet()));
        }
        assertTrue(Files.readString(resultats.resolve("dernier-" + echelle.nom() + ".md")).contains("| ratio |"));
        assertTrue(Files.readString(resultats.resolve("dernier-" + echelle.nom() + ".csv")).startsWith("date,echelle,coeurs"));
    }
}
