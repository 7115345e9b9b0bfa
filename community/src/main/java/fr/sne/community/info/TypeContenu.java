package fr.sne.community.info;

import java.util.Arrays;
import java.util.List;

/** What an article is; decides the section (rubrique) that lists it and its URL. */
public enum TypeContenu {
    ACTUALITE("Actualité", Rubrique.ACTUALITES, "actualite"),
    MAINTENANCE("Maintenance programmée", Rubrique.ACTUALITES, "maintenance"),
    INCIDENT("Incident", Rubrique.ACTUALITES, "incident"),
    NOTE_VERSION("Note de version", Rubrique.ACTUALITES, "note-version"),
    GUIDE("Guide", Rubrique.DOCUMENTATION, "guide"),
    DOCUMENT("Document téléchargeable", Rubrique.DOCUMENTATION, "document"),
    FAQ("Question fréquente", Rubrique.FAQ, "faq"),
    TEXTE_REFERENCE("Texte de référence", Rubrique.REGLEMENTATION, "texte-reference");

    private final String libelle;
    private final Rubrique rubrique;
    private final String codeRecherche;

    TypeContenu(String libelle, Rubrique rubrique, String codeRecherche) {
        this.libelle = libelle;
        this.rubrique = rubrique;
        this.codeRecherche = codeRecherche;
    }

    public String libelle() {
        return libelle;
    }

    public Rubrique rubrique() {
        return rubrique;
    }

    /** The type's value in the search engine's facet and API ({@code type=}). */
    public String codeRecherche() {
        return codeRecherche;
    }

    public String code() {
        return name();
    }

    public static List<TypeContenu> de(Rubrique rubrique) {
        return Arrays.stream(values()).filter(t -> t.rubrique == rubrique).toList();
    }

    /** Types an author may pick (reference texts come from the legal corpus only). */
    public static List<TypeContenu> redigeables() {
        return Arrays.stream(values()).filter(t -> t != TEXTE_REFERENCE).toList();
    }

    public static TypeContenu parCode(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst().orElse(null);
    }
}
