package fr.sne.bench.simulateur;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The vendor-sync simulation: the vendor initialises from an export and polls GDM while other
 * desks' systems write concurrently; once they stop, two more polls, then the copy is compared
 * with a fresh export. Run from a test at small scale, or by hand at large scale:
 * {@code java -cp … fr.sne.bench.simulateur.Simulation http://localhost:8080 http://localhost:8081/sne/token 038 38185 60 8}.
 */
public final class Simulation {

    /**
     * @param vendeur  the vendor's API client (its copy); {@code autres} the clients writing meanwhile
     * @param duree    how long the others write; {@code periode} between two polls
     */
    public record Parametres(URI base, URI jetons, String vendeur, List<String> autres, String departement, String commune,
                             Duration duree, Duration periode, int ecrivainsParClient, Duration recouvrement) {
    }

    /** The outcome and how many writes the others made. */
    public record Resultat(SimulateurEditeur.Bilan bilan, long ecritures) {
    }

    private Simulation() {
    }

    public static Resultat executer(Parametres p) throws InterruptedException {
        Instant debut = Instant.now();
        SimulateurEditeur editeur = new SimulateurEditeur(p.base(), p.jetons(), p.vendeur(), p.departement(), p.recouvrement());
        AtomicBoolean enCours = new AtomicBoolean(true);
        AtomicLong ecritures = new AtomicLong();
        List<Thread> ecrivains = new ArrayList<>();
        List<Throwable> erreurs = java.util.Collections.synchronizedList(new ArrayList<>());
        long graine = 20261122;
        for (String client : p.autres()) {
            for (int i = 0; i < p.ecrivainsParClient(); i++) {
                Thread t = Thread.ofPlatform().name("ecrivain-" + client + "-" + i)
                        .uncaughtExceptionHandler((th, e) -> erreurs.add(e))
                        .unstarted(new Activite(p.base(), p.jetons(), client, p.commune(), enCours, graine++, ecritures));
                ecrivains.add(t);
            }
        }
        // the others are already writing while the export is being made
        ecrivains.forEach(Thread::start);
        int initiales = editeur.initialiser();
        Instant fin = Instant.now().plus(p.duree());
        while (Instant.now().isBefore(fin) && erreurs.isEmpty()) {
            SimulateurEditeur.pause(p.periode().toMillis());
            editeur.synchroniser();
        }
        enCours.set(false);
        for (Thread t : ecrivains) {
            t.join();
        }
        if (!erreurs.isEmpty()) {
            throw new IllegalStateException("Un écrivain a échoué", erreurs.getFirst());
        }
        editeur.synchroniser();
        editeur.synchroniser();
        return new Resultat(editeur.bilan(initiales, debut), ecritures.get());
    }

    public static void main(String[] args) throws InterruptedException {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        URI jetons = URI.create(args.length > 1 ? args[1] : "http://localhost:8081/sne/token");
        String departement = args.length > 2 ? args[2] : "038";
        String commune = args.length > 3 ? args[3] : "38185";
        Duration duree = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60);
        int ecrivains = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        Resultat r = executer(new Parametres(base, jetons, "editeur-actis", List.of("editeur-stegreve"), departement, commune,
                duree, Duration.ofSeconds(2), ecrivains, Duration.ofMinutes(10)));
        System.out.println("Écritures acceptées des autres guichets : " + r.ecritures());
        System.out.println(r.bilan());
        if (!r.bilan().identique()) {
            System.exit(1);
        }
    }
}
