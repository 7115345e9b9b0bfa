package fr.sne.documents.catalogue;

/** How far a desk trusts a document. */
public enum IndicePertinence {
    REGLEMENTAIRE("Dans le périmètre réglementaire"),
    NON_VERIFIE("Non vérifiée"),
    SUSPICION_FRAUDE("Suspicion de fraude"),
    HORS_PERIMETRE("Hors périmètre");

    private final String libelle;

    IndicePertinence(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
