package fr.sne.core.recherche;

/** The orders a result list can be sorted in; the number always breaks ties (stable pages). */
public enum Tri {
    DEPOT_DESC("Date de dépôt, plus récentes d’abord", "date_depot DESC, numero_unique DESC"),
    DEPOT_ASC("Ancienneté, plus anciennes d’abord", "date_depot, numero_unique"),
    NUMERO("Numéro unique", "numero_unique"),
    TAILLE_DESC("Taille du ménage, plus grands d’abord", "taille_menage DESC, date_depot, numero_unique"),
    RESSOURCES_ASC("Ressources mensuelles, plus faibles d’abord", "ressources_mensuelles, date_depot, numero_unique"),
    RENOUVELLEMENT("Prochain renouvellement, plus proches d’abord", "date_prochain_renouvellement, numero_unique");

    private final String libelle;
    final String sql;

    Tri(String libelle, String sql) {
        this.libelle = libelle;
        this.sql = sql;
    }

    public String getLibelle() {
        return libelle;
    }

    public String getCode() {
        return name();
    }
}
