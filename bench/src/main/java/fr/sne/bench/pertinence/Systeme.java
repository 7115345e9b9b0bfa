package fr.sne.bench.pertinence;

import java.util.List;

/** A search system under measurement: the ids of its first ten answers to a query. */
public interface Systeme {

    String nom();

    List<String> chercher(String requete);
}
