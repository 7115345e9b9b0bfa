package fr.sne.core.recherche;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe between a producer thread (the export reading its database cursor) and the HTTP
 * response reading an {@link InputStream}: at most {@code CAPACITE} chunks of {@code MORCEAU}
 * bytes wait in memory, so the producer runs at the client's pace. Unlike the JDK's piped
 * streams it does not care which (virtual) threads read or write. A failure of the producer
 * reaches the reader as an {@link IOException}; a reader that closes makes the next write fail.
 */
final class Tuyau {

    static final int MORCEAU = 64 * 1024;
    private static final int CAPACITE = 8;
    private static final long ATTENTE_SECONDES = 120;
    private static final byte[] FIN = new byte[0];

    private final BlockingQueue<byte[]> morceaux = new ArrayBlockingQueue<>(CAPACITE + 1);
    private volatile boolean abandonne;
    private volatile IOException echec;

    private final OutputStream sortie = new OutputStream() {
        private byte[] tampon = new byte[MORCEAU];
        private int rempli;
        private boolean fermee;

        @Override
        public void write(int b) throws IOException {
            if (rempli == tampon.length) {
                pousser();
            }
            tampon[rempli++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (rempli == tampon.length) {
                    pousser();
                }
                int n = Math.min(len, tampon.length - rempli);
                System.arraycopy(b, off, tampon, rempli, n);
                rempli += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (rempli > 0) {
                pousser();
            }
        }

        @Override
        public void close() throws IOException {
            if (!fermee) {
                flush();
                fermee = true;
                deposer(FIN);
            }
        }

        private void pousser() throws IOException {
            byte[] morceau = java.util.Arrays.copyOf(tampon, rempli);
            rempli = 0;
            deposer(morceau);
        }
    };

    private final InputStream entree = new InputStream() {
        private byte[] courant = new byte[0];
        private int lu;
        private boolean fini;

        @Override
        public int read() throws IOException {
            byte[] un = new byte[1];
            int n = read(un, 0, 1);
            return n < 0 ? -1 : un[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (lu == courant.length) {
                if (fini) {
                    return -1;
                }
                byte[] suivant;
                try {
                    suivant = morceaux.poll(ATTENTE_SECONDES, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Export interrompu", e);
                }
                if (suivant == null) {
                    throw new IOException("Export interrompu : plus rien n'arrive de la base");
                }
                if (suivant == FIN) {
                    fini = true;
                    if (echec != null) {
                        throw echec;
                    }
                    return -1;
                }
                courant = suivant;
                lu = 0;
            }
            int n = Math.min(len, courant.length - lu);
            System.arraycopy(courant, lu, b, off, n);
            lu += n;
            return n;
        }

        @Override
        public void close() {
            abandonne = true;
            morceaux.clear();
            // wakes a read() still waiting on another thread; the producer sees `abandonne` at its next write
            morceaux.offer(FIN);
        }
    };

    /** Where the producer writes; closing it ends the stream. */
    OutputStream sortie() {
        return sortie;
    }

    /** What the response reads. */
    InputStream entree() {
        return entree;
    }

    /** Ends the stream with a failure the reader will see (the response is then cut short). */
    void echouer(Exception cause) {
        echec = cause instanceof IOException io ? io : new IOException("Export interrompu", cause);
        morceaux.clear();
        morceaux.offer(FIN);
    }

    private void deposer(byte[] morceau) throws IOException {
        if (abandonne) {
            throw new IOException("Le destinataire de l'export s'est déconnecté");
        }
        try {
            if (!morceaux.offer(morceau, ATTENTE_SECONDES, TimeUnit.SECONDS)) {
                throw new IOException("Le destinataire de l'export ne lit plus");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Export interrompu", e);
        }
        // after the end mark the reader may close at once: that is no failure
        if (abandonne && morceau != FIN) {
            morceaux.clear();
            throw new IOException("Le destinataire de l'export s'est déconnecté");
        }
    }
}
