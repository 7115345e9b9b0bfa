package fr.sne.community.wiki;

import fr.sne.community.info.Slugs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between pages: {@code [[Titre de page]]} leads to the space's page of that title (by its
 * slug, so case and accents do not matter); a missing page is shown "à créer" and leads to its
 * creation form.
 */
final class LiensWiki {

    static final Pattern LIEN = Pattern.compile("\\[\\[([^\\[\\]\\n|]{1,200})]]");

    private LiensWiki() {
    }

    /** The Markdown with every wiki link turned into an ordinary Markdown link. */
    static String resoudre(String markdown, String espaceSlug, Predicate<String> existe) {
        if (markdown == null) {
            return "";
        }
        Matcher m = LIEN.matcher(markdown);
        StringBuilder sortie = new StringBuilder();
        while (m.find()) {
            String titre = m.group(1).strip();
            String slug = Slugs.de(titre);
            String base = "/communaute/espaces/" + espaceSlug + "/wiki/";
            String lien = existe.test(slug)
                    ? "[" + echapper(titre) + "](" + base + slug + ")"
                    : "[" + echapper(titre) + " (page à créer)](" + base + "nouvelle?titre="
                      + URLEncoder.encode(titre, StandardCharsets.UTF_8) + ")";
            m.appendReplacement(sortie, Matcher.quoteReplacement(lien));
        }
        m.appendTail(sortie);
        return sortie.toString();
    }

    /** The slugs of the pages a text links to. */
    static Set<String> cibles(String markdown) {
        Set<String> cibles = new LinkedHashSet<>();
        if (markdown != null) {
            Matcher m = LIEN.matcher(markdown);
            while (m.find()) {
                cibles.add(Slugs.de(m.group(1).strip()));
            }
        }
        return cibles;
    }

    private static String echapper(String texte) {
        return texte.replaceAll("([\\\\`*_{}\\[\\]()#+!<>])", "\\\\$1");
    }
}
