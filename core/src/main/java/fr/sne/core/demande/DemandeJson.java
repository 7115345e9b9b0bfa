package fr.sne.core.demande;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * The application (CERFA 14069 v5) as the vendors' API v1.0 exchanges it, with the French
 * camelCase names of the interfaceNuu format. Codes come from the interfaceNuu code lists
 * ({@code listes-codes.json}) and the project's own lists ({@code listes-codes-sne.json}).
 * Amounts are whole euros (monthly for resources and rent, yearly for the taxable income).
 */
public final class DemandeJson {

    private DemandeJson() {
    }

    /** A postal address; {@code etranger} with {@code pays} and {@code localite} for an address abroad. */
    @Serdeable
    public record Adresse(@Nullable String numero, @Nullable String voie, @Nullable String complement,
                          @Nullable String codePostal, @Nullable String communeInsee, @Nullable Boolean etranger,
                          @Nullable String pays, @Nullable String localite) {
    }

    /** Work: the employer (name, SIRET) and the place of work (commune, or abroad). */
    @Serdeable
    public record SituationProfessionnelle(@Nullable String profession, @Nullable String typeContratTravail,
                                           @Nullable LocalDate dateDebutContrat, @Nullable String nomEmployeur,
                                           @Nullable String siretEmployeur, @Nullable Boolean etranger,
                                           @Nullable String codePostal, @Nullable String communeInsee) {
    }

    /** Taxable income (revenu fiscal de référence) of the two previous years. */
    @Serdeable
    public record RevenuFiscal(@Nullable Integer anneeMoins1, @Nullable Integer montantMoins1,
                               @Nullable Integer anneeMoins2, @Nullable Integer montantMoins2) {
    }

    /** A monthly resource, received ({@code ressourceRecue} codes) or paid ({@code ressourceVersee}). */
    @Serdeable
    public record Ressource(@Nullable String code, @Nullable Integer montant) {
    }

    /** The applicant: civil status, contacts, address, situation and resources. */
    @Serdeable
    public record Demandeur(@Nullable String civilite, @Nullable String nomNaissance, @Nullable String nomUsage,
                            @Nullable String prenoms, @Nullable LocalDate dateNaissance, @Nullable String paysNaissance,
                            @Nullable String communeNaissance, @Nullable String nationalite,
                            @Nullable String paysNationalite, @Nullable String nir, @Nullable String situationFamiliale,
                            @Nullable String mel, @Nullable String telPortable, @Nullable String telFixe,
                            @Nullable Adresse adresse, @Nullable Boolean assiste,
                            @Nullable SituationProfessionnelle situationProfessionnelle,
                            @Nullable RevenuFiscal revenuFiscal, @Nullable List<Ressource> ressourcesRecues,
                            @Nullable List<Ressource> ressourcesVersees,
                            @Nullable List<Ressource> ressourcesRecuesPersonnesACharge,
                            @Nullable List<Ressource> ressourcesVerseesPersonnesACharge) {

        /** The minimal applicant of the contract's example (the other parts absent). */
        public static Demandeur minimal(String civilite, String nomNaissance, String nomUsage, String prenoms,
                                        LocalDate dateNaissance, String nationalite, String mel, String telPortable,
                                        Adresse adresse) {
            return new Demandeur(civilite, nomNaissance, nomUsage, prenoms, dateNaissance, null, null, nationalite, null,
                    null, null, mel, telPortable, null, adresse, null, null, null, null, null, null, null);
        }
    }

    /** A co-holder (spouse, partner, co-tenant): a person to be housed who signs the lease. */
    @Serdeable
    public record Cotitulaire(@Nullable String civilite, @Nullable String nomNaissance, @Nullable String nomUsage,
                              @Nullable String prenoms, @Nullable LocalDate dateNaissance, @Nullable String nationalite,
                              @Nullable String paysNationalite, @Nullable String nir, @Nullable String situationFamiliale,
                              @Nullable String lienDemandeur, @Nullable String mel, @Nullable String telPortable,
                              @Nullable SituationProfessionnelle situationProfessionnelle,
                              @Nullable RevenuFiscal revenuFiscal, @Nullable List<Ressource> ressourcesRecues,
                              @Nullable List<Ressource> ressourcesVersees) {
    }

    /** A dependant living in the household. */
    @Serdeable
    public record PersonneACharge(@Nullable String nomNaissance, @Nullable String prenoms, @Nullable LocalDate dateNaissance,
                                  @Nullable String sexe, @Nullable String lienParente, @Nullable String nir) {
    }

