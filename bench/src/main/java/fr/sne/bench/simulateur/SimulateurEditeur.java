package fr.sne.bench.simulateur;

import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A landlord's software keeping a local copy of its territory, the way the developer
 * documentation tells vendors to: initialise from a bulk export, then poll the GDM feed with
 * overlapping windows (all communes at once, every page until {@code curseurSuivant} is null,
 * movements de-duplicated by id) and re-read each application that moved.
 */
public final class SimulateurEditeur {

    /** What a synchronisation did. */
    public record Bilan(int demandesInitiales, int fenetres, long mouvementsLus, long mouvementsDistincts, long relectures,
                        int demandesFinales, CopieLocale.Ecarts ecarts, Duration duree) {
        public boolean identique() {
            return ecarts.aucun();
        }

        @Override
        public String toString() {
            return "%d demande(s) à l’export initial ; %d fenêtre(s) GDM, %d mouvement(s) lu(s) dont %d distinct(s), %d relecture(s) ; "
                    .formatted(demandesInitiales, fenetres, mouvementsLus, mouvementsDistincts, relectures)
                    + "copie finale : %d demande(s) ; écarts avec le serveur : %s ; %d s".formatted(demandesFinales,
                    ecarts.aucun() ? "aucun" : ecarts, duree.toSeconds());
        }
    }

    private final ApiEditeur api;
    private final String departement;
    private final Duration recouvrement;
    private final Set<Long> vus = new HashSet<>();
    private CopieLocale copie;
    private Instant depuis;
    private int fenetres;
    private long lus;
    private long relectures;

    /**
     * @param recouvrement how far each window reaches back before the previous poll's start (the
     *                     documentation advises minutes: a change is listed once its transaction
     *                     and every older one have committed)
     */
    public SimulateurEditeur(URI base, URI jetons, String client, String departement, Duration recouvrement) {
        this.api = new ApiEditeur(base, jetons, client);
        this.departement = departement;
        this.recouvrement = recouvrement;
    }

    /** The local copy starts from a bulk export; the feed is then read from just before the export was asked for. */
    public int initialiser() {
        Instant debut = Instant.now();
        copie = exporter();
        depuis = debut.minus(recouvrement);
        return copie.taille();
    }

    /** One poll: every page of the window, then the applications that moved, read again. */
    public int synchroniser() {
        Instant debut = Instant.now();
        Set<String> aRelire = new LinkedHashSet<>();
        String curseur = null;
        do {
            String chemin = "/api/v1.0/mouvements?limite=500&depuis=" + URLEncoder.encode(depuis.toString(), StandardCharsets.UTF_8)
                    + (curseur == null ? "" : "&curseur=" + URLEncoder.encode(curseur, StandardCharsets.UTF_8));
            JsonNode page = api.getJson(chemin);
            for (JsonNode m : page.get("mouvements").values()) {
                lus++;
                if (vus.add(m.get("id").getLongValue())) {
                    aRelire.add(m.get("numeroUnique").getStringValue());
                }
            }
            JsonNode suivant = page.get("curseurSuivant");
            curseur = suivant == null || suivant.isNull() ? null : suivant.getStringValue();
        } while (curseur != null);
        for (String numero : aRelire) {
            copie.mettre(numero, api.getXml(numero));
            relectures++;
        }
        fenetres++;
        depuis = debut.minus(recouvrement);
        return aRelire.size();
    }

    /** Compares the local copy with a fresh export of the server. */
    public Bilan bilan(int initiales, Instant debut) {
        CopieLocale serveur = exporter();
        return new Bilan(initiales, fenetres, lus, vus.size(), relectures, copie.taille(), copie.comparer(serveur),
                Duration.between(debut, Instant.now()));
    }

    private CopieLocale exporter() {
        String corps = "{\"entites\": [\"CERFA\"], \"departements\": [\"" + departement + "\"]}";
        HttpResponse<byte[]> cree = api.postJson("/api/v1.0/exports", corps);
        for (int essai = 0; cree.statusCode() == 409 && essai < 600; essai++) {
            pause(500); // one running export per client: wait for the previous one
            cree = api.postJson("/api/v1.0/exports", corps);
        }
        String id = api.lire(ApiEditeur.attendre(cree, 202).body()).get("id").getStringValue();
        while (true) {
            JsonNode etat = api.getJson("/api/v1.0/exports/" + id);
            String statut = etat.get("statut").getStringValue();
            if ("TERMINE".equals(statut)) {
                break;
            }
            if ("ECHEC".equals(statut) || "EXPIRE".equals(statut)) {
                throw new IllegalStateException("Export " + id + " : " + statut);
            }
            pause(200);
        }
        return CopieLocale.depuisExport(api.telecharger("/api/v1.0/exports/" + id + "/fichier"));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
