package fr.sne.core.attestation;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.territoire.Territoire;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Words an application and its territory's reference data into the content of an attestation. */
@Singleton
class Redaction {

    /** The reference data an attestation needs besides the application itself. */
    record References(Territoire territoire, AttestationRepository.GuichetLu guichet,
                      Optional<AttestationRepository.CommissionLue> commission,
                      List<AttestationRepository.PatrimoineLu> patrimoine, Map<String, String> communes) {
    }

    private final ListesCodes codes;

    Redaction(ListesCodes codes) {
        this.codes = codes;
    }

    ContenuAttestation rediger(DemandeJson.Demande d, References r, LocalDate aujourdhui) {
        DemandeJson.Contenu c = d.contenu();
        DemandeJson.Demandeur demandeur = c.demandeur();
        AttestationRepository.GuichetLu g = r.guichet();
        ContenuAttestation.Service service = new ContenuAttestation.Service(g.nom(), g.code(), libelleType(g.type()),
                g.adresse() == null ? List.of() : List.of(g.adresse().split("\\s*,\\s*(?=[0-9]{5} )|\\s*\\n\\s*")),
                g.courriel());
        Adresse adresse = adresse(demandeur, r.communes());
        List<String> souhaitees = c.logementRecherche() == null || c.logementRecherche().communesSouhaitees() == null
                ? List.of() : c.logementRecherche().communesSouhaitees();
        int delai = r.territoire().delaiAnormalementLongMois();
        ContenuAttestation.Dalo dalo = new ContenuAttestation.Dalo(Format.pluriel(delai, "mois", "mois"),
                Format.date(d.dateDepot().plusMonths(delai)), r.commission().map(m -> new ContenuAttestation.Commission(
                m.nom(), m.adresse(), m.telephone(), m.courriel(), m.site())).orElse(null));
        return new ContenuAttestation(d.numeroUnique(), Format.numero(d.numeroUnique()),
                "ACTIVE".equals(d.etat()) ? "Active" : "Radiée", Format.date(d.dateDepot()),
                Format.date(d.dateDernierRenouvellement()), Format.date(d.dateProchainRenouvellement()),
                Format.date(aujourdhui), g.communeNom(), personne("Demandeur", demandeur.civilite(), demandeur.prenoms(),
                demandeur.nomNaissance(), demandeur.nomUsage(), demandeur.dateNaissance()),
                c.cotitulairesOuVide().stream().filter(Objects::nonNull).map(p -> personne("Co-titulaire"
                                + codes.libelle("lienDemandeur", p.lienDemandeur()).map(l -> " (" + l.toLowerCase() + ")").orElse(""),
                        p.civilite(), p.prenoms(), p.nomNaissance(), p.nomUsage(), p.dateNaissance())).toList(),
                adresse.lignes(civilite(demandeur.civilite()) + nomComplet(demandeur.prenoms(), demandeur.nomNaissance(),
                        demandeur.nomUsage(), false)), adresse.complete(),
                demandeur.mel(), Stream.of(demandeur.telPortable(), demandeur.telFixe()).filter(t -> !Format.vide(t))
                .findFirst().map(Format::telephone).orElse(null), Boolean.TRUE.equals(demandeur.assiste()), service, r.territoire().nom(),
                communes(souhaitees, r), dalo, resume(c), piecesRequises(demandeur), List.of());
    }

    private List<ContenuAttestation.CommuneSouhaitee> communes(List<String> souhaitees, References r) {
        List<ContenuAttestation.CommuneSouhaitee> list = new ArrayList<>();
        int rang = 1;
        for (String code : souhaitees) {
            List<ContenuAttestation.Bailleur> bailleurs = r.patrimoine().stream().filter(p -> p.commune().equals(code))
                    .map(p -> new ContenuAttestation.Bailleur(p.bailleur(), p.siren(), p.adresse(), p.telephone(),
                            Format.pluriel(p.logements(), "logement", "logements"))).toList();
            long total = r.patrimoine().stream().filter(p -> p.commune().equals(code)).mapToLong(p -> p.logements()).sum();
            list.add(new ContenuAttestation.CommuneSouhaitee(rang++, code, r.communes().getOrDefault(code, code), bailleurs,
                    total == 0 ? null : Format.pluriel(total, "logement social", "logements sociaux")));
        }
        return list;
    }

