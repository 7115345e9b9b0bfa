package fr.sne.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A tar archive (POSIX ustar) written as a stream: each entry's header then its content padded to
 * 512 bytes, two empty blocks at the end. Enough for the export's short ASCII names; no
 * dependency for ~60 lines.
 */
final class ArchiveTar implements AutoCloseable {

    private static final int BLOC = 512;

    private final OutputStream out;
    private final long mtime;

    ArchiveTar(OutputStream out, Instant date) {
        this.out = out;
        this.mtime = date.getEpochSecond();
    }

    void ajouter(String nom, byte[] contenu) throws IOException {
        entete(nom, contenu.length);
        out.write(contenu);
        bourrage(contenu.length);
    }

    void ajouter(String nom, Path fichier) throws IOException {
        long taille = Files.size(fichier);
        entete(nom, taille);
        try (InputStream in = Files.newInputStream(fichier)) {
            in.transferTo(out);
        }
        bourrage(taille);
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[BLOC * 2]);
        out.close();
    }

    private void entete(String nom, long taille) throws IOException {
        byte[] n = nom.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 100) {
            throw new IllegalArgumentException("Nom d'entrée trop long : " + nom);
        }
        byte[] h = new byte[BLOC];
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, taille);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        long somme = 0;
        for (byte b : h) {
            somme += b & 0xFF;
        }
        octal(h, 148, 7, somme);
        h[155] = ' ';
        out.write(h);
    }

    private void bourrage(long taille) throws IOException {
        int reste = (int) (taille % BLOC);
        if (reste != 0) {
            out.write(new byte[BLOC - reste]);
        }
    }

    /** A zero-padded octal number ending with NUL in {@code longueur} bytes. */
    private static void octal(byte[] h, int debut, int longueur, long valeur) {
        String s = Long.toOctalString(valeur);
        String padded = "0".repeat(Math.max(0, longueur - 1 - s.length())) + s;
        byte[] b = padded.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, debut, longueur - 1);
        h[debut + longueur - 1] = 0;
    }
}
