package fr.sne.core.saisie;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tabs of the desk's CERFA form, in the CERFA's order; each owns the fields matching its pattern. */
enum Onglet {
    DEMANDEUR("demandeur", "Demandeur",
            "demandeur\\.(civilite|nomNaissance|nomUsage|prenoms|dateNaissance|paysNaissance|communeNaissance|nationalite"
                    + "|paysNationalite|nir|situationFamiliale|mel|telPortable|telFixe|assiste|adresse\\..*)"),
    CONJOINT("conjoint", "Conjoint ou cotitulaire",
            "cotitulaires(\\[\\d+]\\.(?!situationProfessionnelle|revenuFiscal|ressources).*)?"),
    PERSONNES("personnes", "Personnes à charge", "(personnesACharge|personnesEnGarde)(\\[\\d+].*)?|enfantsANaitre\\..*"),
    PROFESSION("profession", "Situation professionnelle", "(demandeur|cotitulaires\\[\\d+])\\.situationProfessionnelle\\..*"),
    REVENUS("revenus", "Revenus", "(demandeur|cotitulaires\\[\\d+])\\.(revenuFiscal|ressources\\w+)\\..*"),
    LOGEMENT("logement", "Logement actuel", "logementActuel\\..*"),
    MOTIFS("motifs", "Motifs", "motifs(\\[\\d+])?|motifPrecision"),
    RECHERCHE("recherche", "Logement recherché", "logementRecherche\\..*"),
    HANDICAP("handicap", "Handicap", "handicap\\..*"),
    PRIORITE("priorite", "Priorité et DALO", "priorite\\..*");

    private final String code;
    private final String libelle;
    private final Pattern champs;

    Onglet(String code, String libelle, String champs) {
        this.code = code;
        this.libelle = libelle;
        this.champs = Pattern.compile(champs);
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    boolean possede(String champ) {
        return champs.matcher(champ).matches();
    }

    /** The tab holding a field (anomalies on a whole list, such as {@code cotitulaires}, included). */
    static Onglet de(String champ) {
        return Arrays.stream(values()).filter(o -> o.possede(champ)).findFirst().orElse(DEMANDEUR);
    }

    static Optional<Onglet> parCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }

    Onglet suivant() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }
}
