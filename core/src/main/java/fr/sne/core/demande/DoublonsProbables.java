package fr.sne.core.demande;

import java.util.List;

/** Active applications of the territory that look like the same household's. */
public final class DoublonsProbables extends RuntimeException {

    private final List<String> numeros;

    public DoublonsProbables(List<String> numeros) {
        super("Doublons probables : " + numeros, null, false, false);
        this.numeros = List.copyOf(numeros);
    }

    public List<String> numeros() {
        return numeros;
    }
}
