package fr.sne.community.info.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What readers get from an author's Markdown: the formatting, and never a script. */
class RenduMarkdownTest {

    private final RenduMarkdown rendu = new RenduMarkdown();

    @Test
    void markdownBecomesTheUsualHtml() {
        String html = rendu.html("""
                ## Nouveautés

                Le **portail** change : voir [la FAQ](/info/faq) ou [Légifrance](https://www.legifrance.gouv.fr).

                - premier point
                - second point

                1. un
                2. deux

                > citation

                `code` et bloc :

                ```
                GET /api/v1.0/mouvements
                ```

                | Service | État |
                | --- | --- |
                | API | indisponible |
                """);
        assertTrue(html.contains("<h2>Nouveautés</h2>"), html);
        assertTrue(html.contains("<strong>portail</strong>"), html);
        assertTrue(html.contains("<a href=\"/info/faq\">la FAQ</a>"), html);
        assertTrue(html.contains("<a href=\"https://www.legifrance.gouv.fr\">Légifrance</a>"), html);
        assertTrue(html.contains("<ul>") && html.contains("<li>premier point</li>"), html);
        assertTrue(html.contains("<ol>") && html.contains("<blockquote>"), html);
        assertTrue(html.contains("<code>code</code>") && html.contains("<pre><code>GET /api/v1.0/mouvements"), html);
        assertTrue(html.contains("<table>") && html.contains("<th>Service</th>") && html.contains("<td>indisponible</td>"), html);
    }

    @Test
    void headingsStartAtH2WhateverTheAuthorBeganWith() {
        String html = rendu.html("# Titre\n\n## Sous-titre\n\ntexte");
        assertTrue(html.contains("<h2>Titre</h2>"), html);
        assertTrue(html.contains("<h3>Sous-titre</h3>"), html);
        assertFalse(html.contains("<h1"), html);
        String deDeux = rendu.html("## Partie\n\n### Détail");
        assertTrue(deDeux.contains("<h2>Partie</h2>") && deDeux.contains("<h3>Détail</h3>"), deDeux);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://malveillant.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"/info/pieces/1/a.png\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">clic</a>",
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "[clic](  javascript:alert(1))",
            "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<iframe src=\"https://malveillant.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<a href=\"https://exemple.fr\" onclick=\"alert(1)\">x</a>",
            "<form action=\"https://malveillant.example\"><input name=x></form>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<body onload=alert(1)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    })
    void noPayloadSurvives(String attaque) {
        for (String markdown : new String[]{attaque, "texte\n\n" + attaque + "\n\nsuite", "- " + attaque}) {
            String html = rendu.html(markdown);
            // the sanitiser escapes every "<" of text: whatever starts with "<" is a tag it let through
            Matcher balise = BALISE.matcher(html);
            while (balise.find()) {
                String nom = balise.group(1).toLowerCase(Locale.ROOT);
                assertTrue(AUTORISEES.contains(nom), "element " + nom + " in " + html);
                Matcher attribut = ATTRIBUT.matcher(balise.group(2));
                while (attribut.find()) {
                    String a = attribut.group(1).toLowerCase(Locale.ROOT);
                    String valeur = attribut.group(2).toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                    assertTrue(Set.of("href", "src", "alt", "title", "start", "align").contains(a), "attribute " + a + " in " + html);
                    assertFalse(valeur.startsWith("javascript") || valeur.startsWith("data") || valeur.startsWith("vbscript"),
                            a + "=" + valeur + " in " + html);
                }
            }
        }
    }

    private static final Pattern BALISE = Pattern.compile("<([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern ATTRIBUT = Pattern.compile("([a-zA-Z:-]+)=\"([^\"]*)\"");
    private static final Set<String> AUTORISEES = Set.of("p", "br", "hr", "em", "strong", "del", "blockquote", "ul", "ol", "li",
            "pre", "code", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "sup", "sub");

    @Test
    void aScriptWrittenInMarkdownIsShownAsText() {
        String html = rendu.html("<script>alert(1)</script> <img src=x onerror=alert(1)> [clic](javascript:alert(1))");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"), html);
        assertFalse(html.contains("href"), "an unsafe link has no target: " + html);
    }

    @Test
    void rawHtmlIsShownAsTextNotRun() {
        String html = rendu.html("<b>gras</b> et <script>alert(1)</script>");
        assertTrue(html.contains("&lt;b&gt;gras&lt;/b&gt;"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void theSanitiserAloneAlsoRemovesEverythingDangerous() {
        String html = RenduMarkdown.assainir("<p onclick=\"x()\">a</p><script>x()</script><iframe src=\"/x\"></iframe>"
                + "<a href=\"javascript:x()\">b</a><img src=\"data:image/png;base64,AAAA\"><h1>t</h1>");
        assertEquals("<p>a</p>b<h2>t</h2>", html);
    }

    @Test
    void imagesOnlyFromThisSite() {
        assertTrue(rendu.html("![Capture](/info/pieces/3/capture.png)").contains("<img src=\"/info/pieces/3/capture.png\" alt=\"Capture\""));
        String externe = rendu.html("![Pisteur](https://pisteur.example/p.gif)");
        assertFalse(externe.contains("pisteur.example"), externe);
        String protocoleRelatif = rendu.html("![Pisteur](//pisteur.example/p.gif)");
        assertFalse(protocoleRelatif.contains("pisteur.example"), protocoleRelatif);
    }

    @Test
    void plainTextForSearchAndReferenceTextsAsEscapedParagraphs() {
        assertEquals("Titre\nUn lien et du gras.\nA B", rendu.texte("# Titre\n\nUn [lien](https://x.fr) et du **gras**.\n\n| A | B |\n| - | - |"));
        assertEquals("<p>Article 1 &lt;b&gt; &amp; co</p>\n<p>Alinéa 2</p>\n", RenduMarkdown.texteEnHtml("Article 1 <b> & co\n\nAlinéa 2"));
    }
}
