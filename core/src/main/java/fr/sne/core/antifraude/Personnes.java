package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandeJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persons whose names the anti-fraud rule watches — the applicant ({@code demandeur}) and
 * the co-holders ({@code cotitulaires[i]}, by rank: the CERFA has one) — and their names read
 * from, or set into, a content. A co-holder added or removed is not a change of name.
 */
final class Personnes {

    private Personnes() {
    }

    /** A person's birth name and first names. */
    record Noms(String nom, String prenoms) {
    }

    /** The persons present in both contents. */
    static List<String> communes(DemandeJson.Contenu avant, DemandeJson.Contenu apres) {
        List<String> personnes = new ArrayList<>();
        if (avant.demandeur() != null && apres.demandeur() != null) {
            personnes.add("demandeur");
        }
        int cotitulaires = Math.min(avant.cotitulairesOuVide().size(), apres.cotitulairesOuVide().size());
        for (int i = 0; i < cotitulaires; i++) {
            if (avant.cotitulairesOuVide().get(i) != null && apres.cotitulairesOuVide().get(i) != null) {
                personnes.add("cotitulaires[" + i + "]");
            }
        }
        return personnes;
    }

    static Optional<Noms> noms(DemandeJson.Contenu contenu, String personne) {
        if ("demandeur".equals(personne)) {
            DemandeJson.Demandeur d = contenu.demandeur();
            return d == null ? Optional.empty() : Optional.of(new Noms(d.nomNaissance(), d.prenoms()));
        }
        int i = rang(personne);
        List<DemandeJson.Cotitulaire> cotitulaires = contenu.cotitulairesOuVide();
        if (i >= cotitulaires.size() || cotitulaires.get(i) == null) {
            return Optional.empty();
        }
        return Optional.of(new Noms(cotitulaires.get(i).nomNaissance(), cotitulaires.get(i).prenoms()));
    }

    /** The content with this person's names replaced (the person must be there). */
    static DemandeJson.Contenu avecNoms(DemandeJson.Contenu c, String personne, Noms n) {
        if ("demandeur".equals(personne)) {
            DemandeJson.Demandeur d = c.demandeur();
            DemandeJson.Demandeur nouveau = new DemandeJson.Demandeur(d.civilite(), n.nom(), d.nomUsage(), n.prenoms(),
                    d.dateNaissance(), d.paysNaissance(), d.communeNaissance(), d.nationalite(), d.paysNationalite(), d.nir(),
                    d.situationFamiliale(), d.mel(), d.telPortable(), d.telFixe(), d.adresse(), d.assiste(),
                    d.situationProfessionnelle(), d.revenuFiscal(), d.ressourcesRecues(), d.ressourcesVersees(),
                    d.ressourcesRecuesPersonnesACharge(), d.ressourcesVerseesPersonnesACharge());
            return new DemandeJson.Contenu(nouveau, c.cotitulaires(), c.personnesACharge(), c.enfantsANaitre(),
                    c.personnesEnGarde(), c.logementActuel(), c.motifs(), c.motifPrecision(), c.logementRecherche(),
                    c.handicap(), c.priorite());
        }
        int i = rang(personne);
        List<DemandeJson.Cotitulaire> cotitulaires = new ArrayList<>(c.cotitulairesOuVide());
        DemandeJson.Cotitulaire p = cotitulaires.get(i);
        cotitulaires.set(i, new DemandeJson.Cotitulaire(p.civilite(), n.nom(), p.nomUsage(), n.prenoms(), p.dateNaissance(),
                p.nationalite(), p.paysNationalite(), p.nir(), p.situationFamiliale(), p.lienDemandeur(), p.mel(),
                p.telPortable(), p.situationProfessionnelle(), p.revenuFiscal(), p.ressourcesRecues(), p.ressourcesVersees()));
        return new DemandeJson.Contenu(c.demandeur(), cotitulaires, c.personnesACharge(), c.enfantsANaitre(),
                c.personnesEnGarde(), c.logementActuel(), c.motifs(), c.motifPrecision(), c.logementRecherche(),
                c.handicap(), c.priorite());
    }

    /** "du demandeur", "du cotitulaire 1". */
    static String duLaPersonne(String personne) {
        return "demandeur".equals(personne) ? "du demandeur" : "du cotitulaire " + (rang(personne) + 1);
    }

    private static int rang(String personne) {
        return Integer.parseInt(personne.substring("cotitulaires[".length(), personne.length() - 1));
    }
}
