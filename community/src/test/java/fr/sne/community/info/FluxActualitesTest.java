package fr.sne.community.info;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The RSS feed is well-formed whatever authors type. */
class FluxActualitesTest {

    private static Article article(long id, String titre, String resume) {
        Instant t = Instant.parse("2026-03-12T09:30:00Z");
        return new Article(id, null, "actu-" + id, TypeContenu.MAINTENANCE, titre, resume, "", "", List.of(Theme.SNE),
                Audience.PUBLIC, Statut.PUBLIE, t, false, null, LocalDate.of(2026, 3, 12), null, null, null, "SNE", t, t, 1);
    }

    @Test
    void hostileTitlesStayTextInAValidFeed() throws Exception {
        String rss = new FluxActualites().rss(List.of(
                        article(1, "Maintenance <script>alert('x')</script> & \"cie\"", "Résumé ]]> <b>gras</b> \u0001"),
                        article(2, "Deuxième", null)),
                "https://sne.example.fr", Instant.parse("2026-03-13T00:00:00Z"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(rss.getBytes(StandardCharsets.UTF_8)));
        var xpath = XPathFactory.newInstance().newXPath();
        assertEquals("2.0", xpath.evaluate("/rss/@version", doc));
        assertEquals("2", xpath.evaluate("count(/rss/channel/item)", doc));
        assertEquals("Maintenance <script>alert('x')</script> & \"cie\"", xpath.evaluate("/rss/channel/item[1]/title", doc));
        assertEquals("Résumé ]]> <b>gras</b> ", xpath.evaluate("/rss/channel/item[1]/description", doc));
        assertEquals("https://sne.example.fr/info/actualites/actu-1", xpath.evaluate("/rss/channel/item[1]/link", doc));
        assertEquals("Thu, 12 Mar 2026 09:30:00 GMT", xpath.evaluate("/rss/channel/item[1]/pubDate", doc));
        assertEquals("Deuxième", xpath.evaluate("/rss/channel/item[2]/description", doc), "the title when there is no summary");
        assertFalse(rss.contains("<script>"), rss);
    }
}
