package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.info.markdown.RenduMarkdown;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A post as typed (Markdown) to what is stored and shown: @mentions of people who see the space
 * become links to them on the members page (and are notified), then the sanitised HTML.
 */
@Singleton
class Redaction {

    /** Code (left alone) or a handle: the local part of an e-mail, e.g. @gt.isere. */
    private static final Pattern JETON = Pattern.compile("(```[\\s\\S]*?```|`[^`\\n]*`)|(?<![\\w.@/\\[])@([A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9])");

    /** What is stored. */
    record Texte(String markdown, String html, Set<Long> mentionnes) {
    }

    private final RenduMarkdown rendu;
    private final Participants participants;

    Redaction(RenduMarkdown rendu, Participants participants) {
        this.rendu = rendu;
        this.participants = participants;
    }

    Texte rediger(String markdown, Espace espace) {
        Set<String> pseudos = pseudos(markdown);
        Map<String, Participants.Personne> personnes = participants.parPseudos(pseudos).stream()
                .filter(p -> participants.peut(p.id(), espace, ActionEspace.VOIR))
                .collect(Collectors.toMap(Participants.Personne::pseudo, Function.identity()));
        String avecLiens = remplacer(markdown, pseudo -> {
            Participants.Personne p = personnes.get(pseudo.toLowerCase(Locale.ROOT));
            return p == null ? null : "[@" + pseudo + "](" + espace.url() + "/membres#membre-" + p.id() + ")";
        });
        Set<Long> ids = personnes.values().stream().map(Participants.Personne::id).collect(Collectors.toUnmodifiableSet());
        return new Texte(markdown, rendu.html(avecLiens), ids);
    }

    String texte(String markdown) {
        return rendu.texte(markdown);
    }

    static Set<String> pseudos(String markdown) {
        Set<String> pseudos = new LinkedHashSet<>();
        Matcher m = JETON.matcher(markdown == null ? "" : markdown);
        while (m.find()) {
            if (m.group(2) != null) {
                pseudos.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return pseudos;
    }

    /** Replaces each handle outside code by what {@code lien} gives (null: left as typed). */
    static String remplacer(String markdown, Function<String, String> lien) {
        Matcher m = JETON.matcher(markdown);
        StringBuilder sortie = new StringBuilder();
        while (m.find()) {
            String remplacement = m.group(2) == null ? m.group() : lien.apply(m.group(2));
            m.appendReplacement(sortie, Matcher.quoteReplacement(remplacement == null ? m.group() : remplacement));
        }
        m.appendTail(sortie);
        return sortie.toString();
    }

    static List<String> tags(String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(saisie.split("[,;]"))
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .filter(t -> !t.isEmpty() && t.length() <= 40).distinct().limit(5).toList();
    }
}
