package fr.sne.core.saisie;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.geographie.Geographie;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** An application as a person reads it: sections of labelled values, codes turned into their labels. */
@Singleton
class FicheDemande {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Ligne(String libelle, String valeur) {
    }

    record Section(String titre, List<Ligne> lignes) {
    }

    private final ListesCodes codes;
    private final Geographie geographie;

    FicheDemande(ListesCodes codes, Geographie geographie) {
        this.codes = codes;
        this.geographie = geographie;
    }

    /** Reads the geography for commune names: call inside a transaction. */
    List<Section> sections(DemandeJson.Contenu c) {
        List<Section> sections = new ArrayList<>();
        DemandeJson.Demandeur d = c.demandeur();
        sections.add(section("Demandeur", l -> {
            l.add(new Ligne("Civilité", code("civilite", d.civilite())));
            l.add(new Ligne("Nom de naissance", d.nomNaissance()));
            l.add(new Ligne("Nom d’usage", d.nomUsage()));
            l.add(new Ligne("Prénoms", d.prenoms()));
            l.add(new Ligne("Date de naissance", date(d.dateNaissance())));
            l.add(new Ligne("Nationalité", code("nationalite", d.nationalite())
                    + (d.paysNationalite() == null ? "" : " (" + d.paysNationalite() + ")")));
            l.add(new Ligne("Numéro de sécurité sociale", d.nir() == null ? null : "renseigné"));
            l.add(new Ligne("Situation familiale", code("situationFamiliale", d.situationFamiliale())));
            l.add(new Ligne("Adresse", adresse(d.adresse())));
            l.add(new Ligne("Adresse électronique", d.mel()));
            l.add(new Ligne("Téléphone", d.telPortable() != null ? d.telPortable() : d.telFixe()));
            l.add(new Ligne("Accompagné dans ses démarches", Boolean.TRUE.equals(d.assiste()) ? "Oui" : null));
            l.add(new Ligne("Profession", profession(d.situationProfessionnelle())));
        }));
        for (DemandeJson.Cotitulaire p : c.cotitulairesOuVide()) {
            sections.add(section("Cotitulaire", l -> {
                l.add(new Ligne("Lien avec le demandeur", code("lienDemandeur", p.lienDemandeur())));
                l.add(new Ligne("Nom et prénoms", nom(p.nomNaissance(), p.nomUsage(), p.prenoms())));
                l.add(new Ligne("Date de naissance", date(p.dateNaissance())));
                l.add(new Ligne("Nationalité", code("nationalite", p.nationalite())));
                l.add(new Ligne("Profession", profession(p.situationProfessionnelle())));
            }));
        }
        sections.add(section("Composition du foyer", l -> {
            for (DemandeJson.PersonneACharge p : c.personnesAChargeOuVide()) {
                l.add(new Ligne(code("lienParente", p.lienParente()) == null ? "Personne à charge" : code("lienParente", p.lienParente()),
                        nom(p.nomNaissance(), null, p.prenoms()) + ", né(e) le " + date(p.dateNaissance())));
            }
            if (c.enfantsANaitre() != null && c.enfantsANaitre().nombre() != null) {
                l.add(new Ligne("Enfants à naître", c.enfantsANaitre().nombre()
                        + (c.enfantsANaitre().dateNaissancePrevue() == null ? "" : ", naissance prévue le " + date(c.enfantsANaitre().dateNaissancePrevue()))));
            }
            for (DemandeJson.PersonneEnGarde p : c.personnesEnGardeOuVide()) {
                l.add(new Ligne(code("coParentalite", p.coParentalite()), (p.prenoms() == null ? "Enfant" : p.prenoms())
                        + ", né(e) le " + date(p.dateNaissance())));
            }
        }));
        sections.add(section("Ressources", l -> {
            ressources(l, "Demandeur", d.ressourcesRecues(), d.ressourcesVersees());
            for (DemandeJson.Cotitulaire p : c.cotitulairesOuVide()) {
                ressources(l, "Cotitulaire", p.ressourcesRecues(), p.ressourcesVersees());
            }
            ressources(l, "Personnes à charge", d.ressourcesRecuesPersonnesACharge(), d.ressourcesVerseesPersonnesACharge());
            if (d.revenuFiscal() != null && d.revenuFiscal().montantMoins2() != null) {
                l.add(new Ligne("Revenu fiscal de référence " + Objects.requireNonNullElse(d.revenuFiscal().anneeMoins2(), "N-2")
                        + " (demandeur)", d.revenuFiscal().montantMoins2() + " €"));
            }
        }));
        DemandeJson.LogementActuel la = c.logementActuel();
        if (la != null) {
            sections.add(section("Logement actuel", l -> {
                l.add(new Ligne("Situation", codes(la.modelesLogement(), "modeleLogement")));
                l.add(new Ligne("Loyer mensuel", la.montantMensuelLoyer() == null ? null : la.montantMensuelLoyer() + " €"));
                l.add(new Ligne("Type", code("typeLogement", la.typeLogement())));
                l.add(new Ligne("Surface", la.surface() == null ? null : la.surface() + " m²"));
                l.add(new Ligne("Personnes y habitant", la.nombreHabitants() == null ? null : la.nombreHabitants().toString()));
            }));
        }
        sections.add(section("Motifs", l -> {
            l.add(new Ligne("Motifs", codes(c.motifs(), "motifDemande")));
            l.add(new Ligne("Précision", c.motifPrecision()));
        }));
        DemandeJson.LogementRecherche r = c.logementRecherche();
        sections.add(section("Logement recherché", l -> {
            if (r != null) {
                l.add(new Ligne("Communes souhaitées", r.communesSouhaitees() == null ? null : r.communesSouhaitees().stream()
                        .map(code -> geographie.commune(code).map(x -> x.nom() + " (" + code + ")").orElse(code))
                        .collect(Collectors.joining(", "))));
                l.add(new Ligne("Types", codes(r.typesLogement(), "typeLogement")));
                l.add(new Ligne("Catégorie", code("categorieLogementRecherche", r.categorie())));
                l.add(new Ligne("Étage maximum", r.etageMaximum() == null ? null : r.etageMaximum().toString()));
                l.add(new Ligne("Ascenseur indispensable", Boolean.TRUE.equals(r.ascenseurIndispensable()) ? "Oui" : null));
                l.add(new Ligne("Loyer maximum", r.loyerMaximum() == null ? null : r.loyerMaximum() + " €"));
            }
        }));
        if (c.handicap() != null) {
            DemandeJson.Handicap h = c.handicap();
            sections.add(section("Handicap", l -> {
                l.add(new Ligne("Personnes concernées", h.nombrePersonnes() == null ? null : h.nombrePersonnes().toString()));
                l.add(new Ligne("Capacité à monter des marches", code("capaciteMarcheHandicap", h.capaciteMarche())));
                l.add(new Ligne("Aides techniques", codes(h.aidesTechniques(), "aideTechniqueHandicap")));
                l.add(new Ligne("Équipements nécessaires", codes(h.equipements(), "equipementHandicap")));
            }));
        }
        if (c.priorite() != null) {
            DemandeJson.Priorite p = c.priorite();
            sections.add(section("Priorité et DALO", l -> {
                l.add(new Ligne("DALO", code("statutDalo", p.statutDalo())
                        + (p.dateDecisionDalo() == null ? "" : ", décision du " + date(p.dateDecisionDalo()))));
                l.add(new Ligne("Situations prioritaires", codes(p.categories(), "categoriePrioritaire")));
            }));
        }
        return sections;
    }

