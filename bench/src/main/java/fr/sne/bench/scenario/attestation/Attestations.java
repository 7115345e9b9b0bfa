package fr.sne.bench.scenario.attestation;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.ClientApi;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;
import fr.sne.core.attestation.AttestationService;
import fr.sne.core.attestation.TypeAttestation;
import fr.sne.documents.pdf.GabaritsPdf;
import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 5: registration attestations through {@code GET /api/v1.0/demandes/{n}/attestation}
 * (read, audit, wording, Thymeleaf, PDF/A-1b), one thread per core, in documents/s per core —
 * against a bare Flying Saucer render (same fonts, default settings: no PDF/A) of the very
 * XHTML the product's template gives for the same applications, prepared beforehand.
 */
public final class Attestations implements Scenario {

    @Override
    public String numero() {
        return "5";
    }

    @Override
    public String titre() {
        return "Attestations PDF";
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        int n = banc.echelle().attestations();
        int coeurs = Runtime.getRuntime().availableProcessors();
        List<String> numeros = numeros(banc, n);
        ClientApi client = banc.client(2);
        AttestationService service = banc.application().getBean(AttestationService.class);
        GabaritsPdf gabarits = banc.application().getBean(GabaritsPdf.class);
        List<Path> polices = polices(banc.temporaire());
        Map<TypeAttestation, List<String>> xhtml = new java.util.EnumMap<>(TypeAttestation.class);
        for (TypeAttestation type : TypeAttestation.values()) {
            List<String> documents = new ArrayList<>();
            for (String numero : numeros) {
                var demande = service.lire(banc.territoire(), numero).orElseThrow();
                documents.add(gabarits.xhtml("attestation-" + type.parametre(), Map.of("a", service.contenu(demande))));
            }
            xhtml.put(type, documents);
        }
        // every path warmed before any measure (product and bare, both types, each document once): the JIT
        // compiles Flying Saucer's layout over hundreds of documents, and the first type measured after a
        // short warm-up showed half its speed (JFR: 6 s of compilation and 2.5 s of GC in its 14 s)
        for (TypeAttestation type : TypeAttestation.values()) {
            parallele(numeros, coeurs, numero -> telecharger(client, numero, type));
            parallele(xhtml.get(type), coeurs, x -> rendre(x, polices));
        }
        List<Mesure> mesures = new ArrayList<>();
        for (TypeAttestation type : TypeAttestation.values()) {
            double produit = parallele(numeros, coeurs, numero -> telecharger(client, numero, type)) / coeurs;
            double reference = parallele(xhtml.get(type), coeurs, x -> rendre(x, polices)) / coeurs;
            banc.log("5. %s : produit %.1f/s par cœur, Flying Saucer nu %.1f/s par cœur (%d documents, %d fils)", type.titre(),
                    produit, reference, numeros.size(), coeurs);
            mesures.add(Mesure.de("5", type.titre() + ", " + coeurs + " fils", "documents/s par cœur", produit, reference,
                    "Flying Saucer nu, même XHTML, mêmes polices", Mesure.Objectif.auMoins(50, "≥ 50/s par cœur")));
        }
        return mesures;
    }

    private static List<String> numeros(Banc banc, int n) throws Exception {
        List<String> numeros = new ArrayList<>();
        try (Connection c = banc.bd().proprietaire(); PreparedStatement ps = c.prepareStatement("""
                SELECT numero_unique FROM demande WHERE territoire = ? AND etat = 'ACTIVE' AND modifie_par = 'generateur'
                 ORDER BY md5(numero_unique) LIMIT ?""")) {
            ps.setString(1, banc.territoire());
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numeros.add(rs.getString(1));
                }
            }
        }
        return numeros;
    }

    private static void telecharger(ClientApi client, String numero, TypeAttestation type) {
        HttpResponse<byte[]> r = ClientApi.attendre(client.get("/api/v1.0/demandes/" + numero + "/attestation?type=" + type.parametre(),
                "application/pdf"), 200);
        if (r.body().length < 1_000) {
            throw new IllegalStateException("PDF trop court pour " + numero);
        }
    }

    private static void rendre(String xhtml, List<Path> polices) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ITextRenderer renderer = new ITextRenderer();
            for (Path police : polices) {
                renderer.getFontResolver().addFont(police.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            renderer.setDocumentFromString(xhtml);
            renderer.layout();
            renderer.createPDF(out, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fonts the product's renderer embeds (shipped by frontend-templates), as files. */
    private static List<Path> polices(Path dossier) throws Exception {
        List<Path> polices = new ArrayList<>();
        for (String nom : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
            try (InputStream in = Attestations.class.getResourceAsStream("/pdf/fonts/" + nom)) {
                Path f = dossier.resolve(nom);
                Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
                polices.add(f);
            }
        }
        return polices;
    }

    /** Runs the work on every item with {@code fils} threads; items per second. */
    private static <T> double parallele(List<T> items, int fils, java.util.function.Consumer<T> travail) throws Exception {
        AtomicInteger suivant = new AtomicInteger();
        List<Throwable> erreurs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long debut = System.nanoTime();
        for (int f = 0; f < fils; f++) {
            threads.add(Thread.ofPlatform().name("banc-pdf-" + f).start(() -> {
                int i;
                while ((i = suivant.getAndIncrement()) < items.size() && erreurs.isEmpty()) {
                    try {
                        travail.accept(items.get(i));
                    } catch (Throwable e) {
                        erreurs.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!erreurs.isEmpty()) {
            throw new IllegalStateException("Attestation en échec", erreurs.getFirst());
        }
        return items.size() / ((System.nanoTime() - debut) / 1e9);
    }
}
