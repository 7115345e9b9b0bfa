package fr.sne.bench.scenario.enregistrement;

import fr.sne.bench.generateur.Generateur;
import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.ClientApi;
import fr.sne.bench.mesure.Latences;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 1: registrations through {@code POST /api/v1.0/demandes} by 16 concurrent clients
 * (the bench territory's API clients, an Idempotency-Key each, generated CERFA contents), in
 * applications/s and p50/p99 — against plain JDBC inserts of the very rows the product wrote:
 * by batches of 500 (throughput) and one transaction per application on 16 threads (latency).
 */
public final class Enregistrement implements Scenario {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\"\\s*:\\s*\"([0-9A-Z]{18})\"");
    private static final int PAR_LOT = 500;

    @Override
    public String numero() {
        return "1";
    }

    @Override
    public String titre() {
        return "Enregistrement par l'API";
    }

    /** What a round of registrations did. */
    private record Tour(List<String> numeros, Latences latences, double secondes, int doublons) {
        double parSeconde() {
            return numeros.size() / secondes;
        }
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        int n = banc.echelle().enregistrements();
        int chauffe = Math.max(64, n / 10);
        List<String> contenus;
        try (Connection c = banc.bd().proprietaire()) {
            contenus = Generateur.contenus(c, banc.territoire(), 1_011L, chauffe + n, LocalDate.now(ZoneId.of("Europe/Paris")));
        }
        List<ClientApi> clients = banc.clients().stream().map(id -> new ClientApi(banc.base(), banc.jetons(), id)).toList();
        enregistrer(contenus.subList(0, chauffe), clients, banc.echelle().clients());
        Tour produit = enregistrer(contenus.subList(chauffe, chauffe + n), clients, banc.echelle().clients());
        banc.log("1. Produit : %d demandes en %.1f s (%.0f/s), %s, %d doublon(s) confirmé(s)", produit.numeros().size(),
                produit.secondes(), produit.parSeconde(), produit.latences().resume(), produit.doublons());

        LignesEnregistrees lignes = LignesEnregistrees.lire(banc.bd(), banc.territoire(), produit.numeros());
        double secondesLots = lignes.parLots(PAR_LOT);
        double parLots = produit.numeros().size() / secondesLots;
        lignes.vider();
        Latences unitaires = new Latences(produit.numeros().size());
        double secondesUnitaire = lignes.unitaire(banc.echelle().clients(), unitaires);
        double parUnitaire = produit.numeros().size() / secondesUnitaire;
        lignes.supprimer();
        banc.log("1. Référence : %d lignes ; par lots de %d : %.0f demandes/s ; une transaction par demande, %d fils : %.0f/s, %s",
                lignes.lignes(), PAR_LOT, parLots, banc.echelle().clients(), parUnitaire, unitaires.resume());

        String s = "1";
        String lots = "JDBC par lots de " + PAR_LOT + " (mêmes lignes, copies vides des tables)";
        String unit = "JDBC, une transaction par demande, " + banc.echelle().clients() + " fils (mêmes lignes)";
        return List.of(
                Mesure.de(s, "Débit, " + banc.echelle().clients() + " clients", "demandes/s", produit.parSeconde(), parLots, lots,
                        Mesure.Objectif.auMoins(1_000, "≥ 1 000/s")),
                Mesure.de(s, "Débit, " + banc.echelle().clients() + " clients (réf. transactions unitaires)", "demandes/s",
                        produit.parSeconde(), parUnitaire, unit, null),
                Mesure.de(s, "Latence p50", "ms", produit.latences().centileMs(50), unitaires.centileMs(50), unit, null),
                Mesure.de(s, "Latence p99", "ms", produit.latences().centileMs(99), unitaires.centileMs(99), unit,
                        Mesure.Objectif.auPlus(50, "p99 < 50 ms")));
    }

    private static Tour enregistrer(List<String> contenus, List<ClientApi> clients, int fils) throws InterruptedException {
        AtomicInteger suivant = new AtomicInteger();
        AtomicInteger doublons = new AtomicInteger();
        List<String> numeros = Collections.synchronizedList(new ArrayList<>(contenus.size()));
        List<Throwable> erreurs = Collections.synchronizedList(new ArrayList<>());
        Latences latences = new Latences(contenus.size());
        List<Thread> threads = new ArrayList<>();
        long debut = System.nanoTime();
        for (int f = 0; f < fils; f++) {
            ClientApi client = clients.get(f % clients.size());
            threads.add(Thread.ofPlatform().name("banc-post-" + f).start(() -> {
                try {
                    int i;
                    while ((i = suivant.getAndIncrement()) < contenus.size() && erreurs.isEmpty()) {
                        String corps = contenus.get(i);
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = client.postJson("/api/v1.0/demandes", corps, UUID.randomUUID().toString());
                        if (r.statusCode() == 409) {
                            // a generated namesake: confirmed as a vendor would after checking
                            doublons.incrementAndGet();
                            r = client.postJson("/api/v1.0/demandes",
                                    "{\"confirmationNonDoublon\": \"Homonyme vérifié (banc)\", " + corps.substring(1),
                                    UUID.randomUUID().toString());
                        }
                        long duree = System.nanoTime() - t0;
                        String reponse = new String(ClientApi.attendre(r, 201).body(), StandardCharsets.UTF_8);
                        Matcher m = NUMERO.matcher(reponse);
                        if (!m.find()) {
                            throw new IllegalStateException("Réponse sans numéro : " + reponse);
                        }
                        numeros.add(m.group(1));
                        latences.ajouter(duree);
                    }
                } catch (Throwable e) {
                    erreurs.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secondes = (System.nanoTime() - debut) / 1e9;
        if (!erreurs.isEmpty()) {
            throw new IllegalStateException("Enregistrement refusé : " + erreurs.getFirst().getMessage(), erreurs.getFirst());
        }
        return new Tour(List.copyOf(numeros), latences, secondes, doublons.get());
    }
}
