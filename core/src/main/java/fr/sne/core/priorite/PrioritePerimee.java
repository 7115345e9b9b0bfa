package fr.sne.core.priorite;

/** Someone changed the priority data since the version the caller read: nothing was written. */
public final class PrioritePerimee extends RuntimeException {

    private final Priorite actuelle;

    PrioritePerimee(Priorite actuelle) {
        super("Données de priorité modifiées entre-temps", null, false, false);
        this.actuelle = actuelle;
    }

    public Priorite actuelle() {
        return actuelle;
    }
}
