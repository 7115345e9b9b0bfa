package fr.sne.bench.scenario.pages;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.Latences;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 7: public pages under a constant arrival rate (an open model: request i leaves at
 * start + i / rate whatever the answers before it, and its latency counts from that planned
 * instant, so a slow server is not hidden by a waiting client) — throughput and p99 — against a
 * static file of the same server under the same load.
 */
public final class PagesPubliques implements Scenario {

    private static final List<String> PAGES = List.of("/", "/info", "/info/developpeurs");
    private static final String STATIQUE = "/static/css/sne.css";

    @Override
    public String numero() {
        return "7";
    }

    @Override
    public String titre() {
        return "Pages publiques sous charge constante";
    }

    /** A constant-rate run: answers per second, latencies from the planned instants, failures. */
    record Charge(double parSeconde, Latences latences, int echecs, long octets) {
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        int debit = banc.echelle().requetesParSeconde();
        int secondes = banc.echelle().secondesPages();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI statique = banc.base().resolve(STATIQUE);
        List<Mesure> mesures = new ArrayList<>();
        for (String page : PAGES) {
            // the baseline just before each page: on a shared machine, neighbours in time see the same load
            charger(http, statique, debit, Math.max(1, secondes / 5));
            Charge reference = charger(http, statique, debit, secondes);
            URI uri = banc.base().resolve(page);
            charger(http, uri, debit, Math.max(1, secondes / 5));
            Charge c = charger(http, uri, debit, secondes);
            banc.log("7. %s : %.0f/s, %s, %d échec(s), %d octets ; fichier statique : %.0f/s, %s", page, c.parSeconde(),
                    c.latences().resume(), c.echecs(), c.octets(), reference.parSeconde(), reference.latences().resume());
            if (c.echecs() > 0 || reference.echecs() > 0) {
                throw new IllegalStateException(page + " : " + c.echecs() + " réponse(s) en échec sous charge, fichier statique : "
                        + reference.echecs());
            }
            String ref = "fichier statique " + STATIQUE + " (" + reference.octets() / 1024 + " Ko), même serveur, même charge, juste avant";
            mesures.add(Mesure.de("7", page + " (" + c.octets() / 1024 + " Ko) : débit servi à " + debit + " req/s", "req/s",
                    c.parSeconde(), reference.parSeconde(), ref, Mesure.Objectif.auMoins(debit * 0.98, "tient " + debit + " req/s")));
            mesures.add(Mesure.de("7", page + " : latence p99 à " + debit + " req/s", "ms", c.latences().centileMs(99),
                    reference.latences().centileMs(99), ref, Mesure.Objectif.auPlus(50, "p99 < 50 ms")));
        }
        return mesures;
    }

    static Charge charger(HttpClient http, URI uri, int parSeconde, int secondes) throws Exception {
        HttpRequest requete = HttpRequest.newBuilder(uri).header("Accept", "text/html,*/*;q=0.8").timeout(Duration.ofSeconds(30)).GET().build();
        long octets = http.send(requete, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        int total = parSeconde * secondes;
        long periode = 1_000_000_000L / parSeconde;
        Latences latences = new Latences(total);
        AtomicInteger echecs = new AtomicInteger();
        CountDownLatch fini = new CountDownLatch(total);
        long[] derniere = new long[1];
        long depart = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < total; i++) {
            long prevu = depart + i * periode;
            long attente;
            while ((attente = prevu - System.nanoTime()) > 0) {
                LockSupport.parkNanos(attente);
            }
            http.sendAsync(requete, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long fin = System.nanoTime();
                latences.ajouter(fin - prevu);
                if (e != null || r.statusCode() != 200) {
                    echecs.incrementAndGet();
                }
                synchronized (derniere) {
                    derniere[0] = Math.max(derniere[0], fin);
                }
                fini.countDown();
            });
        }
        if (!fini.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(uri + " : des réponses manquent après 120 s");
        }
        double duree;
        synchronized (derniere) {
            duree = (derniere[0] - depart) / 1e9;
        }
        return new Charge((total - echecs.get()) / duree, latences, echecs.get(), octets);
    }
}
