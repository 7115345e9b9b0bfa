package fr.sne.bench.pertinence;

import fr.sne.community.recherche.Reglages;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The relevance and latency harness of the search engine (issue #8): known-item queries built
 * from the legal corpus, answered by the product's engine and by PostgreSQL full-text search on
 * the same corpus; MRR@10 and recall@10 (the share of queries whose article is in the first ten),
 * overall and per kind of query, and the latency of each query (p50/p99, after a warm-up pass; wall clock, and for the
 * in-process engine the calling thread's CPU time, which a busy shared machine disturbs less).
 * <p>
 * From a test ({@code PertinenceTest}) or by hand against any PostgreSQL where the owner may
 * create a schema: {@code java -cp … fr.sne.bench.pertinence.Pertinence <jdbc url> <user> <password> [queries] [seed]}.
 */
public final class Pertinence {

    private static final int RANG_MAX = 10;

    /** One system's figures. */
    public record Mesure(String systeme, int requetes, double mrr, double rappel, double p50Ms, double p99Ms, double maxMs,
                         double cpuP50Ms, double cpuP99Ms, Map<RequeteConnue.Genre, double[]> parGenre) {
    }

    private Pertinence() {
    }

    public static Mesure mesurer(Systeme systeme, List<RequeteConnue> requetes) {
        // warm-up: JIT, caches, the index's pages
        for (RequeteConnue r : requetes) {
            systeme.chercher(r.texte());
        }
        double[] rr = new double[requetes.size()];
        long[] durees = new long[requetes.size()];
        long[] cpu = new long[requetes.size()];
        ThreadMXBean fil = ManagementFactory.getThreadMXBean();
        Map<RequeteConnue.Genre, double[]> parGenre = new EnumMap<>(RequeteConnue.Genre.class);
        for (int i = 0; i < requetes.size(); i++) {
            RequeteConnue r = requetes.get(i);
            long debutCpu = fil.getCurrentThreadCpuTime();
            long debut = System.nanoTime();
            List<String> ids = systeme.chercher(r.texte());
            durees[i] = System.nanoTime() - debut;
            cpu[i] = fil.getCurrentThreadCpuTime() - debutCpu;
            int rang = 0;
            for (int k = 0; k < Math.min(RANG_MAX, ids.size()); k++) {
                if (r.pertinents().contains(ids.get(k))) {
                    rang = k + 1;
                    break;
                }
            }
            rr[i] = rang == 0 ? 0 : 1.0 / rang;
            double[] g = parGenre.computeIfAbsent(r.genre(), k -> new double[3]);
            g[0] += rr[i];
            g[1] += rang == 0 ? 0 : 1;
            g[2]++;
        }
        parGenre.values().forEach(g -> {
            g[0] /= g[2];
            g[1] /= g[2];
        });
        long[] tries = durees.clone();
        Arrays.sort(tries);
        Arrays.sort(cpu);
        return new Mesure(systeme.nom(), requetes.size(), Arrays.stream(rr).average().orElse(0),
                Arrays.stream(rr).filter(x -> x > 0).count() / (double) requetes.size(),
                ms(centile(tries, 50)), ms(centile(tries, 99)), ms(tries[tries.length - 1]),
                ms(centile(cpu, 50)), ms(centile(cpu, 99)), parGenre);
    }

    /** Prints a table of the figures and the product/baseline ratios (baseline: the best PostgreSQL line). */
    public static void imprimer(List<Mesure> mesures, PrintStream out) {
        out.println();
        out.printf("%-34s %8s %8s %9s %9s %9s %13s %13s%n", "système", "MRR@10", "rappel@10", "p50 (ms)", "p99 (ms)", "max (ms)",
                "CPU p50 (ms)", "CPU p99 (ms)");
        for (Mesure m : mesures) {
            out.printf("%-34s %8.3f %8.3f %9.2f %9.2f %9.2f %13.2f %13.2f%n", m.systeme(), m.mrr(), m.rappel(), m.p50Ms(), m.p99Ms(),
                    m.maxMs(), m.cpuP50Ms(), m.cpuP99Ms());
        }
        out.println("(CPU : temps processeur du fil appelant ; pour PostgreSQL le travail est fait par le serveur, hors de ce fil.)");
        out.println();
        out.printf("%-34s", "MRR@10 par genre de requête");
        for (RequeteConnue.Genre g : RequeteConnue.Genre.values()) {
            out.printf(" %13s", g.name().toLowerCase());
        }
        out.println();
        for (Mesure m : mesures) {
            out.printf("%-34s", m.systeme());
            for (RequeteConnue.Genre g : RequeteConnue.Genre.values()) {
                double[] v = m.parGenre().get(g);
                out.printf(" %6.3f (%3.0f%%)", v == null ? 0 : v[0], v == null ? 0 : v[1] * 100);
            }
            out.println();
        }
        Mesure produit = mesures.getFirst();
        Mesure reference = mesures.stream().filter(m -> m.systeme().startsWith("PostgreSQL"))
                .max((a, b) -> Double.compare(a.mrr(), b.mrr())).orElse(produit);
        out.printf("%nProduit %s : MRR@10 %.3f, rappel@10 %.3f, p99 %.2f ms ; référence %s : MRR@10 %.3f, rappel@10 %.3f, p99 %.2f ms ;"
                        + " rapport MRR %.2f, rapport p99 %.2f%n",
                produit.systeme(), produit.mrr(), produit.rappel(), produit.p99Ms(), reference.systeme(), reference.mrr(),
                reference.rappel(), reference.p99Ms(), produit.mrr() / reference.mrr(), produit.p99Ms() / reference.p99Ms());
    }

    /** Builds both sides on {@code connexion} (owner: creates a schema) and measures them. */
    public static List<Mesure> executer(Connection connexion, int nombre, long graine, PrintStream out) throws Exception {
        List<Article> articles = Corpus.lire();
        List<RequeteConnue> requetes = new GenerateurRequetes(articles).generer(graine, nombre);
        out.printf("Corpus : %d articles ; %d requêtes connues (graine %d), par exemple :%n", articles.size(), requetes.size(), graine);
        requetes.stream().limit(RequeteConnue.Genre.values().length).forEach(r -> out.printf("  %-13s %s%n", r.genre(), r.texte()));
        List<Mesure> mesures = new ArrayList<>();
        try (MoteurLucene lucene = new MoteurLucene(articles, Reglages.parDefaut(), "Moteur SNE (Lucene)")) {
            out.printf("Index Lucene : %d articles en %d ms%n", lucene.bilan().documents(), lucene.bilan().millisecondes());
            mesures.add(mesurer(lucene, requetes));
            mesures.add(mesurer(lucene.idsSeuls("Moteur SNE, 10 identifiants seuls"), requetes));
        }
        out.printf("PostgreSQL : table, tsvector et index GIN en %d ms%n", PostgresFts.charger(connexion, articles));
        for (PostgresFts.Mode mode : PostgresFts.Mode.values()) {
            mesures.add(mesurer(new PostgresFts(connexion, mode), requetes));
        }
        imprimer(mesures, out);
        return mesures;
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        long graine = args.length > 4 ? Long.parseLong(args[4]) : 8;
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            executer(c, nombre, graine, System.out);
        }
    }

    private static long centile(long[] tries, int p) {
        int i = (int) Math.ceil(p / 100.0 * tries.length) - 1;
        return tries[Math.clamp(i, 0, tries.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
