package fr.sne.core.attestation;

import java.util.List;

/**
 * What an attestation shows, already worded and formatted in French (dates, amounts, the number
 * in groups): the templates only lay it out. Parts the simplified attestation does not show
 * (landlords, DALO, summary, documents) are filled all the same.
 */
public record ContenuAttestation(String numero, String numeroLisible, String etat, String dateDepot,
                                 String dateDernierRenouvellement, String dateProchainRenouvellement, String delivreeLe,
                                 String lieu, Personne demandeur, List<Personne> cotitulaires, List<String> adresse,
                                 boolean adresseComplete, String courriel, String telephone, boolean assiste,
                                 Service service, String territoire, List<CommuneSouhaitee> communes, Dalo dalo,
                                 Resume resume, List<String> piecesRequises, List<Piece> piecesDeposees) {

    /** A person of the household as the attestation names them. */
    public record Personne(String role, String nom, String naissance) {
    }

    /** The registering service (desk) and how to reach it. */
    public record Service(String nom, String code, String type, List<String> adresse, String courriel) {
    }

    /** A wanted commune (in the applicant's order) and the landlords owning social housing there. */
    public record CommuneSouhaitee(int rang, String code, String nom, List<Bailleur> bailleurs, String totalLogements) {
    }

    public record Bailleur(String nom, String siren, String adresse, String telephone, String logements) {
    }

    /**
     * The DALO recourse: after {@code delaiMois} (the territory's "délai anormalement long")
     * without a suitable offer, from {@code dateSaisine} on, the applicant may seize the commission.
     */
    public record Dalo(String delaiMois, String dateSaisine, Commission commission) {
    }

    public record Commission(String nom, String adresse, String telephone, String courriel, String site) {
    }

    /** Annex: what the application says, in short. */
    public record Resume(String tailleMenage, List<Personne> menage, List<String> typesLogement, String categorie,
                         List<String> motifs, String ressourcesMensuelles, String revenuFiscal, String loyerMaximum,
                         String accessibilite, String dalo) {
    }

    /** A document deposited with the application. */
    public record Piece(String libelle, String deposeLe) {
    }
}
