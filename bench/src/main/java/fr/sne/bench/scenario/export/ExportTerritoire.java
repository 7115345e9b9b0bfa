package fr.sne.bench.scenario.export;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.ClientApi;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;
import fr.sne.bench.mesure.SortieComptee;
import fr.sne.bench.mesure.Tas;
import fr.sne.core.export.GenerationExport;
import io.micronaut.json.tree.JsonNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Scenario 3: the bulk export of the whole bench territory as a vendor asks for it
 * ({@code POST /api/v1.0/exports}, poll, download) — wall time and the JVM's heap meanwhile —
 * against {@code COPY … TO STDOUT} of the same rows (applications with their document, events,
 * priority data, radiations) as the application role under RLS. The suite runs with the
 * scheduler off: the bench runs the export job itself right after the POST, as the scheduler
 * would at its next tick (every 10 s).
 */
public final class ExportTerritoire implements Scenario {

    private static final String ENTITES = "[\"CERFA\", \"EVT\", \"DALO\", \"PRIO\", \"CONT\", \"ATTRIB\"]";

    @Override
    public String numero() {
        return "3";
    }

    @Override
    public String titre() {
        return "Export d'un territoire entier";
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        ClientApi client = banc.client(1);
        GenerationExport job = banc.application().getBean(GenerationExport.class);
        Resultat produit;
        try (Tas tas = Tas.observer()) {
            long debut = System.nanoTime();
            produit = exporter(banc, client, job);
            double secondes = (System.nanoTime() - debut) / 1e9;
            produit = new Resultat(produit.demandes, produit.octets, secondes, produit.generation, tas.picUtiliseMo(), tas.picApresGcMo(),
                    tas.collections());
        }
        banc.log("3. Produit : %d demandes, archive %d Ko, %.1f s de bout en bout (génération %.1f s), tas : pic %.0f Mo, pic après GC %.0f Mo (%d GC)",
                produit.demandes, produit.octets / 1024, produit.secondes, produit.generation, produit.picMo, produit.picApresGcMo,
                produit.collections);

        Resultat reference;
        try (Tas tas = Tas.observer()) {
            long debut = System.nanoTime();
            long[] copie = copier(banc);
            double secondes = (System.nanoTime() - debut) / 1e9;
            reference = new Resultat((int) copie[0], copie[1], secondes, secondes, tas.picUtiliseMo(), tas.picApresGcMo(), tas.collections());
        }
        banc.log("3. Référence COPY : %d demandes, %d Ko, %.1f s, tas : pic %.0f Mo, pic après GC %.0f Mo", reference.demandes,
                reference.octets / 1024, reference.secondes, reference.picMo, reference.picApresGcMo);
        if (reference.demandes != produit.demandes) {
            throw new IllegalStateException("Export de " + produit.demandes + " demandes, COPY de " + reference.demandes);
        }
        String s = "3";
        String copy = "COPY … TO STDOUT des mêmes lignes (demandes, événements, priorités, radiations)";
        boolean complet = produit.demandes >= 300_000;
        return List.of(
                Mesure.de(s, "Export de " + produit.demandes + " demandes, POST → fichier téléchargé", "s", produit.secondes,
                        reference.secondes, copy, complet ? Mesure.Objectif.auPlus(60, "300 000 en < 60 s")
                                : Mesure.Objectif.auPlus(60.0 * produit.demandes / 300_000, "< 60 s pour 300 000 (au prorata)")),
                Mesure.de(s, "Génération seule (prise en charge → TERMINE)", "s", produit.generation, reference.secondes, copy, null),
                Mesure.de(s, "Tas après GC, pic pendant l'export", "Mo", produit.picApresGcMo, reference.picApresGcMo,
                        "même mesure pendant le COPY", Mesure.Objectif.auPlus(256, "< 256 Mo")),
                Mesure.de(s, "Tas utilisé (déchets compris), pic", "Mo", produit.picMo, reference.picMo, "même mesure pendant le COPY",
                        null));
    }

    private record Resultat(int demandes, long octets, double secondes, double generation, double picMo, double picApresGcMo,
                            long collections) {
    }

    private static Resultat exporter(Banc banc, ClientApi client, GenerationExport job) throws Exception {
        String corps = "{\"entites\": " + ENTITES + ", \"departements\": [\"" + banc.territoire() + "\"]}";
        JsonNode cree = ClientApi.json(ClientApi.attendre(client.postJson("/api/v1.0/exports", corps, null), 202).body());
        String id = cree.get("id").getStringValue();
        job.executer(Instant.now());
        JsonNode etat;
        while (true) {
            etat = ClientApi.json(ClientApi.attendre(client.get("/api/v1.0/exports/" + id, "application/json"), 200).body());
            String statut = etat.get("statut").getStringValue();
            if ("TERMINE".equals(statut)) {
                break;
            }
            if ("ECHEC".equals(statut) || "EXPIRE".equals(statut)) {
                throw new IllegalStateException("Export " + id + " : " + statut);
            }
            Thread.sleep(100);
        }
        long octets = 0;
        try (InputStream in = client.telecharger("/api/v1.0/exports/" + id + "/fichier")) {
            byte[] tampon = new byte[64 * 1024];
            int n;
            while ((n = in.read(tampon)) > 0) {
                octets += n;
            }
        }
        double generation = java.time.Duration.between(Instant.parse(etat.get("debuteLe").getStringValue()),
                Instant.parse(etat.get("termineLe").getStringValue())).toMillis() / 1000.0;
        return new Resultat(etat.get("nombreDemandes").getIntValue(), octets, 0, generation, 0, 0, 0);
    }

    /** The export's rows by COPY in the territory's read-only scope; applications and bytes. */
    private static long[] copier(Banc banc) throws Exception {
        String t = "'" + banc.territoire() + "'";
        try (Connection c = banc.bd().applicationDansLeTerritoire(banc.territoire(), true)) {
            CopyManager copie = c.unwrap(PGConnection.class).getCopyAPI();
            SortieComptee sortie = new SortieComptee();
            long demandes = copie.copyOut("""
                    COPY (SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                                 date_prochain_renouvellement, document, version
                            FROM demande WHERE territoire = %s ORDER BY numero_unique) TO STDOUT""".formatted(t), sortie);
            copie.copyOut("""
                    COPY (SELECT id, numero_unique, code, origine, date_survenance, guichet, commentaire FROM evenement
                           WHERE territoire = %s AND supprime_le IS NULL ORDER BY numero_unique, date_survenance, id) TO STDOUT""".formatted(t),
                    sortie);
            copie.copyOut("""
                    COPY (SELECT numero_unique, statut_dalo, date_decision_dalo, date_fin_dalo, categories, labels, contingents
                            FROM priorite_demande WHERE territoire = %s ORDER BY numero_unique) TO STDOUT""".formatted(t), sortie);
            copie.copyOut("""
                    COPY (SELECT numero_unique, motif, sous_motif, date_radiation, date_signature_bail, rpls, logement_adresse,
                                 logement_type, logement_surface, logement_loyer, contingent, reservataire, date_commission
                            FROM radiation WHERE territoire = %s AND levee_le IS NULL ORDER BY numero_unique, id) TO STDOUT""".formatted(t),
                    sortie);
            c.commit();
            return new long[]{demandes, sortie.octets()};
        }
    }
}
