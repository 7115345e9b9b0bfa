package fr.sne.app;

import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the documents' tests share: the sample files of the analysis module (Apache Tika's test
 * corpus, provenance in documents/src/test/resources/echantillons/README.md), PDFs written on the
 * spot, and the vendors' API calls (multipart upload as a vendor's software sends it).
 */
final class PiecesFixture {

    private static final Path ECHANTILLONS = Path.of("..", "documents", "src", "test", "resources", "echantillons");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final WebClient web;

    PiecesFixture(EmbeddedServer server) {
        this.web = new WebClient(server);
    }

    static byte[] echantillon(String nom) {
        try {
            return Files.readAllBytes(ECHANTILLONS.resolve(nom));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF whose text layer holds these lines (a payslip, a tax notice...). */
    static byte[] pdf(String... lignes) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream contenu = new PDPageContentStream(document, page)) {
                contenu.beginText();
                contenu.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                contenu.newLineAtOffset(60, 720);
                for (String ligne : lignes) {
                    contenu.showText(ligne);
                    contenu.newLineAtOffset(0, -16);
                }
                contenu.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF no other test produces (its bytes differ by a random line). */
    static byte[] pdfUnique(String titre) {
        return pdf(titre, "Réf. " + UUID.randomUUID());
    }

    /** A NIR with a valid key (13 digits + key), for a man born in May 1984 in Isère. */
    static String nir(String ordre) {
        String base = "18405382" + ordre;
        long cle = 97 - (Long.parseLong(base) % 97);
        return base + String.format("%02d", cle);
    }

    /** The parts of a multipart upload: name → value, a {@link Fichier} for the file. */
    record Fichier(String nom, String typeMime, byte[] octets) {
    }

    HttpResponse<String> deposer(String client, String numero, Map<String, Object> parties) {
        String limite = "----sne" + UUID.randomUUID();
        List<byte[]> corps = new ArrayList<>();
        for (Map.Entry<String, Object> p : parties.entrySet()) {
            if (p.getValue() instanceof Fichier f) {
                corps.add(("--" + limite + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\"" + f.nom()
                        + "\"\r\nContent-Type: " + f.typeMime() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                corps.add(f.octets());
                corps.add("\r\n".getBytes(StandardCharsets.UTF_8));
            } else {
                corps.add(("--" + limite + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n" + p.getValue()
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        corps.add(("--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero + "/pieces"))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Content-Type", "multipart/form-data; boundary=" + limite).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(corps)).build());
    }

    /** Deposits a file with an optional type (the file part first, then the type, as any client may). */
    HttpResponse<String> deposer(String client, String numero, String nom, String typeMime, byte[] octets, String type) {
        Map<String, Object> parties = new LinkedHashMap<>();
        parties.put("fichier", new Fichier(nom, typeMime, octets));
        if (type != null) {
            parties.put("type", type);
        }
        return deposer(client, numero, parties);
    }

    HttpResponse<String> get(String client, String path) {
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json").GET().build());
    }

    HttpResponse<byte[]> octets(String client, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(web.uri(path))
                    .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> patch(String client, String path, String json, String ifMatch) {
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return web.send(r.build());
    }

    HttpResponse<String> post(String client, String path, String json) {
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String client, String path) {
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json").DELETE().build());
    }

    static long id(HttpResponse<String> r) {
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }
}
