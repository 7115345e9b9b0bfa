package fr.sne.documents.analyse;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code sne.pieces.*} keys as the application binds them, and the beans they configure. */
class PiecesConfigurationTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        try (ApplicationContext contexte = ApplicationContext.builder().deduceEnvironment(false).start()) {
            PiecesConfiguration configuration = contexte.getBean(PiecesConfiguration.class);
            assertEquals(PiecesConfiguration.parDefaut(), configuration);
            assertFalse(configuration.antivirusActif());
            assertNull(configuration.clamdHost());
            assertInstanceOf(ControleurPiecesTika.class, contexte.getBean(ControleurPieces.class));
        }
    }

    @Test
    void keysAreReadWithReadableSizesAndDurations() {
        try (ApplicationContext contexte = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("sne.pieces.taille-max", "5MB", "sne.pieces.apercu-cote-max", "1600",
                        "sne.pieces.clamd-host", "clamav.interne", "sne.pieces.clamd-port", "3311",
                        "sne.pieces.clamd-timeout", "5s"))
                .start()) {
            PiecesConfiguration configuration = contexte.getBean(PiecesConfiguration.class);
            assertEquals(5L * 1024 * 1024, configuration.tailleMax());
            assertEquals(1600, configuration.apercuCoteMax());
            assertTrue(configuration.antivirusActif());
            assertEquals(3311, configuration.clamdPort());
            assertEquals(Duration.ofSeconds(5), configuration.clamdTimeout());
        }
    }
}
