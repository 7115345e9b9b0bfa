package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.referentiel.ListesCodes;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An online application as a person reads it, step by step: labels instead of codes, dates in
 * French, commune names. Shown to the applicant before sending and to the desk that validates.
 * Reads the geography: runs inside a transaction.
 */
@Singleton
class Recapitulatif {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> LISTES = Map.of(
            "cotitulaires", "Cotitulaire",
            "personnesACharge", "Personne à charge",
            "personnesEnGarde", "Enfant en garde alternée ou en droit de visite",
            "demandeur.ressourcesRecues", "Ressource",
            "demandeur.ressourcesVersees", "Charge versée",
            "cotitulaires[0].ressourcesRecues", "Ressource du cotitulaire",
            "logementRecherche.communesSouhaitees", "Commune souhaitée");

    /** One step's answers. */
    record Section(Etape etape, List<Ligne> lignes) {
    }

    /** A label and what was answered. */
    record Ligne(String libelle, String valeur) {
    }

    private final FormulaireDemande formulaire;
    private final ListesCodes codes;

    Recapitulatif(FormulaireDemande formulaire, ListesCodes codes) {
        this.formulaire = formulaire;
        this.codes = codes;
    }

    List<Section> sections(DemandeJson.Contenu contenu) {
        Map<String, Object> arbre = formulaire.arbre(contenu);
        List<Section> sections = new ArrayList<>();
        for (Etape etape : Etape.values()) {
            if (etape == Etape.RECAPITULATIF) {
                continue;
            }
            List<Ligne> lignes = new ArrayList<>();
            Map<String, List<Champ>> listes = new LinkedHashMap<>();
            for (Champ champ : Champ.PAR_ETAPE.get(etape)) {
                if (champ.lignes() != null) {
                    listes.computeIfAbsent(champ.lignes(), l -> new ArrayList<>()).add(champ);
                    continue;
                }
                String valeur = texte(champ, Arbre.lire(arbre, champ.chemin()));
                if (valeur != null) {
                    lignes.add(new Ligne(champ.libelle(), valeur));
                }
            }
            listes.forEach((liste, champs) -> {
                List<?> rangs = Arbre.lire(arbre, liste) instanceof List<?> l ? l : List.of();
                for (int k = 0; k < rangs.size(); k++) {
                    Object rang = rangs.get(k);
                    String valeur = champs.getFirst().dansLaLigne().isEmpty() ? texte(champs.getFirst(), rang)
                            : champs.stream().map(c -> {
                                String v = rang instanceof Map<?, ?> m ? texte(c, Arbre.lire(objet(m), c.dansLaLigne())) : null;
                                return v == null ? null : c.libelle() + " : " + v;
                            }).filter(Objects::nonNull).collect(Collectors.joining(" ; "));
                    lignes.add(new Ligne(LISTES.getOrDefault(liste, "Ligne") + " " + (k + 1), valeur));
                }
            });
            sections.add(new Section(etape, lignes));
        }
        return sections;
    }

    private String texte(Champ champ, Object valeur) {
        if (valeur == null) {
            return null;
        }
        return switch (champ.type()) {
            case TEXTE -> String.valueOf(valeur);
            case ENTIER -> String.valueOf(valeur);
            case DATE -> LocalDate.parse(String.valueOf(valeur)).format(DATE);
            case CODE -> libelle(champ, valeur);
            case CODE_EN_LISTE -> valeur instanceof List<?> l && !l.isEmpty() ? libelle(champ, l.getFirst()) : null;
            case CODES -> valeur instanceof List<?> l && !l.isEmpty()
                    ? l.stream().map(v -> libelle(champ, v)).collect(Collectors.joining(", ")) : null;
            case BOOLEEN -> Boolean.TRUE.equals(valeur) ? "Oui" : null;
            case PRESENCE -> "Oui";
            case COMMUNE -> formulaire.libelleCommune(String.valueOf(valeur));
        };
    }

    private String libelle(Champ champ, Object code) {
        return codes.libelle(champ.liste(), String.valueOf(code)).orElse(String.valueOf(code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objet(Object map) {
        return (Map<String, Object>) map;
    }
}
