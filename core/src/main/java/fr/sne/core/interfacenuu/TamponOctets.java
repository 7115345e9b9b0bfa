package fr.sne.core.interfacenuu;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer without locks. The JDK's XML writer encodes UTF-8 one byte per
 * {@code write(int)}; on a {@link java.io.ByteArrayOutputStream}, whose methods are synchronised,
 * that made writing an application's interfaceNuu document about five times slower (issue #11:
 * 80 % of a bulk export's CPU).
 */
final class TamponOctets extends OutputStream {

    private byte[] octets;
    private int taille;

    TamponOctets(int capacite) {
        octets = new byte[capacite];
    }

    @Override
    public void write(int b) {
        if (taille == octets.length) {
            octets = Arrays.copyOf(octets, taille * 2);
        }
        octets[taille++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int debut, int longueur) {
        if (taille + longueur > octets.length) {
            octets = Arrays.copyOf(octets, Math.max(taille + longueur, taille * 2));
        }
        System.arraycopy(b, debut, octets, taille, longueur);
        taille += longueur;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(octets, taille);
    }
}
