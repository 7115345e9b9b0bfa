package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;

import static fr.sne.app.FabriqueDemandes.nombre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Object storage down (this context's store is a closed port; the shared S3 of the other tests is
 * left alone): a deposit answers 503 in French and nothing is written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PieceStockageEnPanneTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.storage.endpoint", "http://127.0.0.1:" + portFerme());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private static int portFerme() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDepositAnswers503AndNothingIsWritten() {
        String numero = new FabriqueDemandes(server).creer("editeur-actis",
                FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Panne"), "Lea", "1984-05-05"));
        HttpResponse<String> r = new PiecesFixture(server).deposer("editeur-actis", numero, "avis.pdf", "application/pdf",
                PiecesFixture.pdfUnique("Avis"), "AVIS_IMPOSITION");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("momentanément indisponible"), r.body());
        assertEquals(0, nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero));
        assertEquals(0, nombre("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'PJ'", numero));
        assertEquals(0, nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'PJAJOU'", numero));
        assertEquals(0, nombre("SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND apres->>'numeroUnique' = ?", numero));
    }
}
