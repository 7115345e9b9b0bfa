package fr.sne.core.cycle;

/** The caller's If-Match names an older version of the application than the current one; nothing written. */
public final class EtatPerime extends RuntimeException {

    private final int versionActuelle;

    public EtatPerime(int versionActuelle) {
        super("Version périmée", null, false, false);
        this.versionActuelle = versionActuelle;
    }

    public int versionActuelle() {
        return versionActuelle;
    }
}
