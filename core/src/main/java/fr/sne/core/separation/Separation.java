package fr.sne.core.separation;

import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * What the desk decides when a couple separates: which co-holder leaves (rank from 1), where
 * they live now, their family situation and contacts, which dependants go with them. The new
 * application is built from the original: the co-holder becomes the applicant (civil status,
 * NIR, work, income and resources carried over), without co-holder, with the chosen dependants,
 * the same housing sought, and the motif "Divorce, séparation".
 */
@Serdeable
public record Separation(int rangCotitulaire, @Nullable DemandeJson.Adresse adresse, @Nullable String situationFamiliale,
                         @Nullable String mel, @Nullable String telPortable, @Nullable List<Integer> personnesACharge,
                         @Nullable String confirmationNonDoublon) {

    /** The motif code "Divorce, séparation" (interfaceNuu list motifDemande). */
    static final String MOTIF_SEPARATION = "11";

    /**
     * The creation request for the former co-holder; throws {@link DemandeInvalide} naming the
     * fields when the choice does not fit the original (the content's own checks come after).
     */
    DemandeJson.Creation creation(DemandeJson.Demande origine) {
        List<Probleme.Anomalie> anomalies = anomalies(origine);
        if (!anomalies.isEmpty()) {
            throw new DemandeInvalide(anomalies);
        }
        DemandeJson.Contenu avant = origine.contenu();
        DemandeJson.Cotitulaire c = avant.cotitulairesOuVide().get(rangCotitulaire - 1);
        DemandeJson.Demandeur demandeur = new DemandeJson.Demandeur(c.civilite(), c.nomNaissance(), c.nomUsage(), c.prenoms(),
                c.dateNaissance(), null, null, c.nationalite(), c.paysNationalite(), c.nir(), situationFamiliale,
                texte(mel), texte(telPortable), null, adresse, null, c.situationProfessionnelle(), c.revenuFiscal(),
                c.ressourcesRecues(), c.ressourcesVersees(), null, null);
        List<DemandeJson.PersonneACharge> personnes = new ArrayList<>();
        for (Integer rang : personnesACharge == null ? List.<Integer>of() : personnesACharge) {
            personnes.add(avant.personnesAChargeOuVide().get(rang - 1));
        }
        DemandeJson.Contenu contenu = new DemandeJson.Contenu(demandeur, null, personnes.isEmpty() ? null : personnes, null,
                null, avant.logementActuel(), List.of(MOTIF_SEPARATION), null, avant.logementRecherche(), null, null);
        return new DemandeJson.Creation(contenu, texte(confirmationNonDoublon), null);
    }

    List<Probleme.Anomalie> anomalies(DemandeJson.Demande origine) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        int cotitulaires = origine.contenu().cotitulairesOuVide().size();
        if (rangCotitulaire < 1 || rangCotitulaire > cotitulaires) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "rangCotitulaire",
                    "Choisissez le cotitulaire pour qui la demande est créée."));
        }
        int personnes = origine.contenu().personnesAChargeOuVide().size();
        if (personnesACharge != null && (personnesACharge.stream().anyMatch(r -> r == null || r < 1 || r > personnes)
                || personnesACharge.stream().distinct().count() != personnesACharge.size())) {
            anomalies.add(new Probleme.Anomalie("INCONNU", "personnesACharge",
                    "Chaque personne à charge choisie doit exister, une seule fois, dans la demande d’origine."));
        }
        if (blanc(situationFamiliale)) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "demandeur.situationFamiliale",
                    "Indiquez la situation familiale de l’ancien cotitulaire."));
        }
        if (adresse == null || blanc(adresse.voie()) || blanc(adresse.codePostal()) || blanc(adresse.communeInsee())) {
            anomalies.add(new Probleme.Anomalie("OBLIGATOIRE", "demandeur.adresse",
                    "Indiquez l’adresse actuelle de l’ancien cotitulaire (voie, code postal et commune)."));
        }
        return anomalies;
    }

    private static boolean blanc(String s) {
        return s == null || s.isBlank();
    }

    private static String texte(String s) {
        return blanc(s) ? null : s.strip();
    }
}