    private static Section section(String titre, Consumer<List<Ligne>> remplir) {
        List<Ligne> lignes = new ArrayList<>();
        remplir.accept(lignes);
        return new Section(titre, lignes.stream().filter(l -> l.valeur() != null && !l.valeur().isBlank()
                && !l.valeur().equals("null")).toList());
    }

    private void ressources(List<Ligne> l, String qui, List<DemandeJson.Ressource> recues, List<DemandeJson.Ressource> versees) {
        for (DemandeJson.Ressource r : recues == null ? List.<DemandeJson.Ressource>of() : recues) {
            l.add(new Ligne(qui + " — " + code("ressourceRecue", r.code()), r.montant() + " € par mois"));
        }
        for (DemandeJson.Ressource r : versees == null ? List.<DemandeJson.Ressource>of() : versees) {
            l.add(new Ligne(qui + " — " + code("ressourceVersee", r.code()), "− " + r.montant() + " € par mois"));
        }
    }

    private String code(String liste, String code) {
        return code == null ? null : codes.libelle(liste, code).orElse(code);
    }

    private String codes(List<String> valeurs, String liste) {
        return valeurs == null || valeurs.isEmpty() ? null : valeurs.stream().map(v -> code(liste, v)).collect(Collectors.joining(", "));
    }

    private static String date(LocalDate d) {
        return d == null ? "date inconnue" : DATE.format(d);
    }

    private static String nom(String naissance, String usage, String prenoms) {
        return ((usage != null ? usage + " (nom de naissance " + naissance + ")" : Objects.requireNonNullElse(naissance, "")) + " "
                + Objects.requireNonNullElse(prenoms, "")).strip();
    }

    private String adresse(DemandeJson.Adresse a) {
        if (a == null) {
            return null;
        }
        String commune = a.communeInsee() == null ? "" : geographie.commune(a.communeInsee()).map(x -> x.nom()).orElse(a.communeInsee());
        return String.join(" ", Objects.requireNonNullElse(a.numero(), ""), Objects.requireNonNullElse(a.voie(), ""),
                Objects.requireNonNullElse(a.complement(), ""), Objects.requireNonNullElse(a.codePostal(), ""), commune)
                .replaceAll("\\s+", " ").strip();
    }

    private String profession(DemandeJson.SituationProfessionnelle s) {
        if (s == null) {
            return null;
        }
        return String.join(", ", java.util.stream.Stream.of(s.profession(), code("typeContratTravail", s.typeContratTravail()),
                s.nomEmployeur()).filter(Objects::nonNull).toList());
    }
}
