package fr.sne.community.info;

import java.time.LocalDate;
import java.util.List;

/** What an author writes, checked ({@link SaisieArticle#verifier}) and rendered (corpsHtml). */
record Contenu(TypeContenu type, String titre, String resume, String corpsMarkdown, String corpsHtml, List<Theme> themes,
               Audience audience, String territoire, boolean important, String versionDocument, LocalDate dateDocument) {

    Contenu {
        themes = List.copyOf(themes);
    }
}
