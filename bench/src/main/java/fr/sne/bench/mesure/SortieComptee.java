package fr.sne.bench.mesure;

import java.io.OutputStream;

/** An output that counts what is written to it and keeps nothing (the baselines' COPY TO STDOUT). */
public final class SortieComptee extends OutputStream {

    private long octets;

    @Override
    public void write(int b) {
        octets++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        octets += len;
    }

    public long octets() {
        return octets;
    }
}
