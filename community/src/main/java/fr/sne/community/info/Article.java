package fr.sne.community.info;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** An article of the information site, as stored. */
public record Article(long id, String territoire, String slug, TypeContenu type, String titre, String resume,
                      String corpsMarkdown, String corpsHtml, List<Theme> themes, Audience audience, Statut statut,
                      Instant publicationLe, boolean important, String versionDocument, LocalDate dateDocument,
                      String codeTexte, String section, String source, String auteur, Instant creeLe, Instant modifieLe,
                      int version) {

    public Article {
        themes = List.copyOf(themes);
    }

    /** Readers see it: published, or scheduled and its time has come. */
    public boolean publieA(Instant maintenant) {
        return statut == Statut.PUBLIE || (statut == Statut.PROGRAMME && !publicationLe.isAfter(maintenant));
    }

    /** Where readers open it. */
    public String url() {
        return type.rubrique().url(slug);
    }

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH 'h' mm", Locale.FRANCE);

    /** e.g. "12 mars 2026" (Paris time); empty when never published. */
    public String jourPublication() {
        return publicationLe == null ? "" : JOUR.format(publicationLe.atZone(ArticleRepository.PARIS));
    }

    /** e.g. "12 mars 2026 à 14 h 30" (Paris time). */
    public String heurePublication() {
        return publicationLe == null ? "" : HEURE.format(publicationLe.atZone(ArticleRepository.PARIS));
    }

    public String heureModification() {
        return HEURE.format(modifieLe.atZone(ArticleRepository.PARIS));
    }

    /** The document's own date, e.g. "1 septembre 2025". */
    public String jourDocument() {
        return dateDocument == null ? "" : JOUR.format(dateDocument);
    }

    /** ISO instant for {@code <time datetime>}. */
    public String publicationIso() {
        return publicationLe == null ? "" : publicationLe.toString();
    }

    /** The search engine's id of this article. */
    public String idRecherche() {
        return idRecherche(id);
    }

    public static String idRecherche(long id) {
        return "article:" + id;
    }
}
