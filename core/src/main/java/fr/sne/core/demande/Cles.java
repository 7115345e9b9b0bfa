package fr.sne.core.demande;

import fr.sne.core.referentiel.Normalisation;

/**
 * The comparison keys of probable duplicates: no case, accents, hyphens, apostrophes or spaces.
 * Public: the duplicate finder ({@code fr.sne.core.doublon}) must compute the very keys stored here.
 */
public final class Cles {

    private Cles() {
    }

    public static String cle(String s) {
        return Normalisation.normaliser(s).replace(" ", "");
    }
}
