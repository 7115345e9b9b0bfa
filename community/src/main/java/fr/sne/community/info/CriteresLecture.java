package fr.sne.community.info;

import java.time.LocalDate;
import java.util.Set;

/**
 * The filters of a reader's list.
 *
 * @param types     the section's types, or the one chosen
 * @param theme     null: every theme
 * @param du        published on or after this day (Paris time); null: no bound
 * @param au        published on or before this day; null: no bound
 * @param audience  null: every audience the reader may read
 * @param codeTexte reference texts: one code (CCH, CASF...), or null
 * @param ordre     how the list is sorted
 */
record CriteresLecture(Set<TypeContenu> types, Theme theme, LocalDate du, LocalDate au, Audience audience,
                       String codeTexte, int page, int taille, Ordre ordre) {

    enum Ordre { RECENTS, CORPUS }

    CriteresLecture {
        types = Set.copyOf(types);
        page = Math.max(1, page);
    }

    static CriteresLecture de(Set<TypeContenu> types, int page, int taille) {
        return new CriteresLecture(types, null, null, null, null, null, page, taille, Ordre.RECENTS);
    }
}
