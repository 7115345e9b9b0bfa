package fr.sne.bench.pertinence;

/** One article of the legal corpus ({@code community/src/main/resources/corpus}). */
public record Article(String id, String code, String num, String titre, String section, String corps) {

    /** The title the search engine and PostgreSQL index: the article's title and its section. */
    public String titreIndexe() {
        return section == null || section.isBlank() ? titre : titre + " — " + section;
    }
}
