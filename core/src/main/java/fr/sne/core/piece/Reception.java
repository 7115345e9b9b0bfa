package fr.sne.core.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Spools an upload to a temporary file while computing its SHA-256, a buffer at a time (never the
 * whole file in memory), and stops reading as soon as the limit is passed.
 */
final class Reception {

    /** The spooled file (the caller deletes it), its SHA-256 in lowercase hex and its size. */
    record Recu(Path chemin, String sha256, long taille) {
    }

    /** More bytes than the limit: the rest was not read. */
    static final class TropVolumineux extends Exception {
        TropVolumineux() {
            super(null, null, false, false);
        }
    }

    private Reception() {
    }

    static Recu recevoir(InputStream source, long tailleMax) throws IOException, TropVolumineux {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path fichier = Files.createTempFile("sne-piece-", ".tmp");
        boolean garde = false;
        try (DigestInputStream in = new DigestInputStream(source, sha); OutputStream out = Files.newOutputStream(fichier)) {
            byte[] tampon = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(tampon)) != -1) {
                total += n;
                if (total > tailleMax) {
                    throw new TropVolumineux();
                }
                out.write(tampon, 0, n);
            }
            garde = true;
            return new Recu(fichier, HexFormat.of().formatHex(sha.digest()), total);
        } finally {
            if (!garde) {
                Files.deleteIfExists(fichier);
            }
        }
    }
}
