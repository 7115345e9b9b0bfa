package fr.sne.app;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the documents' page tests share: a browser's multipart upload (the page's CSRF token in
 * the form), the document id a redirection names, and a wait for the analysis, whose result
 * moves the document's version on (a form read before it is rightly stale).
 */
final class PiecesPages {

    private static final Pattern PIECE = Pattern.compile("/pieces/(\\d+)");
    private static final Pattern PARAMETRE = Pattern.compile("(?:deposee|existante)=(\\d+)");

    private PiecesPages() {
    }

    /** A file part of a form. */
    record Fichier(String nom, String typeMime, byte[] octets) {
    }

    /** A form posted as {@code multipart/form-data} by the browser, with the page's CSRF token unless one is given. */
    static HttpResponse<String> envoyer(WebClient web, String path, Map<String, Object> champs) {
        Map<String, Object> parties = new LinkedHashMap<>();
        parties.put("csrfToken", web.csrfToken());
        parties.putAll(champs);
        String limite = "----navigateur" + UUID.randomUUID();
        List<byte[]> corps = new ArrayList<>();
        for (Map.Entry<String, Object> p : parties.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
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
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(corps)).build());
    }

    /** The document named by a redirection after a deposit (desk: its page; applicant: {@code ?deposee=}). */
    static long piece(HttpResponse<String> r) {
        String location = WebClient.location(r);
        Matcher m = PARAMETRE.matcher(location);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        m = PIECE.matcher(location);
        assertTrue(m.find(), location);
        return Long.parseLong(m.group(1));
    }

    /** Waits until the analysis of the document is over (finished or failed); it runs right after the deposit. */
    static void attendreAnalyse(long id) {
        Instant limite = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(limite)) {
            if (FabriqueDemandes.nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND analyse_statut IN ('TERMINEE', 'ECHEC')",
                    id) == 1) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("the analysis of document " + id + " did not end");
    }

    /** The value of a hidden field of a page. */
    static String cache(String html, String nom) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(nom) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), nom + " in " + html);
        return m.group(1);
    }

    static long nombrePieces(String numero) {
        return FabriqueDemandes.nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", numero);
    }
}
