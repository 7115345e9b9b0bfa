package fr.sne.core.evenement;

/**
 * Who enters a desk event: a desk (its code), or the territory's management (GT), which holds
 * no desk. Only the same creator deletes the event.
 */
public record Createur(String guichet, boolean gestionnaire) {

    public static Createur guichet(String code) {
        return new Createur(code, false);
    }

    public static Createur gestionnaireTerritorial() {
        return new Createur(null, true);
    }
}
