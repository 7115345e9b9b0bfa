package fr.sne.community.recherche;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One searchable item, as every community feature hands it to the engine.
 *
 * @param id     unique across features: {@code "<type>:<id>"}, e.g. {@code "article:42"}
 * @param type   the content type shown as a facet (e.g. {@code "actualite"}, {@code "sujet"})
 * @param themes theme codes (facet)
 * @param espace the community space's name (facet), or null
 * @param url    where a result leads
 * @param acces  who may open it: tokens from {@link Acces}; a user sees the item when they hold
 *               at least one of them
 */
public record DocumentIndexe(String id, String type, String titre, String texte, List<String> themes,
                             String espace, Instant date, String url, Set<String> acces) {
}