    private ContenuAttestation.Resume resume(DemandeJson.Contenu c) {
        DemandeJson.Demandeur d = c.demandeur();
        List<ContenuAttestation.Personne> menage = new ArrayList<>();
        menage.add(personne("Demandeur", d.civilite(), d.prenoms(), d.nomNaissance(), d.nomUsage(), d.dateNaissance()));
        for (DemandeJson.Cotitulaire p : c.cotitulairesOuVide()) {
            if (p != null) {
                menage.add(personne("Co-titulaire" + codes.libelle("lienDemandeur", p.lienDemandeur())
                                .map(l -> " (" + l.toLowerCase() + ")").orElse(""), p.civilite(), p.prenoms(), p.nomNaissance(),
                        p.nomUsage(), p.dateNaissance()));
            }
        }
        for (DemandeJson.PersonneACharge p : c.personnesAChargeOuVide()) {
            if (p != null) {
                menage.add(personne("Personne à charge" + codes.libelle("lienParente", p.lienParente())
                                .map(l -> " (" + l.toLowerCase() + ")").orElse(""),
                        "F".equals(p.sexe()) ? "2" : "M".equals(p.sexe()) ? "1" : null, p.prenoms(), p.nomNaissance(), null,
                        p.dateNaissance()));
            }
        }
        int aNaitre = c.enfantsANaitre() == null || c.enfantsANaitre().nombre() == null ? 0 : c.enfantsANaitre().nombre();
        if (aNaitre > 0) {
            menage.add(new ContenuAttestation.Personne(aNaitre == 1 ? "Enfant à naître" : aNaitre + " enfants à naître", "—",
                    Optional.ofNullable(Format.date(c.enfantsANaitre().dateNaissancePrevue())).map(s -> "prévue le " + s)
                            .orElse("—")));
        }
        for (DemandeJson.PersonneEnGarde p : c.personnesEnGardeOuVide()) {
            if (p != null) {
                menage.add(new ContenuAttestation.Personne("Enfant en " + codes.libelle("coParentalite", p.coParentalite())
                        .map(String::toLowerCase).orElse("garde"), Format.vide(p.prenoms()) ? "—" : p.prenoms(),
                        Optional.ofNullable(Format.date(p.dateNaissance())).orElse("—")));
            }
        }
        long enGarde = c.personnesEnGardeOuVide().stream().filter(p -> p != null && "G".equals(p.coParentalite())).count();
        long taille = 1 + c.cotitulairesOuVide().size() + c.personnesAChargeOuVide().size() + aNaitre + enGarde;

        DemandeJson.LogementRecherche l = c.logementRecherche();
        List<String> types = l == null || l.typesLogement() == null ? List.of()
                : l.typesLogement().stream().map(t -> codes.libelle("typeLogement", t).orElse(t)).toList();
        List<String> motifs = c.motifs() == null ? List.of()
                : c.motifs().stream().map(m -> codes.libelle("motifDemande", m).orElse(m)).toList();
        if (!Format.vide(c.motifPrecision())) {
            motifs = Stream.concat(motifs.stream(), Stream.of("Précision : " + c.motifPrecision())).toList();
        }
        long recues = somme(d.ressourcesRecues()) + somme(d.ressourcesRecuesPersonnesACharge())
                + c.cotitulairesOuVide().stream().filter(Objects::nonNull).mapToLong(p -> somme(p.ressourcesRecues())).sum();
        long versees = somme(d.ressourcesVersees()) + somme(d.ressourcesVerseesPersonnesACharge())
                + c.cotitulairesOuVide().stream().filter(Objects::nonNull).mapToLong(p -> somme(p.ressourcesVersees())).sum();
        Integer rfr = d.revenuFiscal() == null ? null : d.revenuFiscal().montantMoins2();
        String revenuFiscal = rfr == null ? null
                : Format.euros(rfr) + Optional.ofNullable(d.revenuFiscal().anneeMoins2()).map(a -> " (revenus " + a + ")").orElse("");
        List<String> accessibilite = new ArrayList<>();
        if (l != null && l.etageMaximum() != null) {
            accessibilite.add("étage maximum : " + l.etageMaximum());
        }
        if (l != null && Boolean.TRUE.equals(l.ascenseurIndispensable())) {
            accessibilite.add("ascenseur indispensable");
        }
        if (c.handicap() != null) {
            accessibilite.add("logement adapté à une situation de handicap");
        }
        String dalo = c.priorite() == null || c.priorite().statutDalo() == null || "NON".equals(c.priorite().statutDalo()) ? null
                : codes.libelle("statutDalo", c.priorite().statutDalo()).orElse(c.priorite().statutDalo())
                + Optional.ofNullable(Format.date(c.priorite().dateDecisionDalo())).map(s -> ", décision du " + s).orElse("");
        return new ContenuAttestation.Resume(Format.pluriel(taille, "personne", "personnes"), menage, types,
                l == null ? null : codes.libelle("categorieLogementRecherche", l.categorie()).orElse(null), motifs,
                recues == 0 && versees == 0 ? null : Format.euros(recues - versees) + " par mois",
                revenuFiscal, l == null || l.loyerMaximum() == null ? null : Format.euros(l.loyerMaximum()) + " par mois",
                accessibilite.isEmpty() ? null : String.join(", ", accessibilite), dalo);
    }

