package fr.sne.bench.generateur;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Load rate at a larger scale, on demand only:
 * {@code -Dtest=GenerateurMesureTest -Dgenerateur.nombre=300000} (Ille-et-Vilaine, 035).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenerateurMesureTest implements SharedServicesTest {

    @Test
    void loadsTheRequestedNumberOfApplications() throws Exception {
        long nombre = Long.getLong("generateur.nombre", 0);
        assumeTrue(nombre > 0, "mesure à la demande : -Dgenerateur.nombre=300000");
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"))) {
            Generateur.Resultat r = Generateur.generer(c, new Generateur.Parametres(nombre, 35, LocalDate.now(ZoneId.of("Europe/Paris")),
                    List.of("035"), 10_000), System.out);
            System.out.printf("Mesure : %d demandes en %.1f s : %.0f demandes/s (%d radiées, %d événements), heap utilisé %d Mo%n",
                    r.demandes(), r.millisecondes() / 1000.0, r.parSeconde(), r.radiees(), r.evenements(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            assertEquals(nombre, r.demandes());
        }
    }
}
