package fr.sne.core.antifraude;

/** A decision that can no longer be taken (already decided, names changed meanwhile); nothing was written. */
public final class ChangementNomConflit extends RuntimeException {

    public ChangementNomConflit(String message) {
        super(message, null, false, false);
    }
}