    /** Registration requires the form and a proof of identity (a residence permit for non-EU nationals), nothing else. */
    private static List<String> piecesRequises(DemandeJson.Demandeur d) {
        if ("3".equals(d.nationalite())) {
            return List.of("Titre de séjour en cours de validité du demandeur (ou pièce d’identité et justificatif de "
                    + "séjour régulier)");
        }
        return List.of("Pièce d’identité du demandeur (carte nationale d’identité ou passeport)");
    }

    private static long somme(List<DemandeJson.Ressource> ressources) {
        return ressources == null ? 0
                : ressources.stream().filter(r -> r != null && r.montant() != null).mapToLong(DemandeJson.Ressource::montant).sum();
    }

    private ContenuAttestation.Personne personne(String role, String civilite, String prenoms, String nomNaissance,
                                                 String nomUsage, LocalDate naissance) {
        String ne = "2".equals(civilite) || "3".equals(civilite) ? "née" : "1".equals(civilite) ? "né" : "né(e)";
        String nom = nomComplet(prenoms, nomNaissance, nomUsage, true);
        return new ContenuAttestation.Personne(role, Format.vide(nom) ? "—" : nom,
                naissance == null ? "—" : ne + " le " + Format.date(naissance));
    }

    /** "Jean DUPONT"; with a usage name "Anne DURAND, née MARTIN" when {@code avecNaissance}. */
    private static String nomComplet(String prenoms, String nomNaissance, String nomUsage, boolean avecNaissance) {
        String p = Format.vide(prenoms) ? "" : prenoms.strip();
        String naissance = Format.vide(nomNaissance) ? "" : nomNaissance.strip().toUpperCase(java.util.Locale.FRENCH);
        if (Format.vide(nomUsage) || nomUsage.strip().equalsIgnoreCase(naissance)) {
            return (p + " " + naissance).strip();
        }
        String usage = nomUsage.strip().toUpperCase(java.util.Locale.FRENCH);
        return (p + " " + usage).strip() + (avecNaissance && !naissance.isEmpty() ? ", nom de naissance " + naissance : "");
    }

    private String civilite(String code) {
        return codes.libelle("civilite", code).map(c -> c + " ").orElse("");
    }

    private static String libelleType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "BAILLEUR" -> "Bailleur social";
            case "COMMUNE" -> "Commune";
            case "EPCI" -> "Intercommunalité";
            case "ETAT" -> "Services de l’État";
            case "RESERVATAIRE" -> "Réservataire";
            case "PORTAIL" -> "Portail grand public";
            default -> "Service enregistreur";
        };
    }

    /** A postal address in lines (French standard: up to 6 lines, the last in capitals without accents). */
    private record Adresse(List<String> corps, boolean complete) {
        List<String> lignes(String destinataire) {
            List<String> l = new ArrayList<>();
            l.add(destinataire.strip());
            l.addAll(corps);
            return l;
        }
    }

    private static Adresse adresse(DemandeJson.Demandeur d, Map<String, String> communes) {
        DemandeJson.Adresse a = d.adresse();
        if (a == null) {
            return new Adresse(List.of(), false);
        }
        List<String> lignes = new ArrayList<>();
        if (!Format.vide(a.complement())) {
            lignes.add(a.complement().strip());
        }
        String voie = ((Format.vide(a.numero()) ? "" : a.numero().strip() + " ") + (Format.vide(a.voie()) ? "" : a.voie().strip())).strip();
        if (!voie.isEmpty()) {
            lignes.add(voie);
        }
        if (Boolean.TRUE.equals(a.etranger())) {
            String localite = ((Format.vide(a.codePostal()) ? "" : a.codePostal().strip() + " ")
                    + (Format.vide(a.localite()) ? "" : a.localite().strip())).strip();
            if (!localite.isEmpty()) {
                lignes.add(Format.postal(localite));
            }
            if (!Format.vide(a.pays())) {
                lignes.add(Format.postal(a.pays()));
            }
            return new Adresse(lignes, !voie.isEmpty() && !localite.isEmpty() && !Format.vide(a.pays()));
        }
        String commune = a.communeInsee() == null ? null : communes.get(a.communeInsee());
        String derniere = ((Format.vide(a.codePostal()) ? "" : a.codePostal().strip() + " ") + (commune == null ? "" : commune)).strip();
        if (!derniere.isEmpty()) {
            lignes.add(Format.postal(derniere));
        }
        return new Adresse(lignes, !voie.isEmpty() && !Format.vide(a.codePostal()) && commune != null);
    }
}
