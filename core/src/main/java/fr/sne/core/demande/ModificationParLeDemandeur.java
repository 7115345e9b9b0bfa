package fr.sne.core.demande;

import fr.sne.tenants.web.Probleme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The update rule for applicants (issue #4, "Update"): once their application has left their
 * hands (submitted online, or registered), an applicant may change everything except their civil
 * status and NIR, those of the co-holders, and may not remove a co-holder — these go through a
 * desk, which checks them against documents. A value left empty may still be filled in. This is
 * the one place stating the rule; forms use {@link #champsVerrouilles} to show the fields
 * read-only, services {@link #interdites} to refuse the change.
 */
public final class ModificationParLeDemandeur {

    private ModificationParLeDemandeur() {
    }

    /** The locked fields of a content (JSON paths such as {@code demandeur.nomNaissance}) that hold a value. */
    public static Set<String> champsVerrouilles(DemandeJson.Contenu avant) {
        return verrouilles(avant).keySet();
    }

    /** The forbidden changes between two contents, each naming its field, in French; empty when allowed. */
    public static List<Probleme.Anomalie> interdites(DemandeJson.Contenu avant, DemandeJson.Contenu apres) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        Map<String, Object> nouveaux = valeurs(apres);
        int restants = apres.cotitulairesOuVide().size();
        verrouilles(avant).forEach((champ, valeur) -> {
            // a removed co-holder is reported once, below
            if (!Objects.equals(valeur, nouveaux.get(champ)) && !retire(champ, restants)) {
                anomalies.add(new Probleme.Anomalie("NON_MODIFIABLE", champ, message(champ)));
            }
        });
        int retires = avant.cotitulairesOuVide().size() - apres.cotitulairesOuVide().size();
        for (int i = apres.cotitulairesOuVide().size(); retires > 0 && i < avant.cotitulairesOuVide().size(); i++) {
            anomalies.add(new Probleme.Anomalie("NON_MODIFIABLE", "cotitulaires[" + i + "]",
                    "Un cotitulaire ne peut pas être retiré de la demande en ligne : adressez-vous à un guichet enregistreur."));
        }
        return anomalies;
    }

    private static boolean retire(String champ, int restants) {
        if (!champ.startsWith("cotitulaires[")) {
            return false;
        }
        return Integer.parseInt(champ.substring("cotitulaires[".length(), champ.indexOf(']'))) >= restants;
    }

    private static String message(String champ) {
        if (champ.startsWith("priorite.")) {
            return "La reconnaissance DALO ne peut plus être modifiée par le demandeur : un guichet enregistreur la met à jour "
                    + "au vu de la décision de la commission de médiation.";
        }
        String quoi = champ.endsWith(".nir") ? "Le numéro de sécurité sociale" : "L’état civil (civilité, noms, prénoms, date et lieu de naissance)";
        return quoi + " ne peut plus être modifié par le demandeur : adressez-vous à un guichet enregistreur, "
                + "qui le corrigera au vu d’un justificatif.";
    }

    private static Map<String, Object> verrouilles(DemandeJson.Contenu c) {
        Map<String, Object> v = valeurs(c);
        v.values().removeIf(Objects::isNull);
        return v;
    }

    /** Every locked field of a content with its normalised value (null when empty). */
    private static Map<String, Object> valeurs(DemandeJson.Contenu c) {
        Map<String, Object> v = new LinkedHashMap<>();
        DemandeJson.Demandeur d = c.demandeur();
        if (d != null) {
            personne(v, "demandeur", d.civilite(), d.nomNaissance(), d.prenoms(), d.dateNaissance(), d.nir());
            v.put("demandeur.paysNaissance", texte(d.paysNaissance()));
            v.put("demandeur.communeNaissance", texte(d.communeNaissance()));
        }
        if (c.priorite() != null) {
            // the DALO decision is the mediation commission's: desks record it from the decision
            v.put("priorite.statutDalo", texte(c.priorite().statutDalo()));
            v.put("priorite.dateDecisionDalo", c.priorite().dateDecisionDalo());
        }
        List<DemandeJson.Cotitulaire> cotitulaires = c.cotitulairesOuVide();
        for (int i = 0; i < cotitulaires.size(); i++) {
            DemandeJson.Cotitulaire p = cotitulaires.get(i);
            if (p != null) {
                personne(v, "cotitulaires[" + i + "]", p.civilite(), p.nomNaissance(), p.prenoms(), p.dateNaissance(), p.nir());
            }
        }
        return v;
    }

    private static void personne(Map<String, Object> v, String p, String civilite, String nomNaissance, String prenoms,
                                 LocalDate dateNaissance, String nir) {
        v.put(p + ".civilite", texte(civilite));
        v.put(p + ".nomNaissance", texte(nomNaissance));
        v.put(p + ".prenoms", texte(prenoms));
        v.put(p + ".dateNaissance", dateNaissance);
        v.put(p + ".nir", nir == null || nir.isBlank() ? null : nir.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
