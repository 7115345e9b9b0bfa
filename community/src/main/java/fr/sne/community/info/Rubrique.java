package fr.sne.community.info;

/** The information site's sections, each with its page listing its types. */
public enum Rubrique {
    ACTUALITES("Actualités", "/info/actualites"),
    DOCUMENTATION("Documentation", "/info/documentation"),
    FAQ("Questions fréquentes", "/info/faq"),
    REGLEMENTATION("Réglementation", "/info/reglementation");

    private final String libelle;
    private final String chemin;

    Rubrique(String libelle, String chemin) {
        this.libelle = libelle;
        this.chemin = chemin;
    }

    public String libelle() {
        return libelle;
    }

    public String chemin() {
        return chemin;
    }

    /** An article's own page; FAQ entries are read in place, on the FAQ page's anchor. */
    public String url(String slug) {
        return this == FAQ ? chemin + "#" + slug : chemin + "/" + slug;
    }
}
