package fr.sne.core.piece;

import fr.sne.core.demande.DemandeJson;
import fr.sne.documents.catalogue.TypePiece;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static fr.sne.documents.catalogue.TypePiece.*;

/**
 * The documents an application calls for, read from what the applicant declared: the identity
 * document (or residence permit) of the applicant and of each co-holder, the only documents
 * registration may require; and, advised for the instruction, the proofs of the declared
 * situation (household, taxable income, resources, current housing, reasons). Then which of them
 * the deposited documents cover, which are expired and which are still to be supplied.
 *
 * <p>One place for these rules, pure functions of the content and the documents: the portal's
 * "Mes pièces justificatives" and the desks' panel show the same list.
 */
public final class PiecesAttendues {

    /** Required to register the application, or advised to instruct it. */
    public enum Niveau { OBLIGATOIRE, CONSEILLEE }

    /** Whose document it is. */
    public enum Personne { DEMANDEUR, COTITULAIRE, MENAGE }

    /** Where an expected document stands. */
    public enum Etat {
        A_FOURNIR("À fournir"),
        FOURNIE("Fournie"),
        EXPIREE("Expirée — à remplacer"),
        /** A sensitive document the reader may not list: whether it was supplied is not theirs to know. */
        RESERVEE("Information réservée");

        private final String libelle;

