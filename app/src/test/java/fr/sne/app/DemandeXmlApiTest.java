package fr.sne.app;

import fr.sne.core.demande.DemandeJson;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendors' API in interfaceNuu XML (contract v1.0): the real public sample registered by a
 * 038 desk and read back in XML and JSON with the same data; updates with If-Match; hostile and
 * bad documents refused with problem+json, never expanded, never a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeXmlApiTest implements SharedServicesTest {

    private static final String NS = "http://nuu.application.i2/";
    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");
    private static final String PROBLEME = "application/problem+json";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    // ---------------------------------------------------------------- helpers

    /**
     * The adapted real sample (see interface-nuu/README.md), its taxable-income years moved to
     * the last two years so that it is current whatever the year the test runs.
     */
    private static String echantillon() {
        try (InputStream in = DemandeXmlApiTest.class.getResourceAsStream("/interface-nuu/JDD_OPENFISCA_038.xml")) {
            int annee = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<ns1:anneeMoins1>2025</ns1:anneeMoins1>", "<ns1:anneeMoins1>" + (annee - 1) + "</ns1:anneeMoins1>")
                    .replace("<ns1:anneeMoins2>2024</ns1:anneeMoins2>", "<ns1:anneeMoins2>" + (annee - 2) + "</ns1:anneeMoins2>");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jean Dupont born 1970-01-01 is also registered in 038 by other tests: the desk confirms it checked. */
    private static String confirme(String xml, String motif) {
        return xml.replace("<ns1:demandeLogement>",
                "<ns1:demandeLogement>\n            <ns1:confirmationNonDoublon>" + motif + "</ns1:confirmationNonDoublon>");
    }

    private static String jeton(String client) {
        return "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600);
    }

    private HttpResponse<String> envoyer(String methode, String chemin, String client, String contentType, String accept,
                                         HttpRequest.BodyPublisher corps, String... entetes) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(chemin)).header("Authorization", jeton(client))
                .header("Content-Type", contentType).method(methode, corps);
        if (accept != null) {
            r.header("Accept", accept);
        }
        for (int i = 0; i < entetes.length; i += 2) {
            r.header(entetes[i], entetes[i + 1]);
        }
        return web.send(r.build());
    }

    private HttpResponse<String> postXml(String client, String xml, String accept, String... entetes) {
        return envoyer("POST", "/api/v1.0/demandes", client, "application/xml", accept,
                HttpRequest.BodyPublishers.ofString(xml), entetes);
    }

    private HttpResponse<String> putXml(String client, String numero, String xml, String... entetes) {
        return envoyer("PUT", "/api/v1.0/demandes/" + numero, client, "application/xml", "application/json",
                HttpRequest.BodyPublishers.ofString(xml), entetes);
    }

    private HttpResponse<String> get(String client, String numero, String accept) {
        WebClient web = new WebClient(server);
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri("/api/v1.0/demandes/" + numero)).header("Authorization", jeton(client));
        if (accept != null) {
            r.header("Accept", accept);
        }
        return web.send(r.GET().build());
    }

    private static String numero(HttpResponse<String> response) {
        Matcher m = NUMERO.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static void probleme(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(PROBLEME, type(r), r.body());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
    }

    /** The test's own parser: hardened the same way as any client should be. */
    private static Document dom(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("XML illisible : " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static Element enfant(Element parent, String nom) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && nom.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> enfants(Element parent, String nom) {
        List<Element> liste = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && nom.equals(e.getLocalName())) {
                    liste.add(e);
                }
            }
        }
        return liste;
    }

    private static String texte(Element parent, String nom) {
        Element e = enfant(parent, nom);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String code(Element parent, String nom) {
        Element e = enfant(parent, nom);
        return e == null ? "" : e.getAttribute("code");
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    // ------------------------------------------- the same facts, read from XML and from JSON

    /**
     * Persons, resources and housing as facts ("key" → value) read from an interfaceNuu document
     * with the format's own rule for names: with nomPatronymique, it is the birth name and nom the
     * usage name; without it, nom is the birth name.
     */
    private static Map<String, String> faits(Document document) {
        Element dl = enfant(enfant(document.getDocumentElement(), "demande"), "demandeLogement");
        Element pp = enfant(dl, "personnePhysique");
        Map<String, String> f = new LinkedHashMap<>();
        Element d = enfant(pp, "demandeur");
        personneXml(f, "demandeur", d);
        f.put("demandeur.telPortable", texte(d, "telPortable"));
        f.put("demandeur.mel", texte(d, "mel"));
        Element a = enfant(d, "adressePostale");
        f.put("demandeur.adresse", String.join("|", texte(a, "etranger"), texte(a, "numero"), texte(a, "voie"),
                texte(a, "codePostal"), code(a, "commune")));
        ressourcesXml(f, "demandeur.ressourcesRecuesPersonnesACharge", enfant(d, "listeRessourceRecuePersACharge"));
        ressourcesXml(f, "demandeur.ressourcesVerseesPersonnesACharge", enfant(d, "listeRessourceVerseePersACharge"));
        List<Element> cotitulaires = enfants(enfant(pp, "listeCotitulaire"), "cotitulaire");
        for (int i = 0; i < cotitulaires.size(); i++) {
            personneXml(f, "cotitulaire" + i, cotitulaires.get(i));
            f.put("cotitulaire" + i + ".lienDemandeur", code(cotitulaires.get(i), "lienDemandeur"));
        }
        List<Element> aCharge = enfants(enfant(pp, "listePersonneACharge"), "personneACharge");
        for (int i = 0; i < aCharge.size(); i++) {
            Element p = aCharge.get(i);
            f.put("aCharge" + i, String.join("|", texte(p, "nom"), texte(p, "prenom"), texte(p, "dateNaissance"),
                    code(p, "sexe"), code(p, "lienParente")));
        }
        Element n = enfant(pp, "personneANaitre");
        f.put("aNaitre", texte(n, "nombre") + "|" + texte(n, "dateNaissancePrevue"));
        List<Element> garde = enfants(enfant(pp, "listePersonneEnGarde"), "personneEnGarde");
        for (int i = 0; i < garde.size(); i++) {
            Element p = garde.get(i);
            f.put("enGarde" + i, String.join("|", texte(p, "prenom"), texte(p, "dateNaissance"), code(p, "sexe"),
                    code(p, "coParentalite")));
        }
        Element la = enfant(pp, "logementActuel");
        f.put("logementActuel", String.join("|",
                String.join(",", enfants(enfant(la, "listeModeleLogement"), "modeleLogement").stream().map(e -> e.getAttribute("code")).toList()),
                texte(la, "montantMensuelLoyer"), texte(la, "nombreHabitant"), code(la, "categorieLogement"),
                code(la, "typeLogementActuel"), texte(la, "surface"), texte(la, "proprietaire")));
        Element lr = enfant(dl, "logementRecherche");
        f.put("logementRecherche.types", String.join(",", enfants(enfant(lr, "listeTypeLogement"), "typeLogement").stream()
                .map(e -> e.getAttribute("code")).toList()));
        f.put("logementRecherche.communes", String.join(",", enfants(enfant(lr, "listeCommuneSouhaitee"), "commune").stream()
                .map(e -> e.getAttribute("code")).toList()));
        return f;
    }

    private static void personneXml(Map<String, String> f, String cle, Element p) {
        String patronymique = texte(p, "nomPatronymique");
        f.put(cle + ".identite", String.join("|", code(p, "civilite"),
                patronymique.isEmpty() ? texte(p, "nom") : patronymique, patronymique.isEmpty() ? "" : texte(p, "nom"),
                texte(p, "prenom"), texte(p, "dateNaissance"), code(p, "nationalite"), code(p, "situationFamiliale")));
        Element t = enfant(p, "situationProfessionnelle");
        f.put(cle + ".travail", String.join("|", texte(t, "profession"), code(t, "typeContratTravail"),
                texte(t, "nomEmployeurPrincipal"), texte(t, "etranger"), texte(t, "codePostal"), code(t, "commune")));
        Element r = enfant(p, "revenuFiscal");
        f.put(cle + ".revenuFiscal", String.join("|", texte(r, "anneeMoins1"), texte(r, "montantMoins1"),
                texte(r, "anneeMoins2"), texte(r, "montantMoins2")));
        ressourcesXml(f, cle + ".ressourcesRecues", enfant(p, "listeRessourceRecue"));
        ressourcesXml(f, cle + ".ressourcesVersees", enfant(p, "listeRessourceVersee"));
    }

    private static void ressourcesXml(Map<String, String> f, String cle, Element liste) {
        f.put(cle, String.join(",", enfants(liste, "detailRessource").stream()
                .map(d -> code(d, "ressource") + "=" + texte(d, "montant")).toList()));
    }

    /** The same facts from the JSON model. */
    private static Map<String, String> faits(DemandeJson.Contenu c) {
        Map<String, String> f = new LinkedHashMap<>();
        DemandeJson.Demandeur d = c.demandeur();
        personneJson(f, "demandeur", d.civilite(), d.nomNaissance(), d.nomUsage(), d.prenoms(), d.dateNaissance(), d.nationalite(),
                d.situationFamiliale(), d.situationProfessionnelle(), d.revenuFiscal(), d.ressourcesRecues(), d.ressourcesVersees());
        f.put("demandeur.telPortable", s(d.telPortable()));
        f.put("demandeur.mel", s(d.mel()));
        DemandeJson.Adresse a = d.adresse();
        f.put("demandeur.adresse", String.join("|", s(a.etranger()), s(a.numero()), s(a.voie()), s(a.codePostal()), s(a.communeInsee())));
        f.put("demandeur.ressourcesRecuesPersonnesACharge", ressourcesJson(d.ressourcesRecuesPersonnesACharge()));
        f.put("demandeur.ressourcesVerseesPersonnesACharge", ressourcesJson(d.ressourcesVerseesPersonnesACharge()));
        for (int i = 0; i < c.cotitulairesOuVide().size(); i++) {
            DemandeJson.Cotitulaire p = c.cotitulaires().get(i);
            personneJson(f, "cotitulaire" + i, p.civilite(), p.nomNaissance(), p.nomUsage(), p.prenoms(), p.dateNaissance(),
                    p.nationalite(), p.situationFamiliale(), p.situationProfessionnelle(), p.revenuFiscal(), p.ressourcesRecues(),
                    p.ressourcesVersees());
            f.put("cotitulaire" + i + ".lienDemandeur", s(p.lienDemandeur()));
        }
        for (int i = 0; i < c.personnesAChargeOuVide().size(); i++) {
            DemandeJson.PersonneACharge p = c.personnesACharge().get(i);
            f.put("aCharge" + i, String.join("|", s(p.nomNaissance()), s(p.prenoms()), s(p.dateNaissance()), s(p.sexe()),
                    s(p.lienParente())));
        }
        f.put("aNaitre", s(c.enfantsANaitre().nombre()) + "|" + s(c.enfantsANaitre().dateNaissancePrevue()));
        for (int i = 0; i < c.personnesEnGardeOuVide().size(); i++) {
            DemandeJson.PersonneEnGarde p = c.personnesEnGarde().get(i);
            f.put("enGarde" + i, String.join("|", s(p.prenoms()), s(p.dateNaissance()), s(p.sexe()), s(p.coParentalite())));
        }
        DemandeJson.LogementActuel la = c.logementActuel();
        f.put("logementActuel", String.join("|", String.join(",", la.modelesLogement()), s(la.montantMensuelLoyer()),
                s(la.nombreHabitants()), s(la.categorieLogement()), s(la.typeLogement()), s(la.surface()), s(la.proprietaire())));
        f.put("logementRecherche.types", String.join(",", c.logementRecherche().typesLogement()));
        f.put("logementRecherche.communes", String.join(",", c.logementRecherche().communesSouhaitees()));
        return f;
    }

    private static void personneJson(Map<String, String> f, String cle, String civilite, String nomNaissance, String nomUsage,
                                     String prenoms, LocalDate naissance, String nationalite, String situationFamiliale,
                                     DemandeJson.SituationProfessionnelle t, DemandeJson.RevenuFiscal r,
                                     List<DemandeJson.Ressource> recues, List<DemandeJson.Ressource> versees) {
        f.put(cle + ".identite", String.join("|", s(civilite), s(nomNaissance), s(nomUsage), s(prenoms), s(naissance),
                s(nationalite), s(situationFamiliale)));
        f.put(cle + ".travail", String.join("|", s(t.profession()), s(t.typeContratTravail()), s(t.nomEmployeur()),
                s(t.etranger()), s(t.codePostal()), s(t.communeInsee())));
        f.put(cle + ".revenuFiscal", String.join("|", s(r.anneeMoins1()), s(r.montantMoins1()), s(r.anneeMoins2()),
                s(r.montantMoins2())));
        f.put(cle + ".ressourcesRecues", ressourcesJson(recues));
        f.put(cle + ".ressourcesVersees", ressourcesJson(versees));
    }

    private static String ressourcesJson(List<DemandeJson.Ressource> ressources) {
        return ressources == null ? "" : String.join(",", ressources.stream().map(r -> r.code() + "=" + r.montant()).toList());
    }

    private Schema schemaPublie() throws Exception {
        WebClient web = new WebClient(server);
        HttpResponse<String> xsd = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/schemas/interfaceNuu-02.01.xsd")).GET().build());
        assertEquals(200, xsd.statusCode(), xsd.body());
        assertTrue(type(xsd).startsWith("application/xml"), type(xsd));
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newSchema(new StreamSource(new ByteArrayInputStream(xsd.body().getBytes(StandardCharsets.UTF_8))));
    }

    private static void valide(Schema schema, String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    // ---------------------------------------------------------------- tests

    @Test
    void theRealSampleIsRegisteredAndReadBackInXmlAndJsonWithTheSameData() throws Exception {
        String sample = echantillon();
        Schema schema = schemaPublie();
        valide(schema, sample);

        HttpResponse<String> cree = postXml("editeur-actis", confirme(sample, "Jeu d'essai OpenFisca, identité vérifiée"),
                "application/json", "Idempotency-Key", "openfisca-" + System.nanoTime());
        assertEquals(201, cree.statusCode(), cree.body());
        assertTrue(type(cree).startsWith("application/json"), type(cree));
        String numero = numero(cree);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertTrue(numero.matches("038\\d{10}38001"), numero);
        assertEquals("/api/v1.0/demandes/" + numero, cree.headers().firstValue("Location").orElse(""));
        assertEquals("\"" + numero + "-1\"", cree.headers().firstValue("ETag").orElse(""));

        HttpResponse<String> enJson = get("editeur-actis", numero, "application/json");
        assertEquals(200, enJson.statusCode(), enJson.body());
        HttpResponse<String> enXml = get("editeur-actis", numero, "application/xml");
        assertEquals(200, enXml.statusCode(), enXml.body());
        assertTrue(type(enXml).startsWith("application/xml"), type(enXml));
        assertEquals("\"" + numero + "-1\"", enXml.headers().firstValue("ETag").orElse(""));
        // the register's document is valid against the schema it publishes
        valide(schema, enXml.body());

        Document lu = dom(enXml.body());
        assertEquals("02.01", lu.getDocumentElement().getAttribute("versionInterface"));
        assertEquals(NS, lu.getDocumentElement().getNamespaceURI());
        Element dl = enfant(enfant(lu.getDocumentElement(), "demande"), "demandeLogement");
        assertEquals(numero, texte(dl, "numUnique"));
        assertEquals(today.toString(), texte(dl, "dateCreationDemande"));
        assertEquals(today.plusYears(1).toString(), texte(dl, "dateProchainRenouvellement"));
        assertEquals("ACTIVE", code(dl, "etatDemande"));
        assertEquals("38001", code(dl, "guichetEnregistreur"));

        Map<String, String> envoye = faits(dom(sample));
        Map<String, String> reluXml = faits(lu);
        Map<String, String> reluJson = faits(json.readValue(enJson.body(), Argument.of(DemandeJson.Contenu.class)));
        // field by field: the sample, the XML read and the JSON read say the same
        assertEquals(envoye.keySet(), reluXml.keySet());
        for (String cle : envoye.keySet()) {
            assertEquals(envoye.get(cle), reluXml.get(cle), "XML : " + cle);
            assertEquals(envoye.get(cle), reluJson.get(cle), "JSON : " + cle);
        }
        // and they are the sample's own values (so the comparison above did not compare empty facts)
        int annee = today.getYear();
        assertEquals("1|Dupont||Jean|1970-01-01|1|M", reluJson.get("demandeur.identite"));
        assertEquals("2|MARTIN|DUPONT|MARIE|1975-02-01|2|M", reluJson.get("cotitulaire0.identite"));
        assertEquals("M", reluJson.get("cotitulaire0.lienDemandeur"));
        assertEquals("DUPONT|LEA|2010-01-01|F|E", reluJson.get("aCharge0"));
        assertEquals("1|2018-08-01", reluJson.get("aNaitre"));
        assertEquals("|2012-01-01|M|G", reluJson.get("enGarde0"));
        assertEquals("|2014-01-01|M|D", reluJson.get("enGarde1"));
        assertEquals("PAR=100,AEEH=140,PINV=100,AF=400,CHO=150,PAJE=400,BE=300,AAH=100,RET=100,SAL=1500,AJPP=150,AMV=150,"
                + "RSA=130,AUT=290", reluJson.get("demandeur.ressourcesRecues"));
        assertEquals("PAV=120", reluJson.get("demandeur.ressourcesVersees"));
        assertEquals("PAJE=100,BE=140,AAH=20,SAL=1000,AJPP=50,AMV=600,RSA=75,RET=150,PAR=200,AEEH=120,PINV=50,CHO=100,"
                + "AF=200,AUT=360", reluJson.get("cotitulaire0.ressourcesRecues"));
        assertEquals("PAV=30", reluJson.get("cotitulaire0.ressourcesVersees"));
        assertEquals("", reluJson.get("demandeur.ressourcesRecuesPersonnesACharge"));
        assertEquals((annee - 1) + "|21000|" + (annee - 2) + "|20000", reluJson.get("demandeur.revenuFiscal"));
        assertEquals("Agent de sécurité|CDI|AAAA|false|75000|75056", reluJson.get("demandeur.travail"));
        assertEquals("false|103|avenue de france|75013|75113", reluJson.get("demandeur.adresse"));
        assertEquals("LP|1000|5|A|T3|50|false", reluJson.get("logementActuel"));
        assertEquals("38185,38382", reluJson.get("logementRecherche.communes"));
        assertEquals("T4,T5", reluJson.get("logementRecherche.types"));

        // JSON by default: no Accept, */*, or JSON preferred over XML
        for (String accept : new String[]{null, "*/*", "application/json, application/xml;q=0.5"}) {
            HttpResponse<String> r = get("editeur-actis", numero, accept);
            assertEquals(200, r.statusCode(), accept + " → " + r.body());
            assertTrue(type(r).startsWith("application/json"), accept + " → " + type(r));
        }
        // another territory does not know it exists, in XML either; errors stay problem+json
        probleme(get("editeur-logis", numero, "application/xml"), 404);
    }

    @Test
    void aProbableDuplicateSentInXmlGets409UnlessConfirmed() {
        String sample = echantillon().replace("<ns1:prenom>Jean</ns1:prenom>", "<ns1:prenom>Jean-Baptiste</ns1:prenom>");
        HttpResponse<String> premier = postXml("editeur-actis", confirme(sample, "Premier dépôt"), "application/json");
        assertEquals(201, premier.statusCode(), premier.body());
        String numero = numero(premier);
        HttpResponse<String> doublon = postXml("editeur-stegreve", sample.replace("Jean-Baptiste", "JEAN BAPTISTE"), "application/xml");
        probleme(doublon, 409);
        assertTrue(doublon.body().contains(numero), doublon.body());
        assertTrue(doublon.body().contains("confirmationNonDoublon"), doublon.body());
        HttpResponse<String> confirme = postXml("editeur-stegreve", confirme(sample, "Homonyme vérifié sur pièce d'identité"),
                "application/json");
        assertEquals(201, confirme.statusCode(), confirme.body());
        assertNotEquals(numero, numero(confirme));
    }

    @Test
    void aCreationAnswersInXmlWhenAskedAndAnIdempotencyKeyCreatesOnce() {
        String xml = confirme(echantillon().replace("<ns1:prenom>Jean</ns1:prenom>", "<ns1:prenom>Jules</ns1:prenom>"), "Essai");
        String cle = "xml-" + System.nanoTime();
        HttpResponse<String> cree = postXml("editeur-actis", xml, "application/xml", "Idempotency-Key", cle);
        assertEquals(201, cree.statusCode(), cree.body());
        assertTrue(type(cree).startsWith("application/xml"), type(cree));
        String location = cree.headers().firstValue("Location").orElseThrow();
        Element dl = enfant(enfant(dom(cree.body()).getDocumentElement(), "demande"), "demandeLogement");
        String numero = texte(dl, "numUnique");
        assertEquals("/api/v1.0/demandes/" + numero, location);
        assertEquals("\"" + numero + "-1\"", cree.headers().firstValue("ETag").orElse(""));
        assertEquals("02.01", dom(cree.body()).getDocumentElement().getAttribute("versionInterface"));

        HttpResponse<String> rejouee = postXml("editeur-actis", xml, "application/json", "Idempotency-Key", cle);
        assertEquals(201, rejouee.statusCode(), rejouee.body());
        assertEquals(numero, numero(rejouee));
        assertEquals(location, rejouee.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anUpdateInXmlNeedsIfMatchAndRefusesAStaleVersion() {
        String xml = confirme(echantillon().replace("<ns1:prenom>Jean</ns1:prenom>", "<ns1:prenom>Jacques</ns1:prenom>"), "Essai");
        String numero = numero(postXml("editeur-actis", xml, "application/json"));
        HttpResponse<String> lu = get("editeur-actis", numero, "application/xml");
        String etag = lu.headers().firstValue("ETag").orElseThrow();

        // the document read is sent back, changed: new e-mail, one more wanted commune
        String modifie = lu.body().replace("jean.dupont@yyyy.fr", "jacques.dupont@example.org")
                .replace("<ns1:commune code=\"38382\"/>", "<ns1:commune code=\"38382\"/>\n                    <ns1:commune code=\"38421\"/>");
        probleme(putXml("editeur-actis", numero, modifie), 428);
        HttpResponse<String> ok = putXml("editeur-stegreve", numero, modifie, "If-Match", etag);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("\"" + numero + "-2\"", ok.headers().firstValue("ETag").orElse(""));
        assertTrue(ok.body().contains("\"mel\":\"jacques.dupont@example.org\""), ok.body());
        assertTrue(ok.body().contains("\"communesSouhaitees\":[\"38185\",\"38382\",\"38421\"]"), ok.body());

        HttpResponse<String> perime = putXml("editeur-actis", numero, modifie.replace("jacques.dupont@", "jd@"), "If-Match", etag);
        probleme(perime, 412);
        assertTrue(perime.body().contains("\"versionActuelle\":2"), perime.body());
        // who changed what meanwhile, as for JSON (the same answer for a stale JSON update)
        assertTrue(perime.body().contains("\"auteur\":\"Logiciel du guichet 38002\""), perime.body());
        assertTrue(perime.body().contains("\"demandeur.mel\""), perime.body());
        HttpResponse<String> perimeJson = envoyer("PUT", "/api/v1.0/demandes/" + numero, "editeur-actis", "application/json",
                "application/json", HttpRequest.BodyPublishers.ofString(get("editeur-actis", numero, "application/json").body()),
                "If-Match", etag);
        probleme(perimeJson, 412);
        assertTrue(perimeJson.body().contains("\"demandeur.mel\""), perimeJson.body());

        HttpResponse<String> autreNumero = putXml("editeur-actis", numero,
                modifie.replace("<ns1:numUnique>" + numero, "<ns1:numUnique>038010100000138001"), "If-Match", "\"" + numero + "-2\"");
        probleme(autreNumero, 400);
        assertTrue(autreNumero.body().contains("\"code\":\"NUMERO_DIFFERENT\""), autreNumero.body());

        HttpResponse<String> autreDate = putXml("editeur-actis", numero, modifie.replaceFirst(
                "<ns1:dateCreationDemande>[^<]*</ns1:dateCreationDemande>", "<ns1:dateCreationDemande>2001-01-01</ns1:dateCreationDemande>"),
                "If-Match", "\"" + numero + "-2\"");
        probleme(autreDate, 400);
        assertTrue(autreDate.body().contains("\"champ\":\"/interfaceNuu/demande/demandeLogement/dateCreationDemande\""), autreDate.body());
        // still version 2: nothing was written by the refused requests
        assertEquals("\"" + numero + "-2\"", get("editeur-actis", numero, "application/xml").headers().firstValue("ETag").orElse(""));
    }

    @Test
    void hostileDocumentsAreRefusedWithoutExpandingAnything() throws Exception {
        Path secret = Files.createTempFile("sne-secret", ".txt");
        Files.writeString(secret, "CONTENU-TRES-SECRET-42");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE ns1:interfaceNuu [ <!ENTITY xxe SYSTEM "%s"> ]>
                <ns1:interfaceNuu versionInterface="02.01" xmlns:ns1="http://nuu.application.i2/">
                  <ns1:demande><ns1:demandeLogement><ns1:personnePhysique><ns1:demandeur>
                    <ns1:nom>&xxe;</ns1:nom></ns1:demandeur></ns1:personnePhysique></ns1:demandeLogement></ns1:demande>
                </ns1:interfaceNuu>""".formatted(secret.toUri());
        HttpResponse<String> r = postXml("editeur-actis", xxe, "application/xml");
        probleme(r, 400);
        assertTrue(r.body().contains("XML_DOCTYPE_INTERDIT"), r.body());
        assertFalse(r.body().contains("CONTENU-TRES-SECRET"), r.body());

        String distante = xxe.replace(secret.toUri().toString(), "http://127.0.0.1:9/sne-xxe");
        probleme(postXml("editeur-actis", distante, "application/json"), 400);

        StringBuilder rires = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            rires.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        rires.append("]>\n<lolz>&lol9;</lolz>");
        HttpResponse<String> bombe = postXml("editeur-actis", rires.toString(), "application/json");
        probleme(bombe, 400);
        assertTrue(bombe.body().contains("XML_DOCTYPE_INTERDIT"), bombe.body());
        assertFalse(bombe.body().contains("lollollol"), bombe.body());

        HttpResponse<String> malForme = postXml("editeur-actis", "<ns1:interfaceNuu versionInterface=\"02.01\" xmlns:ns1=\""
                + NS + "\"><ns1:demande>", "application/json");
        probleme(malForme, 400);
        assertTrue(malForme.body().contains("XML_MAL_FORME"), malForme.body());
        probleme(postXml("editeur-actis", "{\"demandeur\": {}}", "application/json"), 400);
        probleme(envoyer("POST", "/api/v1.0/demandes", "editeur-actis", "application/xml", "application/json",
                HttpRequest.BodyPublishers.noBody()), 400);

        HttpResponse<String> espace = postXml("editeur-actis", echantillon().replace(NS, "http://example.org/nuu"), "application/json");
        probleme(espace, 400);
        assertTrue(espace.body().contains("\"code\":\"XML_ESPACE_DE_NOMS\""), espace.body());
        assertTrue(espace.body().contains("http://nuu.application.i2/"), espace.body());

        HttpResponse<String> version = postXml("editeur-actis", echantillon().replace("versionInterface=\"02.00\"",
                "versionInterface=\"03.00\""), "application/json");
        probleme(version, 400);
        assertTrue(version.body().contains("\"code\":\"XML_VERSION_NON_PRISE_EN_CHARGE\""), version.body());
        assertTrue(version.body().contains("\"champ\":\"/interfaceNuu/@versionInterface\""), version.body());
        assertTrue(version.body().contains("03.00"), version.body());
    }

    @Test
    void aDocumentAboveTheLimitGets413ProblemJsonWithOrWithoutContentLength() {
        String gros = echantillon().replace("<ns1:voie>avenue de france</ns1:voie>",
                "<!-- " + "x".repeat(1536 * 1024) + " --><ns1:voie>avenue de france</ns1:voie>");
        HttpResponse<String> annonce = postXml("editeur-actis", gros, "application/xml");
        probleme(annonce, 413);
        assertTrue(annonce.body().contains("taille autorisée"), annonce.body());
        // streamed without Content-Length (chunked): cut at the limit while reading
        HttpResponse<String> flux = envoyer("POST", "/api/v1.0/demandes", "editeur-actis", "application/xml", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(gros.getBytes(StandardCharsets.UTF_8))));
        probleme(flux, 413);
        // and the same for an update
        probleme(putXml("editeur-actis", "038010100000138001", gros, "If-Match", "\"038010100000138001-1\""), 413);
    }

    @Test
    void businessAnomaliesNameTheXmlElements() {
        String sample = confirme(echantillon(), "Essai");
        String invalide = sample.replace("<ns1:civilite code=\"1\"/>", "<ns1:civilite code=\"9\"/>")
                .replace("<ns1:typeLogement code=\"T5\"/>", "<ns1:typeLogement code=\"T9\"/>")
                .replaceFirst("<ns1:ressource code=\"AMV\"/>(\\s*)<ns1:montant>600<", "<ns1:ressource code=\"XXX\"/>$1<ns1:montant>600<")
                .replace("<ns1:commune code=\"38382\"/>", "<ns1:commune code=\"99999\"/>");
        HttpResponse<String> r = postXml("editeur-actis", invalide, "application/xml");
        probleme(r, 400);
        String base = "/interfaceNuu/demande/demandeLogement";
        for (String champ : List.of(base + "/personnePhysique/demandeur/civilite/@code",
                base + "/logementRecherche/listeTypeLogement/typeLogement[2]/@code",
                base + "/personnePhysique/listeCotitulaire/cotitulaire[1]/listeRessourceRecue/detailRessource[6]/ressource/@code",
                base + "/logementRecherche/listeCommuneSouhaitee/commune[2]/@code")) {
            assertTrue(r.body().contains("\"champ\":\"" + champ + "\""), champ + " in " + r.body());
        }
        assertTrue(r.body().contains("\"code\":\"CODE_INCONNU\""), r.body());
        assertTrue(r.body().contains("Civilité : code inconnu « 9 »"), r.body());

        HttpResponse<String> schema = postXml("editeur-actis", sample.replace("<ns1:surface>50</ns1:surface>",
                "<ns1:surface>cinquante</ns1:surface>"), "application/json");
        probleme(schema, 400);
        assertTrue(schema.body().contains("\"champ\":\"" + base + "/personnePhysique/logementActuel/surface\""), schema.body());
        assertTrue(schema.body().contains("n'est pas une valeur valide"), schema.body());

        HttpResponse<String> date = postXml("editeur-actis", sample.replace("<ns1:demandeLogement>",
                "<ns1:demandeLogement><ns1:dateCreationDemande>2018-03-15</ns1:dateCreationDemande>"), "application/json");
        probleme(date, 400);
        assertTrue(date.body().contains("\"code\":\"DATE_DEPOT_CERTIFIEE\""), date.body());
        assertTrue(date.body().contains("\"champ\":\"" + base + "/dateCreationDemande\""), date.body());

        HttpResponse<String> numero = postXml("editeur-actis", sample.replace("<ns1:demandeLogement>",
                "<ns1:demandeLogement><ns1:numUnique>1110318016982G1104</ns1:numUnique>"), "application/json");
        probleme(numero, 400);
        assertTrue(numero.body().contains("\"code\":\"NUMERO_ATTRIBUE_PAR_LE_REGISTRE\""), numero.body());

        HttpResponse<String> mod = postXml("editeur-actis", sample.replace("<ns1:entete>",
                "<ns1:entete>").replace("</ns1:dateFichier>", "</ns1:dateFichier>\n        <ns1:typeFichier code=\"MOD\"/>"),
                "application/json");
        probleme(mod, 400);
        assertTrue(mod.body().contains("\"code\":\"TYPE_FICHIER\""), mod.body());

        // an unknown commune code is named with its element
        HttpResponse<String> arrondissement = postXml("editeur-actis", sample.replaceFirst(
                "<ns1:codePostal>75013</ns1:codePostal>(\\s*)<ns1:commune code=\"75113\"/>",
                "<ns1:codePostal>75013</ns1:codePostal>$1<ns1:commune code=\"75199\"/>"), "application/json");
        probleme(arrondissement, 400);
        assertTrue(arrondissement.body().contains("\"champ\":\"" + base + "/personnePhysique/demandeur/adressePostale/commune/@code\""),
                arrondissement.body());
    }

    @Test
    void theSchemaIsPublishedWithoutSignIn() throws Exception {
        WebClient web = new WebClient(server);
        HttpResponse<String> xsd = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/schemas/interfaceNuu-02.01.xsd")).GET().build());
        assertEquals(200, xsd.statusCode());
        assertTrue(xsd.body().contains("targetNamespace=\"http://nuu.application.i2/\""), xsd.body());
        schemaPublie();
        HttpResponse<String> inconnu = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/schemas/autre.xsd")).GET().build());
        assertNotEquals(200, inconnu.statusCode());
    }
}
