package fr.sne.documents.analyse;

import fr.sne.documents.catalogue.TypePiece;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Type suggestion, figures and language read from document texts as Tika gives them. */
class ClassementTest {

    private static TypePiece type(String texte) {
        return Classement.suggerer(Textes.normaliser(texte), texte);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RÉPUBLIQUE FRANÇAISE CARTE NATIONALE D’IDENTITÉ N° 123456 Nom : MARTIN|CARTE_IDENTITE",
            "RÉPUBLIQUE FRANÇAISE Nom MARTIN IDFRAMARTIN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<7501|CARTE_IDENTITE",
            "PASSEPORT RÉPUBLIQUE FRANÇAISE Type P Code FRA P<FRAMARTIN<<JEAN<<<<<<<<<<<<<<|PASSEPORT",
            "Titre de séjour — Carte de séjour temporaire « vie privée et familiale » Préfecture du Rhône|TITRE_SEJOUR",
            "Récépissé de demande de titre de séjour. Ce récépissé autorise son titulaire à séjourner en France|RECEPISSE_TITRE_SEJOUR",
            "Avis d'impôt 2025 sur les revenus 2024. Revenu fiscal de référence : 23 456 €|AVIS_IMPOSITION",
            "BULLETIN DE SALAIRE Salaire de base 1 900,00 Net à payer avant impôt 1 520,00|BULLETIN_SALAIRE",
            "QUITTANCE DE LOYER Je soussigné, bailleur, déclare avoir reçu la somme de 650 € pour le loyer de mars|QUITTANCE_LOYER",
            "Caisse d'allocations familiales du Rhône — Attestation de paiement : aide personnalisée au logement 245 €|ATTESTATION_CAF",
            "France Travail — Attestation de paiement de l'allocation d'aide au retour à l'emploi|ATTESTATION_FRANCE_TRAVAIL",
            "Pôle emploi : vous êtes inscrit comme demandeur d'emploi depuis le 2 mai 2023|ATTESTATION_FRANCE_TRAVAIL",
            "L'Assurance retraite — Attestation de paiement de votre pension de retraite|PENSION_RETRAITE",
            "Livret de famille — Extrait de l'acte de mariage|LIVRET_FAMILLE",
            "Certificat de grossesse : date présumée de l'accouchement le 12 juin 2026|CERTIFICAT_GROSSESSE",
            "ATTESTATION D'HÉBERGEMENT Je soussignée certifie héberger à titre gratuit M. Martin|ATTESTATION_HEBERGEMENT",
            "Ordonnance de protection — violences conjugales — juge aux affaires familiales|PLAINTE_VIOLENCES",
            "Carte mobilité inclusion mention invalidité — Maison départementale des personnes handicapées|CARTE_MOBILITE_INCLUSION",
            "Contrat de travail à durée indéterminée entre l'employeur et le salarié, période d'essai de deux mois|CONTRAT_TRAVAIL",
            "Contrat de location — bail d'habitation — dépôt de garantie et état des lieux|BAIL"})
    void documentsThatNameThemselvesAreRecognised(String texte, TypePiece attendu) {
        assertEquals(attendu, type(texte));
    }

    @Test
    void noGuessWhenUnsure() {
        assertNull(type("Attestation de paiement"), "CAF or France Travail: both issue these");
        assertNull(type("Compte rendu de la réunion du conseil de quartier"));
        assertNull(type(""));
        assertNull(type("République française"), "every State document says so");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Avis d'impôt 2025 sur les revenus 2024|2024",
            "AVIS D'IMPÔT 2024 IMPÔT SUR LES REVENUS DE L'ANNÉE 2023|2023",
            "Impôt sur le revenu. Déclaration des revenus 2022 — revenus 2022|2022"})
    void incomeYear(String texte, int annee) {
        assertEquals(annee, Extraction.anneeRevenus(Textes.normaliser(texte)));
    }

    @Test
    void incomeYearNeedsOneAnswer() {
        assertNull(Extraction.anneeRevenus(Textes.normaliser("revenus 2022 et revenus 2023")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Revenu fiscal de référence : 23\u00A0456\u00A0€|23456",
            "Revenu fiscal de référence 23\u202F456 €|23456",
            "REVENU FISCAL DE REFERENCE ........ 9 870|9870",
            "Revenu fiscal de référence : 123.456 euros. Nombre de parts : 3|123456",
            "Revenu fiscal de référence : 8452|8452",
            "Revenu fiscal de référence 2024 : 31 002 €|31002",
            "Revenu fiscal de référence : 41 200,00 € Nombre de parts 2|41200"})
    void referenceIncome(String texte, long montant) {
        assertEquals(montant, Extraction.revenuFiscalReference(Textes.normaliser(texte)));
    }

    @Test
    void twoDifferentReferenceIncomesGiveNothing() {
        assertNull(Extraction.revenuFiscalReference(Textes.normaliser(
                "Revenu fiscal de référence : 23 456 € ... revenu fiscal de référence : 19 000 €")));
        assertEquals(23_456L, Extraction.revenuFiscalReference(Textes.normaliser(
                "Revenu fiscal de référence : 23 456 € ... rappel : revenu fiscal de référence 23 456")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Carte valable jusqu'au 12/03/2031|2031-03-12",
            "Date d’expiration : 12 03 2031|2031-03-12",
            "DATE DE FIN DE VALIDITÉ : 1er mars 2031|2031-03-01",
            "Valable du 02.01.2024 au 01.01.2028 sous réserve|2028-01-01",
            "Titre valide jusqu'au 5-7-2027|2027-07-05"})
    void printedValidityEndDates(String texte, LocalDate date) {
        assertEquals(date, Extraction.finValidite(Textes.normaliser(texte)));
    }

    @Test
    void noValidityDateWhenAmbiguousOrImpossible() {
        assertNull(Extraction.finValidite(Textes.normaliser("valable jusqu'au 12/03/2031, date d'expiration : 01/01/2030")));
        assertNull(Extraction.finValidite(Textes.normaliser("valable jusqu'au 31/02/2031")));
        assertNull(Extraction.finValidite(Textes.normaliser("délivrée le 12/03/2021")));
    }

    @Test
    void languageFromFunctionWords() {
        assertEquals("fr", Langue.detecter(Textes.normaliser(
                "Le demandeur a déposé sa demande de logement social auprès du guichet de la commune et il attend une réponse.")));
        assertEquals("en", Langue.detecter(Textes.normaliser(
                "The applicant has filed the request with the office of the town and is waiting for an answer from them.")));
        assertNull(Langue.detecter(Textes.normaliser("12 345 € 2024")));
    }
}
