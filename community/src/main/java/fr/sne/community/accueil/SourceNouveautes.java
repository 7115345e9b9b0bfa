package fr.sne.community.accueil;

import java.util.List;
import java.util.Set;

/** A feature's recent items (topics, pages, news, events) for the community home, which merges every source. */
public interface SourceNouveautes {

    /** The {@code limite} most recent items of these spaces (the ones the reader sees), newest first. */
    List<Nouveaute> recentes(Set<Long> espaces, int limite);
}
