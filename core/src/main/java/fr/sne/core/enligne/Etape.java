package fr.sne.core.enligne;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the online form, in order; {@code code} is the step's address ({@code /demande/{id}/{code}}). */
public enum Etape {
    IDENTITE("identite", "Identité"),
    FAMILLE("famille", "Situation familiale"),
    RESSOURCES("ressources", "Situation professionnelle et ressources"),
    LOGEMENT("logement", "Logement actuel et motifs"),
    RECHERCHE("recherche", "Logement recherché"),
    HANDICAP("handicap", "Handicap et priorité"),
    RECAPITULATIF("recapitulatif", "Récapitulatif et envoi");

    private final String code;
    private final String libelle;

    Etape(String code, String libelle) {
        this.code = code;
        this.libelle = libelle;
    }

    public String getCode() {
        return code;
    }

    public String getLibelle() {
        return libelle;
    }

    /** 1 for the first step. */
    public int getNumero() {
        return ordinal() + 1;
    }

    public static int nombre() {
        return values().length;
    }

    public static Optional<Etape> deCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    public static Etape deNumero(int numero) {
        return values()[Math.clamp(numero, 1, values().length) - 1];
    }

    public Optional<Etape> getSuivante() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<Etape> getPrecedente() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    /**
     * The step whose form holds a field of the CERFA content (a JSON path, as anomalies name
     * them): how the portal shows each anomaly next to its field, on its step.
     */
    public static Etape duChamp(String champ) {
        if (champ.startsWith("logementRecherche")) {
            return RECHERCHE;
        }
        if (champ.startsWith("handicap") || champ.startsWith("priorite")) {
            return HANDICAP;
        }
        if (champ.startsWith("logementActuel") || champ.startsWith("motif")) {
            return LOGEMENT;
        }
        if (champ.startsWith("personnesACharge") || champ.startsWith("enfantsANaitre") || champ.startsWith("personnesEnGarde")) {
            return FAMILLE;
        }
        boolean cotitulaire = champ.startsWith("cotitulaires");
        if (cotitulaire || champ.startsWith("demandeur")) {
            String partie = champ.replaceFirst("^(demandeur|cotitulaires\\[\\d+\\])\\.?", "");
            if (partie.startsWith("situationProfessionnelle") || partie.startsWith("revenuFiscal") || partie.startsWith("ressources")) {
                return RESSOURCES;
            }
            return cotitulaire || partie.equals("situationFamiliale") ? FAMILLE : IDENTITE;
        }
        return IDENTITE;
    }
}
