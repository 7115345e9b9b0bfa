package fr.sne.core.recherche;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded pipe between an export's producer and the HTTP response, and the spreadsheet writers' cells. */
class TuyauTest {

    @Test
    void everyByteArrivesInOrderThenTheEnd() throws Exception {
        Tuyau tuyau = new Tuyau();
        byte[] donnees = new byte[Tuyau.MORCEAU * 20 + 123];
        for (int i = 0; i < donnees.length; i++) {
            donnees[i] = (byte) (i * 31);
        }
        // more than the pipe holds: the producer must wait for the reader
        CompletableFuture<Void> producteur = CompletableFuture.runAsync(() -> {
            try (OutputStream out = tuyau.sortie()) {
                for (int i = 0; i < donnees.length; i += 1000) {
                    out.write(donnees, i, Math.min(1000, donnees.length - i));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (InputStream in = tuyau.entree()) {
            assertArrayEquals(donnees, in.readAllBytes());
        }
        producteur.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aProducerFailureReachesTheReader() {
        Tuyau tuyau = new Tuyau();
        CompletableFuture.runAsync(() -> {
            try {
                tuyau.sortie().write(new byte[10]);
                tuyau.sortie().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            tuyau.echouer(new IllegalStateException("base indisponible"));
        });
        IOException e = assertThrows(IOException.class, () -> tuyau.entree().readAllBytes());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void aReaderThatGoesAwayStopsTheProducer() throws Exception {
        Tuyau tuyau = new Tuyau();
        CompletableFuture<Long> producteur = CompletableFuture.supplyAsync(() -> {
            long ecrits = 0;
            try (OutputStream out = tuyau.sortie()) {
                while (ecrits < 1_000_000_000L) {
                    out.write(new byte[4096]);
                    ecrits += 4096;
                }
            } catch (IOException e) {
                return -ecrits;
            }
            return ecrits;
        });
        InputStream in = tuyau.entree();
        assertEquals(1000, in.readNBytes(1000).length);
        in.close();
        long resultat = producteur.get(10, TimeUnit.SECONDS);
        assertTrue(resultat < 0, "the producer got an I/O error");
        assertTrue(-resultat < 2L * 1024 * 1024, "it stopped within the pipe's capacity: " + -resultat);
    }

    @Test
    void csvCellsAreQuotedAndFormulasNeutralised() {
        assertEquals("", TableurCsv.cellule(null));
        assertEquals("1300", TableurCsv.cellule(1300));
        assertEquals("-50", TableurCsv.cellule(-50), "negative amounts stay numbers");
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", TableurCsv.cellule("=HYPERLINK(\"x\")"), "a formula is text, quotes doubled");
        assertEquals("'@SOMME(A1)", TableurCsv.cellule("@SOMME(A1)"));
        assertEquals("\"Dupont; Martin\"", TableurCsv.cellule("Dupont; Martin"));
        assertEquals("22/11/2026", TableurCsv.cellule(java.time.LocalDate.of(2026, 11, 22)));
    }

    @Test
    void xlsxColumnsAndText() {
        assertEquals("A", TableurXlsx.colonne(0));
        assertEquals("Z", TableurXlsx.colonne(25));
        assertEquals("AA", TableurXlsx.colonne(26));
        assertEquals("Dupont &amp; fils &lt;b&gt;", TableurXlsx.echapper("Dupont & fils <b>\u0001"));
    }
}