        Etat(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /**
     * One expected document.
     *
     * @param code        stable identifier (form fields, anchors), e.g. {@code identite-demandeur}
     * @param types       the types that supply it, the first being the one proposed by default
     * @param nomPersonne the co-holder's first names and name; null otherwise
     */
    public record Attendue(String code, Niveau niveau, String titre, String explication, List<TypePiece> types,
                           Personne personne, String nomPersonne) {
        public Attendue {
            types = List.copyOf(types);
        }

        /** Opened only by desks and profiles allowed to see sensitive data (and the applicant). */
        public boolean sensible() {
            return types.stream().anyMatch(TypePiece::sensible);
        }
    }

    /** An expected document with its state and the deposited document supplying it, if any. */
    public record Suivi(Attendue attendue, Etat etat, PieceJustificative piece) {
    }

    static final String PROTEGEE = "Cette pièce est protégée : seuls les guichets qui traitent votre demande et les personnes "
            + "habilitées aux données sensibles peuvent l’ouvrir.";

    private static final Set<String> PRESTATIONS = Set.of("AF", "AAH", "AEEH", "AJPP", "RSA", "PAJE");
    private static final Set<String> PENSIONS = Set.of("RET", "PINV", "AMV");
    private static final Set<String> LOCATAIRE = Set.of("HLM", "LP", "RE");
    private static final Set<String> HEBERGE = Set.of("SLHT", "CPE", "CP", "LTG", "RS", "RHVS", "SH", "CDEFCM", "HOT");

    private PiecesAttendues() {
    }

    /** The documents this content calls for: the mandatory ones first, then the advised ones. */
    public static List<Attendue> pour(DemandeJson.Contenu contenu) {
        List<Attendue> a = new ArrayList<>();
        DemandeJson.Demandeur demandeur = contenu.demandeur();
        List<DemandeJson.Cotitulaire> cotitulaires = contenu.cotitulairesOuVide();

        // registration: an identity document or a residence permit for the applicant and each co-holder
        a.add(identite("identite-demandeur", demandeur == null ? null : demandeur.nationalite(), Personne.DEMANDEUR, null));
        for (int i = 0; i < cotitulaires.size(); i++) {
            DemandeJson.Cotitulaire c = cotitulaires.get(i);
            a.add(identite("identite-cotitulaire-" + i, c.nationalite(), Personne.COTITULAIRE, nom(c.prenoms(), c.nomUsage(),
                    c.nomNaissance())));
        }

        // household
        if (!contenu.personnesAChargeOuVide().isEmpty()) {
            a.add(conseillee("livret-famille", "Livret de famille ou actes de naissance des enfants",
                    "Pour chaque enfant à charge : le livret de famille complet ou son acte de naissance.",
                    List.of(LIVRET_FAMILLE, ACTE_NAISSANCE)));
        }
        if (contenu.enfantsANaitre() != null && contenu.enfantsANaitre().nombre() != null && contenu.enfantsANaitre().nombre() > 0) {
            a.add(conseillee("grossesse", "Certificat de grossesse",
                    "Il permet de compter l’enfant à naître dans la composition du ménage. " + PROTEGEE,
                    List.of(CERTIFICAT_GROSSESSE)));
        }
        String familiale = demandeur == null ? null : demandeur.situationFamiliale();
        if ("D".equals(familiale) || "S".equals(familiale) || motif(contenu, "11") || !contenu.personnesEnGardeOuVide().isEmpty()
                || ressources(contenu).anyMatch("PAR"::equals)) {
            a.add(conseillee("jugement-famille", "Jugement de divorce ou de séparation",
                    "Jugement, convention de divorce ou décision fixant la garde des enfants ou la pension alimentaire ; "
                            + "à défaut, tout justificatif de la séparation.", List.of(JUGEMENT_DIVORCE)));
        }

        // taxable income: the notice of each person who declared one, else the household's
        boolean declare = false;
        if (demandeur != null && declare(demandeur.revenuFiscal())) {
            a.add(avis("avis-imposition-demandeur", demandeur.revenuFiscal(), Personne.DEMANDEUR, null));
            declare = true;
        }
        for (int i = 0; i < cotitulaires.size(); i++) {
            DemandeJson.Cotitulaire c = cotitulaires.get(i);
            if (declare(c.revenuFiscal())) {
                a.add(avis("avis-imposition-cotitulaire-" + i, c.revenuFiscal(), Personne.COTITULAIRE,
                        nom(c.prenoms(), c.nomUsage(), c.nomNaissance())));
                declare = true;
            }
        }
        if (!declare) {
            a.add(conseillee("avis-imposition", "Avis d’imposition ou de non-imposition",
                    "Le dernier avis reçu de chaque personne appelée à vivre dans le logement : il justifie le revenu fiscal "
                            + "de référence, qui décide de l’accès au logement social.", List.of(AVIS_IMPOSITION)));
        }

        // monthly resources, by kind
        Set<String> codes = new LinkedHashSet<>(ressources(contenu).toList());
        if (codes.contains("SAL")) {
            a.add(conseillee("ressources-salaires", "Bulletins de salaire des trois derniers mois",
                    "Ou, pour une activité non salariée, le dernier bilan ou une attestation de votre comptable.",
                    List.of(BULLETIN_SALAIRE, CONTRAT_TRAVAIL)));
        }
        if (codes.contains("CHO")) {
            a.add(conseillee("ressources-chomage", "Attestation de France Travail",
                    "L’avis de paiement ou l’attestation des allocations chômage des trois derniers mois.",
                    List.of(ATTESTATION_FRANCE_TRAVAIL)));
        }
        if (codes.stream().anyMatch(PENSIONS::contains)) {
            a.add(conseillee("ressources-pensions", "Justificatif de pension ou de retraite",
                    "Le dernier avis de paiement de la retraite, de la pension d’invalidité ou du minimum vieillesse.",
                    List.of(PENSION_RETRAITE)));
        }
        if (codes.stream().anyMatch(PRESTATIONS::contains)) {
            a.add(conseillee("ressources-prestations", "Attestation de la CAF ou de la MSA",
                    "L’attestation de paiement des prestations (allocations familiales, RSA, AAH…) du dernier mois.",
                    List.of(ATTESTATION_CAF)));
        }
        if (etudiant(contenu)) {
            a.add(conseillee("etudiant", "Carte d’étudiant", "Ou un certificat de scolarité de l’année en cours.",
                    List.of(CARTE_ETUDIANT)));
        }

        // current housing
        List<String> modeles = contenu.logementActuel() == null || contenu.logementActuel().modelesLogement() == null
                ? List.of() : contenu.logementActuel().modelesLogement();
        if (modeles.stream().anyMatch(LOCATAIRE::contains)) {
            a.add(conseillee("logement-locataire", "Dernière quittance de loyer ou bail",
                    "La quittance du dernier mois, ou à défaut le bail de votre logement actuel.", List.of(QUITTANCE_LOYER, BAIL)));
        }
        if (modeles.stream().anyMatch(HEBERGE::contains)) {
            a.add(conseillee("logement-heberge", "Attestation d’hébergement",
                    "Une attestation de la personne ou de la structure qui vous héberge.", List.of(ATTESTATION_HEBERGEMENT)));
        }

        // particular situations (reasons of the application, priority categories)
        if (motif(contenu, "05") || categorie(contenu, "EXPUL")) {
            a.add(conseillee("expulsion", "Jugement d’expulsion",
                    "Le jugement, le commandement de quitter les lieux ou toute décision de la procédure d’expulsion.",
                    List.of(JUGEMENT_EXPULSION)));
        }
        if (motif(contenu, "06") || categorie(contenu, "VIOL")) {
            a.add(conseillee("violences", "Plainte ou ordonnance de protection",
                    "Un récépissé de plainte, une ordonnance de protection ou une décision de justice. " + PROTEGEE,
                    List.of(PLAINTE_VIOLENCES)));
        }
        if (motif(contenu, "07") || categorie(contenu, "HAND") || handicap(contenu)
                || codes.contains("AAH") || codes.contains("AEEH")) {
            a.add(conseillee("handicap", "Carte mobilité inclusion ou décision de la MDPH",
                    "Elle justifie le besoin d’un logement adapté. " + PROTEGEE, List.of(CARTE_MOBILITE_INCLUSION)));
        }
        if (motif(contenu, "08")) {
            a.add(conseillee("sante", "Certificat médical",
                    "Un certificat justifiant que votre état de santé demande un autre logement. " + PROTEGEE,
                    List.of(CERTIFICAT_MEDICAL)));
        }
        return List.copyOf(a);
    }

    /**
     * Where each expected document stands among the deposited ones (deleted ones excluded by the
     * caller). Expected documents of the same types are matched one document each (the applicant's
     * and the co-holder's identity cards), valid documents first, in the order they were deposited
     * (documents name no person: the applicant's own usually comes first); the others may share one
     * (a divorce judgment also fixing the alimony).
     *
     * @param sensiblesVisibles the reader may list sensitive documents; otherwise a sensitive
     *                          expected document reads {@link Etat#RESERVEE}
     */
    public static List<Suivi> suivre(List<Attendue> attendues, List<PieceJustificative> deposees, LocalDate jour,
                                     boolean sensiblesVisibles) {
        Map<Set<TypePiece>, Integer> rangs = new LinkedHashMap<>();
        List<Suivi> suivis = new ArrayList<>();
        for (Attendue a : attendues) {
            if (a.sensible() && !sensiblesVisibles) {
                suivis.add(new Suivi(a, Etat.RESERVEE, null));
                continue;
            }
            Set<TypePiece> types = EnumSet.copyOf(a.types());
            int rang = rangs.merge(types, 1, Integer::sum) - 1;
            List<PieceJustificative> candidates = deposees.stream().filter(p -> !p.supprimee())
                    .filter(p -> types.contains(typeRetenu(p)))
                    .sorted(Comparator.comparing((PieceJustificative p) -> p.perimee(jour))
                            .thenComparing(PieceJustificative::deposeLe).thenComparing(PieceJustificative::id))
                    .toList();
            PieceJustificative p = rang < candidates.size() ? candidates.get(rang) : null;
            suivis.add(new Suivi(a, p == null ? Etat.A_FOURNIR : p.perimee(jour) ? Etat.EXPIREE : Etat.FOURNIE, p));
        }
        return List.copyOf(suivis);
    }

    /** The type a document counts as: the one given, else what the analysis recognised. */
    static TypePiece typeRetenu(PieceJustificative p) {
        return p.type() != null ? p.type() : p.typeSuggere();
    }

    private static Attendue identite(String code, String nationalite, Personne personne, String nomPersonne) {
        String pour = personne == Personne.DEMANDEUR ? "" : " du cotitulaire";
        return switch (nationalite == null ? "" : nationalite) {
            case "1", "2" -> new Attendue(code, Niveau.OBLIGATOIRE, "Pièce d’identité" + pour,
                    "Carte nationale d’identité ou passeport en cours de validité. C’est la seule pièce exigée pour "
                            + "enregistrer la demande.", List.of(CARTE_IDENTITE, PASSEPORT), personne, nomPersonne);
            case "3" -> new Attendue(code, Niveau.OBLIGATOIRE, "Titre de séjour" + pour,
                    "Titre de séjour en cours de validité, ou récépissé de sa demande de renouvellement. C’est la seule pièce "
                            + "exigée pour enregistrer la demande.", List.of(TITRE_SEJOUR, RECEPISSE_TITRE_SEJOUR), personne,
                    nomPersonne);
            default -> new Attendue(code, Niveau.OBLIGATOIRE, "Pièce d’identité ou titre de séjour" + pour,
                    "Carte nationale d’identité, passeport ou, hors Union européenne, titre de séjour en cours de validité. "
                            + "C’est la seule pièce exigée pour enregistrer la demande.",
                    List.of(CARTE_IDENTITE, PASSEPORT, TITRE_SEJOUR, RECEPISSE_TITRE_SEJOUR), personne, nomPersonne);
        };
    }

    private static Attendue avis(String code, DemandeJson.RevenuFiscal r, Personne personne, String nomPersonne) {
        Integer annee = r.montantMoins1() != null ? r.anneeMoins1() : r.anneeMoins2();
        String titre = annee == null ? "Avis d’imposition" : "Avis d’imposition sur les revenus " + annee;
        String pour = personne == Personne.DEMANDEUR ? "" : " du cotitulaire";
        return new Attendue(code, Niveau.CONSEILLEE, titre + pour,
                "Avis d’imposition ou de non-imposition : il justifie le revenu fiscal de référence déclaré.",
                List.of(AVIS_IMPOSITION), personne, nomPersonne);
    }

    private static Attendue conseillee(String code, String titre, String explication, List<TypePiece> types) {
        return new Attendue(code, Niveau.CONSEILLEE, titre, explication, types, Personne.MENAGE, null);
    }

    private static boolean declare(DemandeJson.RevenuFiscal r) {
        return r != null && (r.montantMoins1() != null || r.montantMoins2() != null);
    }

    /** The codes of the household's monthly resources received (amounts declared as zero do not count). */
    private static Stream<String> ressources(DemandeJson.Contenu c) {
        Stream<DemandeJson.Ressource> s = Stream.empty();
        if (c.demandeur() != null) {
            s = Stream.concat(s, liste(c.demandeur().ressourcesRecues()));
            s = Stream.concat(s, liste(c.demandeur().ressourcesRecuesPersonnesACharge()));
        }
        for (DemandeJson.Cotitulaire co : c.cotitulairesOuVide()) {
            s = Stream.concat(s, liste(co.ressourcesRecues()));
        }
        return s.filter(r -> r.code() != null && (r.montant() == null || r.montant() > 0)).map(DemandeJson.Ressource::code);
    }

    private static <T> Stream<T> liste(List<T> l) {
        return l == null ? Stream.empty() : l.stream().filter(Objects::nonNull);
    }

    private static boolean etudiant(DemandeJson.Contenu c) {
        Stream<DemandeJson.SituationProfessionnelle> s = Stream.concat(
                Stream.ofNullable(c.demandeur()).map(DemandeJson.Demandeur::situationProfessionnelle),
                c.cotitulairesOuVide().stream().map(DemandeJson.Cotitulaire::situationProfessionnelle));
        return s.filter(Objects::nonNull).anyMatch(p -> "ETU".equals(p.typeContratTravail()));
    }

    private static boolean motif(DemandeJson.Contenu c, String code) {
        return c.motifs() != null && c.motifs().contains(code);
    }

    private static boolean categorie(DemandeJson.Contenu c, String code) {
        return c.priorite() != null && c.priorite().categories() != null && c.priorite().categories().contains(code);
    }

    private static boolean handicap(DemandeJson.Contenu c) {
        return c.handicap() != null && c.handicap().nombrePersonnes() != null && c.handicap().nombrePersonnes() > 0;
    }

    private static String nom(String prenoms, String nomUsage, String nomNaissance) {
        String nom = nomUsage != null && !nomUsage.isBlank() ? nomUsage : nomNaissance;
        String s = Stream.of(prenoms, nom).filter(x -> x != null && !x.isBlank()).map(String::strip)
                .reduce((x, y) -> x + " " + y).orElse("");
        return s.isEmpty() ? null : s;
    }
}
