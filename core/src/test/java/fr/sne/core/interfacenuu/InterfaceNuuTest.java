package fr.sne.core.interfacenuu;

import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.web.Probleme;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interfaceNuu mapping and its secure reader, without the server. */
class InterfaceNuuTest {

    private static final String NS = "http://nuu.application.i2/";

    private final SchemaNuu schema = new SchemaNuu();
    private final LecteurXml lecteur = new LecteurXml(schema, 64 * 1024);
    private final EcritureNuu ecriture = new EcritureNuu(Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC));

    /** Every part of the model, each field set (two items in lists where the model has lists). */
    static DemandeJson.Demande complete() {
        var adresse = new DemandeJson.Adresse("10 bis", "rue des Alpes", "Bâtiment B", "38000", "38185", true, "Belgique", "Liège");
        var travail = new DemandeJson.SituationProfessionnelle("Infirmière", "CDD", LocalDate.of(2026, 3, 1), "CHU Grenoble Alpes",
                "26380030200016", false, "38700", "38516");
        var rfr = new DemandeJson.RevenuFiscal(2025, 21000, 2024, 20000);
        var demandeur = new DemandeJson.Demandeur("2", "Martin", "Dupont", "Marie Anne", LocalDate.of(1975, 2, 1), "Belgique",
                "Liège", "2", "Belgique", "275029935212345", "M", "marie@example.org", "0606060606", "0476000000", adresse,
                true, travail, rfr,
                List.of(new DemandeJson.Ressource("SAL", 1500), new DemandeJson.Ressource("AF", 140)),
                List.of(new DemandeJson.Ressource("PAV", 120)),
                List.of(new DemandeJson.Ressource("AAH", 100)),
                List.of());
        var cotitulaire = new DemandeJson.Cotitulaire("1", "Dupont", null, "Jean", LocalDate.of(1970, 1, 1), "3", "Maroc",
                "170019935212345", "M", "M", "jean@example.org", "0707070707",
                new DemandeJson.SituationProfessionnelle("Agent de sécurité", "CDI", null, "AAAA", null, true, null, null),
                new DemandeJson.RevenuFiscal(2025, null, 2024, null),
                List.of(new DemandeJson.Ressource("CHO", 900)), null);
        var cotitulaire2 = new DemandeJson.Cotitulaire("2", "Leroy", "Dupont", "Lucie", LocalDate.of(1980, 4, 4), "1", "France",
                "280049935212345", "C", "L", "lucie@example.org", "0606060607",
                new DemandeJson.SituationProfessionnelle("Étudiante", "ETU", LocalDate.of(2025, 9, 1), "Université", "19381838600015",
                        false, "38400", "38421"),
                new DemandeJson.RevenuFiscal(2025, 0, 2024, 0),
                List.of(new DemandeJson.Ressource("BE", 300)), List.of(new DemandeJson.Ressource("PAV", 50)));
        var contenu = new DemandeJson.Contenu(demandeur, List.of(cotitulaire2, cotitulaire),
                List.of(new DemandeJson.PersonneACharge("DUPONT", "PAUL", LocalDate.of(2012, 5, 6), "M", "E", "112057512345678"),
                        new DemandeJson.PersonneACharge("DUPONT", "LEA", LocalDate.of(2010, 1, 1), "F", "E", null)),
                new DemandeJson.EnfantsANaitre(1, LocalDate.of(2027, 3, 1)),
                List.of(new DemandeJson.PersonneEnGarde("Tom", LocalDate.of(2014, 1, 1), "M", "G"),
                        new DemandeJson.PersonneEnGarde(null, LocalDate.of(2016, 1, 1), "F", "D")),
                new DemandeJson.LogementActuel(List.of("LP", "CPE"), 1000, 5, "A", "T3", 50, false, "Agence du Centre"),
                List.of("01", "23"), "Logement trop petit pour la famille",
                new DemandeJson.LogementRecherche(List.of("T4", "T5"), List.of("38185", "38382"), "I", 3, true, 700, false),
                new DemandeJson.Handicap(1, "STA", "2", List.of("MI"), List.of("DA", "DV"), false, List.of("4"), List.of("3", "6")),
                new DemandeJson.Priorite("ACTIF", LocalDate.of(2026, 6, 1), List.of("HAND")));
        return new DemandeJson.Demande("038112600001238001", "038", "ACTIVE", LocalDate.of(2025, 11, 22), LocalDate.of(2026, 11, 2),
                LocalDate.of(2027, 11, 22), "38001", 3, contenu);
    }

    private DocumentNuu relire(byte[] xml) {
        return LectureNuu.lire(lecteur.lire(new ByteArrayInputStream(xml), -1));
    }

    private static String document(String demandeLogement) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <n:interfaceNuu versionInterface="02.01" xmlns:n="http://nuu.application.i2/">
                  <n:demande><n:demandeLogement>%s</n:demandeLogement></n:demande>
                </n:interfaceNuu>""".formatted(demandeLogement);
    }

    private XmlRefuse refus(String xml) {
        return assertThrows(XmlRefuse.class, () -> lecteur.lire(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), -1));
    }

    private static Probleme.Anomalie seule(XmlRefuse r) {
        assertEquals(1, r.anomalies().size(), r.anomalies().toString());
        return r.anomalies().getFirst();
    }

    /** Every component of every record reachable from the value is set (first item of each list). */
    private static void toutRenseigne(Object valeur, String chemin) {
        assertTrue(valeur != null, chemin + " n'est pas renseigné dans le jeu d'essai complet");
        if (valeur instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    toutRenseigne(c.getAccessor().invoke(r), chemin + "." + c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (valeur instanceof List<?> l && !l.isEmpty()) {
            toutRenseigne(l.getFirst(), chemin + "[0]");
        }
    }

    @Test
    void everyPartOfTheModelSurvivesAWriteAndARead() {
        DemandeJson.Demande d = complete();
        // a field added to the model one day fails here until the mapping carries it
        toutRenseigne(d, "demande");
        byte[] xml = ecriture.ecrire(d);
        String texte = new String(xml, StandardCharsets.UTF_8);
        assertTrue(texte.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), texte);
        assertTrue(texte.contains("<ns1:interfaceNuu xmlns:ns1=\"" + NS + "\" versionInterface=\"02.01\">")
                || texte.contains("<ns1:interfaceNuu versionInterface=\"02.01\" xmlns:ns1=\"" + NS + "\">"), texte);
        // what the register writes is valid against its own published schema (the reader validates)
        DocumentNuu relu = relire(xml);
        assertEquals(d.contenu(), relu.creation().contenu());
        assertEquals("02.01", relu.versionInterface());
        assertEquals(d.numeroUnique(), relu.numUnique());
        assertEquals(d.dateDepot(), relu.creation().dateDepot());
        assertNull(relu.creation().confirmationNonDoublon());
        for (String attendu : List.of("<ns1:etatDemande code=\"ACTIVE\"/>", "<ns1:guichetEnregistreur code=\"38001\"/>",
                "<ns1:territoire code=\"038\"/>", "<ns1:version>3</ns1:version>",
                "<ns1:dateProchainRenouvellement>2027-11-22</ns1:dateProchainRenouvellement>",
                "<ns1:dateDernierRenouvellement>2026-11-02</ns1:dateDernierRenouvellement>",
                "<ns1:dateFichier>2026-11-22T11:15:30+01:00</ns1:dateFichier>",
                "<ns1:listeRessourceVerseePersACharge></ns1:listeRessourceVerseePersACharge>")) {
            assertTrue(texte.contains(attendu), attendu + " in " + texte);
        }
    }

    @Test
    void aUsageNameMakesNomTheUsageNameAndNomPatronymiqueTheBirthName() {
        String texte = new String(ecriture.ecrire(complete()), StandardCharsets.UTF_8);
        assertTrue(texte.contains("<ns1:nom>Dupont</ns1:nom>\n                    <ns1:nomPatronymique>Martin</ns1:nomPatronymique>"),
                texte);
        DocumentNuu avec = relire(document("""
                <n:personnePhysique><n:demandeur><n:nom>DUPONT</n:nom><n:nomPatronymique>MARTIN</n:nomPatronymique>
                <n:prenom>MARIE</n:prenom></n:demandeur></n:personnePhysique>""").getBytes(StandardCharsets.UTF_8));
        assertEquals("MARTIN", avec.creation().contenu().demandeur().nomNaissance());
        assertEquals("DUPONT", avec.creation().contenu().demandeur().nomUsage());
        DocumentNuu sans = relire(document("""
                <n:personnePhysique><n:demandeur><n:nom> Dupont </n:nom><n:prenom>Jean</n:prenom></n:demandeur>
                </n:personnePhysique>""").getBytes(StandardCharsets.UTF_8));
        assertEquals("Dupont", sans.creation().contenu().demandeur().nomNaissance());
        assertNull(sans.creation().contenu().demandeur().nomUsage());
    }

    @Test
    void aListPresentButEmptyStaysEmptyAndAnAbsentListStaysAbsent() {
        DocumentNuu d = relire(document("""
                <n:personnePhysique><n:demandeur><n:listeRessourceRecue/></n:demandeur></n:personnePhysique>
                <n:logementRecherche><n:listeCommuneSouhaitee><n:commune code="38185"/></n:listeCommuneSouhaitee>
                </n:logementRecherche>""").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), d.creation().contenu().demandeur().ressourcesRecues());
        assertNull(d.creation().contenu().demandeur().ressourcesVersees());
        assertEquals(List.of("38185"), d.creation().contenu().logementRecherche().communesSouhaitees());
        assertNull(d.creation().contenu().logementRecherche().typesLogement());
    }

    @Test
    void theRealSampleIsValidAgainstThePublishedSchemaAsItIs() throws Exception {
        Path sample = Path.of("../app/src/test/resources/interface-nuu/JDD_OPENFISCA_038.xml");
        DocumentNuu d = relire(Files.readAllBytes(sample));
        assertEquals("02.00", d.versionInterface());
        DemandeJson.Contenu c = d.creation().contenu();
        assertEquals(14, c.demandeur().ressourcesRecues().size());
        assertEquals("MARTIN", c.cotitulaires().getFirst().nomNaissance());
        assertEquals("DUPONT", c.cotitulaires().getFirst().nomUsage());
        assertEquals(List.of("LP"), c.logementActuel().modelesLogement());
        assertEquals(2, c.personnesEnGarde().size());
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsDeclaredOrRead() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "CONTENU-SECRET-XXE");
        XmlRefuse xxe = refus("""
                <?xml version="1.0"?>
                <!DOCTYPE n:interfaceNuu [<!ENTITY xxe SYSTEM "%s">]>
                <n:interfaceNuu versionInterface="02.01" xmlns:n="http://nuu.application.i2/">&xxe;</n:interfaceNuu>"""
                .formatted(secret.toUri()));
        assertEquals(400, xxe.status());
        assertEquals("XML_DOCTYPE_INTERDIT", seule(xxe).code());
        assertFalse(xxe.anomalies().toString().contains("CONTENU-SECRET"));

        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        lol.append("]>\n<lolz>&lol9;</lolz>");
        XmlRefuse rires = refus(lol.toString());
        assertEquals("XML_DOCTYPE_INTERDIT", seule(rires).code());

        // no DOCTYPE: an entity reference is simply undeclared
        XmlRefuse nonDeclaree = refus(document("<n:personnePhysique>&xxe;</n:personnePhysique>"));
        assertEquals("XML_MAL_FORME", seule(nonDeclaree).code());
    }

    @Test
    void rootNamespaceAndVersionAreCheckedFirstWithAClearAnomaly() {
        Probleme.Anomalie ns = seule(refus(document("").replace("http://nuu.application.i2/", "http://example.org/autre")));
        assertEquals("XML_ESPACE_DE_NOMS", ns.code());
        assertTrue(ns.message().contains("http://nuu.application.i2/"), ns.message());
        Probleme.Anomalie version = seule(refus(document("").replace("02.01", "03.00")));
        assertEquals("XML_VERSION_NON_PRISE_EN_CHARGE", version.code());
        assertEquals("/interfaceNuu/@versionInterface", version.champ());
        assertTrue(version.message().contains("03.00") && version.message().contains("02.00 et 02.01"), version.message());
        assertEquals("XML_VERSION", seule(refus(document("").replace(" versionInterface=\"02.01\"", ""))).code());
        assertEquals("XML_RACINE", seule(refus("<demande/>")).code());
        Probleme.Anomalie malForme = seule(refus(document("<n:personnePhysique>")));
        assertEquals("XML_MAL_FORME", malForme.code());
        assertTrue(malForme.message().contains("ligne"), malForme.message());
    }

    @Test
    void schemaErrorsNameTheElementByItsPathInFrench() {
        XmlRefuse r = refus(document("""
                <n:personnePhysique>
                  <n:demandeur><n:civilite/><n:dateNaissance>1970-13-01</n:dateNaissance></n:demandeur>
                  <n:listePersonneACharge>
                    <n:personneACharge><n:nom>A</n:nom></n:personneACharge>
                    <n:personneACharge><n:nom>B</n:nom><n:inconnu/></n:personneACharge>
                  </n:listePersonneACharge>
                  <n:logementActuel><n:surface>cinquante</n:surface></n:logementActuel>
                </n:personnePhysique>"""));
        assertEquals(400, r.status());
        List<String> champs = r.anomalies().stream().map(Probleme.Anomalie::champ).toList();
        String base = "/interfaceNuu/demande/demandeLogement/personnePhysique/";
        assertEquals(List.of(base + "demandeur/civilite/@code", base + "demandeur/dateNaissance",
                base + "listePersonneACharge/personneACharge[2]/inconnu", base + "logementActuel/surface"), champs);
        r.anomalies().forEach(a -> assertEquals("XML_NON_CONFORME", a.code()));
        String messages = r.anomalies().toString();
        assertTrue(messages.contains("cinquante") && messages.contains("inconnu"), messages);
        assertFalse(messages.contains("Invalid content") || messages.contains("is not a valid value"), messages);
    }

    @Test
    void sizeIsBoundedAndAnEmptyBodyIsRefused() {
        String gros = document("<n:precisionMotif>" + "x".repeat(70 * 1024) + "</n:precisionMotif>");
        assertEquals(413, refus(gros).status());
        assertEquals("XML_VIDE", seule(refus("")).code());
    }

    @Test
    void validationPathsAreTranslatedToElementPaths() {
        DemandeJson.Creation c = DemandeJson.Creation.de(complete().contenu());
        String b = CheminsNuu.BASE;
        assertEquals(b + "/personnePhysique/demandeur/nomPatronymique", CheminsNuu.chemin("demandeur.nomNaissance", c));
        assertEquals(b + "/personnePhysique/listeCotitulaire/cotitulaire[1]/nomPatronymique",
                CheminsNuu.chemin("cotitulaires[0].nomNaissance", c));
        assertEquals(b + "/personnePhysique/listeCotitulaire/cotitulaire[2]/nom", CheminsNuu.chemin("cotitulaires[1].nomNaissance", c));
        assertEquals(b + "/personnePhysique/demandeur/listeRessourceRecue/detailRessource[3]/ressource/@code",
                CheminsNuu.chemin("demandeur.ressourcesRecues[2].code", c));
        assertEquals(b + "/personnePhysique/demandeur/adressePostale/commune/@code",
                CheminsNuu.chemin("demandeur.adresse.communeInsee", c));
        assertEquals(b + "/personnePhysique/demandeur/revenuFiscal/anneeMoins1", CheminsNuu.chemin("demandeur.revenuFiscal.anneeMoins1", c));
        assertEquals(b + "/logementRecherche/listeCommuneSouhaitee/commune[2]/@code",
                CheminsNuu.chemin("logementRecherche.communesSouhaitees[1]", c));
        assertEquals(b + "/logementRecherche/listeCommuneSouhaitee", CheminsNuu.chemin("logementRecherche.communesSouhaitees", c));
        assertEquals(b + "/personnePhysique/personneANaitre/nombre", CheminsNuu.chemin("enfantsANaitre.nombre", c));
        assertEquals(b + "/personnePhysique/logementActuel/typeLogementActuel/@code", CheminsNuu.chemin("logementActuel.typeLogement", c));
        assertEquals(b + "/listeMotif/motif[1]/@code", CheminsNuu.chemin("motifs[0]", c));
        assertEquals(b + "/dateCreationDemande", CheminsNuu.chemin("dateDepot", c));
        assertEquals(b + "/priorite/listeCategoriePrioritaire/categoriePrioritaire[1]/@code", CheminsNuu.chemin("priorite.categories[0]", c));
        assertEquals(b + "/handicap/listeEquipement/equipement[2]/@code", CheminsNuu.chemin("handicap.equipements[1]", c));
    }

    @Test
    void aSchemaLocationHintFetchesNothing() {
        DocumentNuu d = relire(document("<n:personnePhysique/>").replace("xmlns:n=", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://nuu.application.i2/ http://127.0.0.1:9/autre.xsd\" xmlns:n=").getBytes(StandardCharsets.UTF_8));
        assertEquals("02.01", d.versionInterface());
    }

    @Test
    void charactersXmlCannotCarryAreDroppedOnOutput() {
        assertEquals("ab\tc", EcritureNuu.propre("a\u0001b\tc\uFFFF"));
    }
}
