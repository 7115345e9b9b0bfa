package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-page summary sheet of an application: PDF/A-1b, its content, who may print it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FicheSyntheseTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private String numero;
    private String nom;

    @BeforeAll
    void demande() {
        nom = FabriqueDemandes.nomUnique("Synthèse");
        numero = new FabriqueDemandes(server).creer("editeur-stegreve", FabriqueDemandes.Menage.de(nom + "-Ngô", "Élodie Marie", "1982-09-14")
                .communes("38185", "38421").types("T3", "T4").famille(true, 2).ressources(1400, 21000)
                .priorite("ACTIF", "HAND", "DEFAV").avecHandicap());
    }

    @Test
    void aDeskPrintsAOnePagePdfaSummary() throws Exception {
        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        HttpResponse<byte[]> r = agent.octets("/pro/demandes/" + numero + "/fiche.pdf");
        assertEquals(200, r.statusCode(), () -> new String(r.body()));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        byte[] pdf = r.body();

        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            assertTrue(result.isCompliant(), () -> "veraPDF: " + result.getTestAssertions());
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages(), "one page");
            Path dossier = Path.of(System.getProperty("sne.build.directory", "target"), "screenshots");
            Files.createDirectories(dossier);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", dossier.resolve("fiche-synthese.png").toFile());
            String texte = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(texte.contains(numero), texte);
            assertEquals("Fiche de synthèse de la demande " + numero, document.getDocumentInformation().getTitle());
            for (String attendu : new String[]{"Fiche de synthèse de la demande de logement social", "Ménage : 4 personnes à loger",
                    (nom + "-Ngô").toUpperCase(java.util.Locale.FRENCH), "Élodie Marie", "14/09/1982", "Cotitulaire (Conjoint)",
                    "Personne à charge (Enfant)", "Ressources mensuelles du ménage : 1 800 €", "Revenu fiscal de référence : 21 000 €",
                    "Salaire ou revenu d'activité", "Locataire parc privé", "Sans logement, hébergé ou en logement temporaire",
                    "Grenoble (38185)", "Saint-Martin-d'Hères (38421)", "DALO : Actif", "Commune de Saint-Égrève (38002)"}) {
                assertTrue(texte.contains(attendu), attendu + " in: " + texte);
            }
            assertFalse(texte.contains("0606060606"), "no contact details");
            assertFalse(texte.contains("@example.org"), "no contact details");
        }
        assertTrue(FabriqueDemandes.nombre("""
                SELECT count(*) FROM audit WHERE acteur = 'agent.actis@sne.test' AND action = 'LECTURE' AND objet_id = ?
                   AND apres->>'document' = 'FICHE_SYNTHESE'""", numero) >= 1);
    }

    @Test
    void otherTerritoriesAndProfilesAreRefused() {
        WebClient gard = new WebClient(server);
        gard.signInAs("gt.gard@sne.test");
        assertEquals(404, gard.octets("/pro/demandes/" + numero + "/fiche.pdf").statusCode());
        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        assertEquals(403, admin.octets("/pro/demandes/" + numero + "/fiche.pdf").statusCode());
        WebClient agent = new WebClient(server);
        agent.signInAs("agent.actis@sne.test");
        assertEquals(404, agent.octets("/pro/demandes/038112599999938001/fiche.pdf").statusCode());
        WebClient support = new WebClient(server);
        support.signInAs("support@sne.test");
        assertEquals(200, support.octets("/pro/demandes/" + numero + "/fiche.pdf").statusCode());
    }
}
