package fr.sne.community.assistance;

/** The applications the national support answers for (queues are organised by them). */
public enum ApplicationAssistee {
    SNE("SNE"),
    COTATION("Cotation"),
    INFOCENTRE("Infocentre"),
    PORTAIL("Portail grand public"),
    COMMUNAUTES("Communautés");

    private final String libelle;

    ApplicationAssistee(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public static ApplicationAssistee parCode(String code) {
        for (ApplicationAssistee a : values()) {
            if (a.name().equals(code)) {
                return a;
            }
        }
        return null;
    }
}
