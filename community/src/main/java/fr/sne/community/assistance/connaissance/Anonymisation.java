package fr.sne.community.assistance.connaissance;

import fr.sne.documents.analyse.Nir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from a ticket's text before it becomes a knowledge-base article: the
 * names of the people involved (full names and each part of them), e-mail addresses, phone
 * numbers, NIRs (valid key only, see {@link Nir}), applications' unique numbers and ticket keys
 * (the article must not lead back to the ticket). The result keeps the segments, so that the
 * agent sees what was removed before saving.
 */
public final class Anonymisation {

    /** What was removed, and the mark that replaces it. */
    public enum Nature {
        PERSONNE("[personne]", "Nom d’une personne"),
        COURRIEL("[adresse électronique]", "Adresse électronique"),
        TELEPHONE("[téléphone]", "Numéro de téléphone"),
        NIR("[NIR]", "Numéro de sécurité sociale (NIR)"),
        NUMERO_UNIQUE("[numéro unique]", "Numéro unique de demande"),
        REFERENCE("[référence]", "Référence de la demande d’assistance");

        private final String marque;
        private final String libelle;

        Nature(String marque, String libelle) {
            this.marque = marque;
            this.libelle = libelle;
        }

        public String marque() {
            return marque;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** A piece of the text: kept as is ({@code nature} null) or removed (then {@code texte} is the original). */
    public record Segment(String texte, Nature nature) {

        public boolean retire() {
            return nature != null;
        }

        /** What the article gets for this piece. */
        public String resultat() {
            return nature == null ? texte : nature.marque();
        }
    }

    public record Resultat(List<Segment> segments) {

        public Resultat {
            segments = List.copyOf(segments);
        }

        /** The text with the removals replaced by their marks. */
        public String texte() {
            StringBuilder sb = new StringBuilder();
            segments.forEach(s -> sb.append(s.resultat()));
            return sb.toString();
        }

        public int retraits() {
            return (int) segments.stream().filter(Segment::retire).count();
        }
    }

    private static final Pattern COURRIEL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern TELEPHONE = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|00)33[ .\\-]?(?:\\(0\\)[ .\\-]?)?|0)[1-9](?:[ .\\-]?[0-9]{2}){4}(?![0-9])");
    // 18 characters: département, month and year, rank, desk; separators allowed; also the short printed form 038-1234-00001
    private static final Pattern NUMERO_UNIQUE = Pattern.compile(
            "(?<![0-9A-Za-z])(?:[0-9]{3}[ .\\-]?(?:0[1-9]|1[0-2])[0-9]{2}[ .\\-]?[0-9]{6}[ .\\-]?[0-9A-Z]{5}|[0-9]{3}-[0-9]{4}-[0-9]{5,6})(?![0-9A-Za-z])");
    private static final Pattern CLE_TICKET = Pattern.compile("\\bAST-[0-9]{4}-[0-9]{6,}\\b", Pattern.CASE_INSENSITIVE);
    /** Name parts too common to be removed alone (they stay removed within the full name). */
    private static final Set<String> MOTS_COURANTS = Set.of("de", "du", "des", "la", "le", "les", "van", "von", "der", "ben", "saint",
            "sainte", "agent", "admin", "support", "gestionnaire", "national", "nationale", "assistance");

    private Anonymisation() {
    }

    /**
     * @param personnes the names of the people involved (requester, participants, agents, readers)
     */
    public static Resultat anonymiser(String texte, Collection<String> personnes) {
        String t = texte == null ? "" : texte;
        List<Zone> zones = new ArrayList<>();
        chercher(t, COURRIEL, Nature.COURRIEL, zones);
        for (Nir.Occurrence o : Nir.trouver(t)) {
            zones.add(new Zone(o.debut(), o.fin(), Nature.NIR));
        }
        chercher(t, NUMERO_UNIQUE, Nature.NUMERO_UNIQUE, zones);
        chercher(t, TELEPHONE, Nature.TELEPHONE, zones);
        chercher(t, CLE_TICKET, Nature.REFERENCE, zones);
        for (Pattern nom : noms(personnes)) {
            chercher(t, nom, Nature.PERSONNE, zones);
        }
        // overlaps: the earliest wins, then the longest (a full name before its first name)
        zones.sort(Comparator.comparingInt(Zone::debut).thenComparing(Comparator.comparingInt(Zone::fin).reversed()));
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (Zone z : zones) {
            if (z.debut() < position) {
                continue;
            }
            if (z.debut() > position) {
                segments.add(new Segment(t.substring(position, z.debut()), null));
            }
            segments.add(new Segment(t.substring(z.debut(), z.fin()), z.nature()));
            position = z.fin();
        }
        if (position < t.length()) {
            segments.add(new Segment(t.substring(position), null));
        }
        return new Resultat(segments);
    }

    private record Zone(int debut, int fin, Nature nature) {
    }

    private static void chercher(String texte, Pattern motif, Nature nature, List<Zone> zones) {
        Matcher m = motif.matcher(texte);
        while (m.find()) {
            zones.add(new Zone(m.start(), m.end(), nature));
        }
    }

    /** Each full name (spaces or hyphens between parts), then each part of at least 3 letters. */
    private static List<Pattern> noms(Collection<String> personnes) {
        Set<String> complets = new LinkedHashSet<>();
        Set<String> parties = new LinkedHashSet<>();
        for (String p : personnes) {
            if (p == null || p.isBlank()) {
                continue;
            }
            String nom = p.strip().replaceAll("\\s+", " ");
            complets.add(nom);
            for (String partie : nom.split("[ \\-']")) {
                if (partie.length() >= 3 && !MOTS_COURANTS.contains(partie.toLowerCase(Locale.ROOT))) {
                    parties.add(partie);
                }
            }
        }
        List<Pattern> motifs = new ArrayList<>();
        for (String c : complets) {
            String motif = Pattern.quote(c).replace(" ", "\\E[\\s\\-]+\\Q");
            motifs.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + motif + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        for (String partie : parties) {
            motifs.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(partie) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return motifs;
    }
}
