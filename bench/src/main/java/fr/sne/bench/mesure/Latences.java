package fr.sne.bench.mesure;

import java.util.Arrays;

/** Durations recorded by any number of threads; percentiles in milliseconds. */
public final class Latences {

    private long[] nanos;
    private int taille;

    public Latences(int capacite) {
        this.nanos = new long[Math.max(16, capacite)];
    }

    public synchronized void ajouter(long duree) {
        if (taille == nanos.length) {
            nanos = Arrays.copyOf(nanos, taille * 2);
        }
        nanos[taille++] = duree;
    }

    public synchronized int nombre() {
        return taille;
    }

    /** The p-th percentile (nearest rank) in milliseconds; 0 when empty. */
    public synchronized double centileMs(double p) {
        if (taille == 0) {
            return 0;
        }
        long[] tries = Arrays.copyOf(nanos, taille);
        Arrays.sort(tries);
        int i = (int) Math.ceil(p / 100.0 * taille) - 1;
        return tries[Math.clamp(i, 0, taille - 1)] / 1e6;
    }

    public synchronized double totalMs() {
        long s = 0;
        for (int i = 0; i < taille; i++) {
            s += nanos[i];
        }
        return s / 1e6;
    }

    /** "p50 … ms, p99 … ms, max … ms (n …)". */
    public String resume() {
        return "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n %d)".formatted(centileMs(50), centileMs(99), centileMs(100), nombre());
    }
}
