package fr.sne.community.info.markdown;

import jakarta.inject.Singleton;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authors' Markdown to the HTML readers get: CommonMark (with tables), raw HTML escaped, then the
 * OWASP sanitiser keeps only the elements and attributes Markdown produces — no script, no
 * event handler, no style, no frame, and only http(s)/mailto links. Images only from this site
 * (attachments): an external image would tell a third party who reads the page.
 */
@Singleton
public class RenduMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern ALIGNEMENT = Pattern.compile("left|center|right");
    private static final Pattern NOMBRE = Pattern.compile("[0-9]{1,6}");

    private static final PolicyFactory POLITIQUE = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "em", "strong", "del", "blockquote", "ul", "ol", "li", "pre", "code",
                    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "sup", "sub")
            // the page's title is its only h1
            .allowElements((nom, attributs) -> "h2", "h1")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src").matching((element, attribut, valeur) ->
                    valeur.startsWith("/") && !valeur.startsWith("//") && !valeur.contains("\\") ? valeur : null).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("start").matching(NOMBRE).onElements("ol")
            .allowAttributes("align").matching(ALIGNEMENT).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(TitresDecales::new)
            .build();

    /** The sanitised HTML of a Markdown text. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return assainir(html.render(parser.parse(markdown)));
    }

    /** Any HTML reduced to what the policy allows (also applied to what {@link #html} renders). */
    public static String assainir(String html) {
        return POLITIQUE.sanitize(html);
    }

    /** The words of a Markdown text, without its markup or link targets (for search). */
    public String texte(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder sortie = new StringBuilder();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sortie.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sortie.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                sortie.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak saut) {
                sortie.append(' ');
            }

            @Override
            public void visit(HardLineBreak saut) {
                sortie.append('\n');
            }

            @Override
            public void visit(Paragraph paragraphe) {
                visitChildren(paragraphe);
                finDeBloc();
            }

            @Override
            public void visit(Heading titre) {
                visitChildren(titre);
                finDeBloc();
            }

            @Override
            public void visit(FencedCodeBlock bloc) {
                sortie.append(bloc.getLiteral());
                finDeBloc();
            }

            @Override
            public void visit(IndentedCodeBlock bloc) {
                sortie.append(bloc.getLiteral());
                finDeBloc();
            }

            @Override
            public void visit(HtmlBlock html) {
                sortie.append(html.getLiteral());
                finDeBloc();
            }

            @Override
            public void visit(CustomNode noeud) {
                // table cells: words of two cells stay apart
                visitChildren(noeud);
                sortie.append(' ');
            }

            private void finDeBloc() {
                if (!sortie.isEmpty() && sortie.charAt(sortie.length() - 1) != '\n') {
                    sortie.append('\n');
                }
            }
        });
        return sortie.toString().strip();
    }

    /** A plain text (e.g. an article of a code) as escaped paragraphs, one per line. */
    public static String texteEnHtml(String texte) {
        if (texte == null || texte.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String ligne : texte.split("\\R")) {
            if (!ligne.isBlank()) {
                out.append("<p>").append(echapper(ligne.strip())).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String echapper(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Headings start at h2 whatever level the author began with (the page's title is the h1),
     * keeping their relative levels.
     */
    private static final class TitresDecales implements NodeRenderer {

        private final HtmlNodeRendererContext contexte;
        private final HtmlWriter sortie;
        private Integer decalage;

        TitresDecales(HtmlNodeRendererContext contexte) {
            this.contexte = contexte;
            this.sortie = contexte.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            Heading titre = (Heading) node;
            if (decalage == null) {
                decalage = 2 - plusPetitNiveau(racine(node));
            }
            String balise = "h" + Math.max(2, Math.min(6, titre.getLevel() + decalage));
            sortie.line();
            sortie.tag(balise, contexte.extendAttributes(node, balise, Map.of()));
            for (Node enfant = node.getFirstChild(); enfant != null; ) {
                Node suivant = enfant.getNext();
                contexte.render(enfant);
                enfant = suivant;
            }
            sortie.tag("/" + balise);
            sortie.line();
        }

        private static Node racine(Node node) {
            Node n = node;
            while (n.getParent() != null) {
                n = n.getParent();
            }
            return n;
        }

        private static int plusPetitNiveau(Node racine) {
            int[] min = {6};
            racine.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    min[0] = Math.min(min[0], heading.getLevel());
                    visitChildren(heading);
                }
            });
            return min[0];
        }
    }
}
