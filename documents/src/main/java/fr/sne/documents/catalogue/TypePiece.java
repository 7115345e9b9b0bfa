package fr.sne.documents.catalogue;

/**
 * The types of supporting documents. {@code sensible}: opened only by desks and the "consultant
 * sensible" profile (and the applicant); {@code finValidite}: the type carries a validity end
 * date (identity documents, residence permits, tax notices, resource proofs, rent receipts...).
 */
public enum TypePiece {
    CARTE_IDENTITE(CategoriePiece.IDENTITE, "Carte nationale d'identité", false, true),
    PASSEPORT(CategoriePiece.IDENTITE, "Passeport", false, true),
    ACTE_NAISSANCE(CategoriePiece.IDENTITE, "Acte de naissance", false, false),
    TITRE_SEJOUR(CategoriePiece.TITRE_SEJOUR, "Titre de séjour", false, true),
    RECEPISSE_TITRE_SEJOUR(CategoriePiece.TITRE_SEJOUR, "Récépissé de demande de titre de séjour", false, true),
    AVIS_IMPOSITION(CategoriePiece.REVENU_FISCAL, "Avis d'imposition", false, true),
    BULLETIN_SALAIRE(CategoriePiece.RESSOURCES, "Bulletin de salaire", false, true),
    ATTESTATION_CAF(CategoriePiece.RESSOURCES, "Attestation de la CAF ou de la MSA", false, true),
    ATTESTATION_FRANCE_TRAVAIL(CategoriePiece.RESSOURCES, "Attestation de France Travail", false, true),
    PENSION_RETRAITE(CategoriePiece.RESSOURCES, "Justificatif de pension ou de retraite", false, true),
    CONTRAT_TRAVAIL(CategoriePiece.RESSOURCES, "Contrat de travail", false, false),
    LIVRET_FAMILLE(CategoriePiece.SITUATION_FAMILIALE, "Livret de famille", false, false),
    JUGEMENT_DIVORCE(CategoriePiece.SITUATION_FAMILIALE, "Jugement de divorce ou de séparation", false, false),
    CERTIFICAT_GROSSESSE(CategoriePiece.SITUATION_FAMILIALE, "Certificat de grossesse", true, false),
    QUITTANCE_LOYER(CategoriePiece.LOGEMENT_ACTUEL, "Quittance de loyer", false, true),
    BAIL(CategoriePiece.LOGEMENT_ACTUEL, "Bail", false, false),
    ATTESTATION_HEBERGEMENT(CategoriePiece.LOGEMENT_ACTUEL, "Attestation d'hébergement", false, false),
    JUGEMENT_EXPULSION(CategoriePiece.LOGEMENT_ACTUEL, "Jugement d'expulsion", false, false),
    PLAINTE_VIOLENCES(CategoriePiece.SITUATION_PARTICULIERE, "Plainte ou ordonnance pour violences conjugales", true, false),
    CERTIFICAT_MEDICAL(CategoriePiece.SITUATION_PARTICULIERE, "Certificat médical", true, false),
    CARTE_MOBILITE_INCLUSION(CategoriePiece.SITUATION_PARTICULIERE, "Carte mobilité inclusion ou décision MDPH", true, true),
    CARTE_ETUDIANT(CategoriePiece.AUTRE, "Carte d'étudiant", false, true),
    AUTRE(CategoriePiece.AUTRE, "Autre document", false, false);

    private final CategoriePiece categorie;
    private final String libelle;
    private final boolean sensible;
    private final boolean finValidite;

    TypePiece(CategoriePiece categorie, String libelle, boolean sensible, boolean finValidite) {
        this.categorie = categorie;
        this.libelle = libelle;
        this.sensible = sensible;
        this.finValidite = finValidite;
    }

    public CategoriePiece categorie() {
        return categorie;
    }

    public String libelle() {
        return libelle;
    }

    public boolean sensible() {
        return sensible;
    }

    public boolean finValidite() {
        return finValidite;
    }
}
