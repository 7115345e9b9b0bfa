package fr.sne.community.info;

/**
 * The filters of the authors' list.
 *
 * @param territoire only this territory's pages (GTs: always theirs); null: every article the scope shows
 * @param nationaux  national articles included
 */
record CriteresRedaction(String territoire, boolean nationaux, Statut statut, TypeContenu type, int page, int taille) {
}
