package fr.sne.core.piece;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceptionTest {

    @Test
    void theFileIsSpooledWithItsSha256() throws Exception {
        byte[] octets = new byte[200_000];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) (i * 31);
        }
        Reception.Recu recu = Reception.recevoir(new ByteArrayInputStream(octets), 1_000_000);
        try {
            assertEquals(octets.length, recu.taille());
            assertArrayEquals(octets, Files.readAllBytes(recu.chemin()));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets)), recu.sha256());
        } finally {
            Files.deleteIfExists(recu.chemin());
        }
    }

    @Test
    void readingStopsPastTheLimitAndNothingIsLeftBehind() {
        AtomicLong lus = new AtomicLong();
        // an endless upload: only the limit (and one buffer) is ever read
        InputStream sansFin = new InputStream() {
            @Override
            public int read() {
                lus.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                lus.addAndGet(len);
                return len;
            }
        };
        assertThrows(Reception.TropVolumineux.class, () -> Reception.recevoir(sansFin, 1_000_000));
        assertTrue(lus.get() < 1_000_000 + 128 * 1024, "read " + lus.get());
    }
}
