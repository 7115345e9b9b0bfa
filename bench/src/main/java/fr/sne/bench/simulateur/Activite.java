package fr.sne.bench.simulateur;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other desks' systems working on the same territory while the vendor synchronises: they
 * register, update, renew and radiate applications through the API, concurrently.
 */
final class Activite implements Runnable {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");
    private static final Pattern TELEPHONE = Pattern.compile("\"telPortable\":\"[0-9]*\"");

    private final ApiEditeur api;
    private final String commune;
    private final AtomicBoolean enCours;
    private final SplittableRandom alea;
    private final List<String> actives = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ecritures;

    Activite(URI base, URI jetons, String client, String commune, AtomicBoolean enCours, long graine, AtomicLong ecritures) {
        this.api = new ApiEditeur(base, jetons, client);
        this.commune = commune;
        this.enCours = enCours;
        this.alea = new SplittableRandom(graine);
        this.ecritures = ecritures;
    }

    @Override
    public void run() {
        while (enCours.get()) {
            // a desk's system, not a load test: a few writes a second each
            SimulateurEditeur.pause(alea.nextInt(20, 120));
            int choix = alea.nextInt(10);
            Optional<String> numero = actives.isEmpty() ? Optional.empty()
                    : Optional.of(actives.get(alea.nextInt(actives.size())));
            if (choix < 4 || numero.isEmpty()) {
                creer();
            } else if (choix < 7) {
                modifier(numero.get());
            } else if (choix < 9) {
                compter(api.postJson("/api/v1.0/demandes/" + numero.get() + "/renouvellement", ""));
            } else if (compter(api.postJson("/api/v1.0/demandes/" + numero.get() + "/radiation", "{\"motif\": \"RADABA\"}"))) {
                actives.remove(numero.get());
            }
        }
    }

    private void creer() {
        String corps = """
                {"demandeur": {"civilite": "2", "nomNaissance": "%s", "prenoms": "%s", "dateNaissance": "19%02d-0%d-1%d",
                  "nationalite": "1", "telPortable": "06%08d",
                  "adresse": {"numero": "4", "voie": "place Victor Hugo", "codePostal": "38000", "communeInsee": "%s"}},
                 "logementRecherche": {"typesLogement": ["T2", "T3"], "communesSouhaitees": ["%s"]}}"""
                .formatted(nom(), nom(), 50 + alea.nextInt(50), 1 + alea.nextInt(9), alea.nextInt(10),
                        alea.nextInt(100_000_000), commune, commune);
        HttpResponse<byte[]> r = api.postJson("/api/v1.0/demandes", corps);
        if (compter(r)) {
            Matcher m = NUMERO.matcher(new String(r.body(), StandardCharsets.UTF_8));
            if (m.find()) {
                actives.add(m.group(1));
            }
        }
    }

    private void modifier(String numero) {
        HttpResponse<byte[]> lu = api.brut(api.requete("/api/v1.0/demandes/" + numero).header("Accept", "application/json").GET().build());
        if (lu.statusCode() != 200) {
            return;
        }
        String corps = TELEPHONE.matcher(new String(lu.body(), StandardCharsets.UTF_8))
                .replaceFirst("\"telPortable\":\"07%08d\"".formatted(alea.nextInt(100_000_000)));
        compter(api.putJson("/api/v1.0/demandes/" + numero, corps, lu.headers().firstValue("ETag").orElse("")));
    }

    /** A write that the server accepted; refusals (a concurrent writer's 412, a radiated application's 409) are normal here. */
    private boolean compter(HttpResponse<byte[]> r) {
        if (r.statusCode() >= 500) {
            throw new IllegalStateException(r.uri() + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        boolean ok = r.statusCode() / 100 == 2;
        if (ok) {
            ecritures.incrementAndGet();
        }
        return ok;
    }

    private String nom() {
        StringBuilder s = new StringBuilder();
        s.append((char) ('A' + alea.nextInt(26)));
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + alea.nextInt(26)));
        }
        return s.toString();
    }
}