    /** Expected births. */
    @Serdeable
    public record EnfantsANaitre(@Nullable Integer nombre, @Nullable LocalDate dateNaissancePrevue) {
    }

    /** A child in shared custody ({@code G}) or with visiting rights ({@code D}). */
    @Serdeable
    public record PersonneEnGarde(@Nullable String prenoms, @Nullable LocalDate dateNaissance, @Nullable String sexe,
                                  @Nullable String coParentalite) {
    }

    /** Current housing. */
    @Serdeable
    public record LogementActuel(@Nullable List<String> modelesLogement, @Nullable Integer montantMensuelLoyer,
                                 @Nullable Integer nombreHabitants, @Nullable String categorieLogement,
                                 @Nullable String typeLogement, @Nullable Integer surface, @Nullable Boolean proprietaire,
                                 @Nullable String nomBailleur) {
    }

    /** Housing sought: types, wanted communes (first = preferred), category, floor and lift needs, rent. */
    @Serdeable
    public record LogementRecherche(@Nullable List<String> typesLogement, @Nullable List<String> communesSouhaitees,
                                    @Nullable String categorie, @Nullable Integer etageMaximum,
                                    @Nullable Boolean ascenseurIndispensable, @Nullable Integer loyerMaximum,
                                    @Nullable Boolean stationnement) {

        public static LogementRecherche de(List<String> typesLogement, List<String> communesSouhaitees) {
            return new LogementRecherche(typesLogement, communesSouhaitees, null, null, null, null, null);
        }
    }

    /** Disability of one or more persons of the household and the adaptations needed. */
    @Serdeable
    public record Handicap(@Nullable Integer nombrePersonnes, @Nullable String etat, @Nullable String capaciteMarche,
                           @Nullable List<String> naturesMoteur, @Nullable List<String> naturesSensoriel,
                           @Nullable Boolean psychiqueOuMental, @Nullable List<String> aidesTechniques,
                           @Nullable List<String> equipements) {
    }

    /** DALO status and priority categories (article L441-1 of the CCH, CERFA v5). */
    @Serdeable
    public record Priorite(@Nullable String statutDalo, @Nullable LocalDate dateDecisionDalo,
                           @Nullable List<String> categories) {
    }

    /** The CERFA content: everything the applicant declares (what the document column holds). */
    @Serdeable
    public record Contenu(@Nullable Demandeur demandeur, @Nullable List<Cotitulaire> cotitulaires,
                          @Nullable List<PersonneACharge> personnesACharge, @Nullable EnfantsANaitre enfantsANaitre,
                          @Nullable List<PersonneEnGarde> personnesEnGarde, @Nullable LogementActuel logementActuel,
                          @Nullable List<String> motifs, @Nullable String motifPrecision,
                          @Nullable LogementRecherche logementRecherche, @Nullable Handicap handicap,
                          @Nullable Priorite priorite) {

        public static Contenu de(Demandeur demandeur, LogementRecherche logementRecherche) {
            return new Contenu(demandeur, null, null, null, null, null, null, null, logementRecherche, null, null);
        }

        public List<Cotitulaire> cotitulairesOuVide() {
            return cotitulaires == null ? List.of() : cotitulaires;
        }

        public List<PersonneACharge> personnesAChargeOuVide() {
            return personnesACharge == null ? List.of() : personnesACharge;
        }

        public List<PersonneEnGarde> personnesEnGardeOuVide() {
            return personnesEnGarde == null ? List.of() : personnesEnGarde;
        }
    }

    /**
     * A creation (or full update) request: the CERFA content at the top level; on creation,
     * {@code confirmationNonDoublon} overrides the duplicate check with a reason. The filing
     * date is the server's: {@code dateDepot}, when sent (a vendor echoing what it read), must
     * be the certified one.
     */
    @Serdeable
    public record Creation(@JsonUnwrapped Contenu contenu, @Nullable String confirmationNonDoublon,
                           @Nullable LocalDate dateDepot) {

        public static Creation de(Contenu contenu) {
            return new Creation(contenu, null, null);
        }
    }

    /** A registered application: the register's own fields, then the CERFA content. */
    @Serdeable
    public record Demande(String numeroUnique, String territoire, String etat, LocalDate dateDepot,
                          // the contract shows it as null before the first renewal: always sent
                          @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable LocalDate dateDernierRenouvellement,
                          LocalDate dateProchainRenouvellement,
                          String guichetEnregistreur, int version, @JsonUnwrapped Contenu contenu) {

        public Demandeur demandeur() {
            return contenu.demandeur();
        }

        public LogementRecherche logementRecherche() {
            return contenu.logementRecherche();
        }
    }
}
