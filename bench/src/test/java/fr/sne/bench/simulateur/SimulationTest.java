package fr.sne.bench.simulateur;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor-sync simulation at small scale, against the whole product on its embedded
 * services: export + GDM converge, nothing missed, nothing duplicated.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aVendorsCopyFromAnExportAndOverlappingGdmWindowsEndsIdenticalToTheServer() throws InterruptedException {
        URI jetons = URI.create(SharedTestServices.get().oidcProvider().issuer() + "/token");
        Simulation.Resultat r = Simulation.executer(new Simulation.Parametres(URI.create("http://localhost:" + server.getPort()),
                jetons, "editeur-actis", List.of("editeur-stegreve"), "038", "38185", Duration.ofSeconds(10),
                Duration.ofMillis(700), 2, Duration.ofMinutes(10)));
        System.out.println("Simulation : " + r.ecritures() + " écriture(s) ; " + r.bilan());
        assertTrue(r.ecritures() > 20, "the others wrote meanwhile: " + r.ecritures());
        assertTrue(r.bilan().demandesFinales() > r.bilan().demandesInitiales(), "applications created after the export: " + r.bilan());
        assertTrue(r.bilan().fenetres() >= 3, r.bilan().toString());
        assertTrue(r.bilan().mouvementsDistincts() > 0, r.bilan().toString());
        assertEquals("aucun", r.bilan().ecarts().aucun() ? "aucun" : r.bilan().ecarts().toString());
    }
}
