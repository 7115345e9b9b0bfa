package fr.sne.core.piece;

import fr.sne.core.demande.DemandeJson;
import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.sne.core.piece.PiecesAttendues.Etat.A_FOURNIR;
import static fr.sne.core.piece.PiecesAttendues.Etat.EXPIREE;
import static fr.sne.core.piece.PiecesAttendues.Etat.FOURNIE;
import static fr.sne.core.piece.PiecesAttendues.Etat.RESERVEE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which documents an application's content calls for, and which the deposited documents supply. */
class PiecesAttenduesTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);

    private static DemandeJson.Demandeur demandeur(String nationalite, String familiale, DemandeJson.RevenuFiscal rfr,
                                                   List<DemandeJson.Ressource> ressources, String contrat) {
        return new DemandeJson.Demandeur("2", "Garcia", null, "Lucia", LocalDate.of(1988, 7, 21), null, null, nationalite, null,
                null, familiale, null, null, null, null, null,
                contrat == null ? null : new DemandeJson.SituationProfessionnelle(null, contrat, null, null, null, null, null, null),
                rfr, ressources, null, null, null);
    }

    private static DemandeJson.Cotitulaire cotitulaire(String nationalite, DemandeJson.RevenuFiscal rfr) {
        return new DemandeJson.Cotitulaire("1", "Martin", null, "Paul", LocalDate.of(1982, 1, 20), nationalite, null, null, "M",
                "M", null, null, null, rfr, List.of(new DemandeJson.Ressource("CHO", 400)), null);
    }

    private static DemandeJson.Contenu contenu(DemandeJson.Demandeur d, List<DemandeJson.Cotitulaire> cotitulaires,
                                               List<DemandeJson.PersonneACharge> enfants, List<String> modeles, List<String> motifs,
                                               DemandeJson.Handicap handicap, DemandeJson.Priorite priorite) {
        DemandeJson.LogementActuel logement = modeles == null ? null
                : new DemandeJson.LogementActuel(modeles, 700, 2, null, null, null, null, null);
        return new DemandeJson.Contenu(d, cotitulaires, enfants, null, null, logement, motifs, null, null, handicap, priorite);
    }

    private static List<String> codes(List<PiecesAttendues.Attendue> a) {
        return a.stream().map(PiecesAttendues.Attendue::code).toList();
    }

    private static PieceJustificative piece(long id, TypePiece type, LocalDate fin, Instant le) {
        return new PieceJustificative(id, "038", "038112600000138001", "p.pdf", "application/pdf", FormatPiece.PDF, 10, 1,
                "0".repeat(64), type == null ? null : type.categorie(), type, null, fin, Deposant.DEMANDEUR, "demandeur:1", "Vous",
                null, le, IndicePertinence.NON_VERIFIE, null, List.of(), StatutAnalyse.EN_ATTENTE, null, Map.of(), null, null,
                null, false, false, false, null, 1);
    }

    @Test
    void aSingleFrenchApplicantWithNothingDeclaredOnlyNeedsAnIdentityDocumentAndIsAdvisedATaxNotice() {
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(demandeur("1", "C", null, null, null), null, null, null,
                null, null, null));
        assertEquals(List.of("identite-demandeur", "avis-imposition"), codes(a));
        PiecesAttendues.Attendue identite = a.getFirst();
        assertEquals(PiecesAttendues.Niveau.OBLIGATOIRE, identite.niveau());
        assertEquals(List.of(TypePiece.CARTE_IDENTITE, TypePiece.PASSEPORT), identite.types());
        assertEquals(PiecesAttendues.Personne.DEMANDEUR, identite.personne());
        assertEquals(PiecesAttendues.Niveau.CONSEILLEE, a.get(1).niveau());
        assertFalse(identite.sensible());
    }

    @Test
    void anApplicantFromOutsideTheEuropeanUnionNeedsAResidencePermitAndEachCoHolderTheirOwnDocument() {
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(demandeur("3", "M", null, null, null),
                List.of(cotitulaire("1", null)), null, null, null, null, null));
        assertEquals(List.of("identite-demandeur", "identite-cotitulaire-0"), codes(a).subList(0, 2));
        assertEquals(List.of(TypePiece.TITRE_SEJOUR, TypePiece.RECEPISSE_TITRE_SEJOUR), a.get(0).types());
        assertEquals("Titre de séjour", a.get(0).titre());
        assertEquals(List.of(TypePiece.CARTE_IDENTITE, TypePiece.PASSEPORT), a.get(1).types());
        assertEquals(PiecesAttendues.Personne.COTITULAIRE, a.get(1).personne());
        assertEquals("Paul Martin", a.get(1).nomPersonne());
        assertEquals(PiecesAttendues.Niveau.OBLIGATOIRE, a.get(1).niveau());
        // unknown nationality: any of the four
        assertEquals(4, PiecesAttendues.pour(contenu(demandeur(null, null, null, null, null), null, null, null, null, null, null))
                .getFirst().types().size());
    }

    @Test
    void theDeclaredSituationAdvisesItsProofs() {
        DemandeJson.RevenuFiscal rfr = new DemandeJson.RevenuFiscal(2025, 18450, 2024, 17900);
        DemandeJson.Demandeur d = demandeur("1", "D", rfr, List.of(new DemandeJson.Ressource("SAL", 1650),
                new DemandeJson.Ressource("AF", 140), new DemandeJson.Ressource("RET", 0)), "CDI");
        List<DemandeJson.PersonneACharge> enfants = List.of(new DemandeJson.PersonneACharge("Garcia", "Ana",
                LocalDate.of(2016, 5, 5), "F", "E", null));
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(d, List.of(cotitulaire("2", rfr)), enfants, List.of("LP"),
                List.of("05", "06", "08"), null, null));
        assertEquals(List.of("identite-demandeur", "identite-cotitulaire-0", "livret-famille", "jugement-famille",
                "avis-imposition-demandeur", "avis-imposition-cotitulaire-0", "ressources-salaires", "ressources-chomage",
                "ressources-prestations", "logement-locataire", "expulsion", "violences", "sante"), codes(a));
        PiecesAttendues.Attendue avis = a.get(4);
        assertEquals("Avis d’imposition sur les revenus 2025", avis.titre());
        assertEquals(List.of(TypePiece.AVIS_IMPOSITION), avis.types());
        assertTrue(a.stream().filter(x -> x.code().equals("violences")).findFirst().orElseThrow().sensible());
        assertTrue(a.stream().filter(x -> x.code().equals("violences")).findFirst().orElseThrow().explication()
                .contains("protégée"), "the applicant is told a sensitive document is protected");
        assertTrue(a.stream().filter(x -> x.code().equals("sante")).findFirst().orElseThrow().sensible());
        assertFalse(codes(a).contains("ressources-pensions"), "a resource declared as zero calls for nothing");
        assertTrue(a.stream().skip(2).allMatch(x -> x.niveau() == PiecesAttendues.Niveau.CONSEILLEE));
    }

    @Test
    void hostedHouseholdsStudentsDisabilityAndPriorityCategories() {
        DemandeJson.Demandeur d = demandeur("1", "C", null, List.of(new DemandeJson.Ressource("AAH", 900)), "ETU");
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(d, null, null, List.of("CPE"), List.of("01"),
                new DemandeJson.Handicap(1, "STA", null, null, null, null, null, null),
                new DemandeJson.Priorite(null, null, List.of("EXPUL", "VIOL"))));
        assertEquals(List.of("identite-demandeur", "avis-imposition", "ressources-prestations", "etudiant", "logement-heberge",
                "expulsion", "violences", "handicap"), codes(a));
        assertEquals(List.of(TypePiece.ATTESTATION_HEBERGEMENT),
                a.stream().filter(x -> x.code().equals("logement-heberge")).findFirst().orElseThrow().types());
        // expected births: the pregnancy certificate, sensitive
        DemandeJson.Contenu attente = new DemandeJson.Contenu(d, null, null, new DemandeJson.EnfantsANaitre(1, null), null, null,
                null, null, null, null, null);
        PiecesAttendues.Attendue grossesse = PiecesAttendues.pour(attente).stream().filter(x -> x.code().equals("grossesse"))
                .findFirst().orElseThrow();
        assertTrue(grossesse.sensible());
    }

    @Test
    void depositedDocumentsSupplyExpectedOnesOneEachExpiredOnesAreToReplace() {
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(demandeur("1", "M", null, null, null),
                List.of(cotitulaire("1", null)), null, null, List.of("06"), null, null));
        PieceJustificative cni = piece(1, TypePiece.CARTE_IDENTITE, LocalDate.of(2030, 1, 1), Instant.parse("2026-11-01T10:00:00Z"));
        PieceJustificative passeportPerime = piece(2, TypePiece.PASSEPORT, LocalDate.of(2026, 1, 1),
                Instant.parse("2026-11-02T10:00:00Z"));
        PieceJustificative plainte = piece(3, TypePiece.PLAINTE_VIOLENCES, null, Instant.parse("2026-11-03T10:00:00Z"));

        List<PiecesAttendues.Suivi> s = PiecesAttendues.suivre(a, List.of(passeportPerime, cni, plainte), AUJOURDHUI, true);
        assertEquals(FOURNIE, s.get(0).etat(), "the valid card first");
        assertSame(cni, s.get(0).piece());
        assertEquals(EXPIREE, s.get(1).etat(), "the co-holder's document: only an expired passport is left");
        assertSame(passeportPerime, s.get(1).piece());
        PiecesAttendues.Suivi violences = s.stream().filter(x -> x.attendue().code().equals("violences")).findFirst().orElseThrow();
        assertEquals(FOURNIE, violences.etat());
        assertEquals(A_FOURNIR, s.stream().filter(x -> x.attendue().code().equals("avis-imposition")).findFirst().orElseThrow().etat());

        // two valid documents: in the order they were deposited (the applicant's own usually first)
        PieceJustificative passeport = piece(4, TypePiece.PASSEPORT, LocalDate.of(2032, 1, 1), Instant.parse("2026-11-04T10:00:00Z"));
        List<PiecesAttendues.Suivi> deux = PiecesAttendues.suivre(a, List.of(passeport, cni), AUJOURDHUI, true);
        assertSame(cni, deux.get(0).piece());
        assertSame(passeport, deux.get(1).piece());
        assertEquals(FOURNIE, deux.get(1).etat());

        // nothing deposited: everything to supply; a reader who may not list sensitive documents learns nothing of them
        List<PiecesAttendues.Suivi> vide = PiecesAttendues.suivre(a, List.of(), AUJOURDHUI, true);
        assertTrue(vide.stream().allMatch(x -> x.etat() == A_FOURNIR && x.piece() == null));
        List<PiecesAttendues.Suivi> reserve = PiecesAttendues.suivre(a, List.of(plainte), AUJOURDHUI, false);
        PiecesAttendues.Suivi cache = reserve.stream().filter(x -> x.attendue().code().equals("violences")).findFirst().orElseThrow();
        assertEquals(RESERVEE, cache.etat());
        assertNull(cache.piece());
    }

    @Test
    void aDocumentWithoutTypeCountsAsTheAnalysisRecognisedIt() {
        List<PiecesAttendues.Attendue> a = PiecesAttendues.pour(contenu(demandeur("1", "C", null, null, null), null, null, null,
                null, null, null));
        PieceJustificative sansType = piece(1, null, null, Instant.parse("2026-11-01T10:00:00Z"));
        PieceJustificative reconnue = new PieceJustificative(2, "038", sansType.numeroUnique(), "scan.pdf", "application/pdf",
                FormatPiece.PDF, 10, 1, "1".repeat(64), null, null, TypePiece.PASSEPORT, LocalDate.of(2031, 1, 1),
                Deposant.DEMANDEUR, "demandeur:1", "Vous", null, Instant.parse("2026-11-02T10:00:00Z"),
                IndicePertinence.NON_VERIFIE, null, List.of(), StatutAnalyse.TERMINEE, "fr", Map.of(), null, null, false, false,
                false, false, null, 1);
        assertEquals(A_FOURNIR, PiecesAttendues.suivre(a, List.of(sansType), AUJOURDHUI, true).getFirst().etat());
        assertEquals(FOURNIE, PiecesAttendues.suivre(a, List.of(sansType, reconnue), AUJOURDHUI, true).getFirst().etat());
    }
}
