package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The professionals' search of applications: every filter filters, sorts, pagination, the CSV
 * and XLSX exports, and who may search. Applications are registered through the vendors' API
 * with the full CERFA model; all of them want Engins (38153), a commune no other test uses.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RechercheDemandesTest implements SharedServicesTest {

    private static final String ENGINS = "38153";
    private static final String ALBENC = "38004";
    private static final Pattern LIGNE = Pattern.compile(">(038[0-9]{10}3800[0-9])</a>");
    private static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    EmbeddedServer server;

    private WebClient gt;
    /** A: one person, T2, 1 500 €, desk 38001. */
    private String a;
    /** B: five persons (co-holder and three children), T4/T5, 1 300 €, DALO, disability, desk 38002. */
    private String b;
    /** C: two persons, T3, 2 500 €, no taxable income, priority category. */
    private String c;
    /** D: radiated. */
    private String d;
    /** E: filed 30 months ago, renewed 10 days ago, T1. */
    private String e;
    private final List<String> albenc = new ArrayList<>();

    @BeforeAll
    void demandes() {
        FabriqueDemandes f = new FabriqueDemandes(server);
        String nom = FabriqueDemandes.nomUnique("Recherche");
        a = f.creer("editeur-actis", FabriqueDemandes.Menage.de(nom, "Alice", "1990-01-01").communes(ENGINS, "38002").types("T2"));
        b = f.creer("editeur-stegreve", FabriqueDemandes.Menage.de(nom, "Bruno", "1980-02-02").communes(ENGINS).types("T4", "T5")
                .famille(true, 3).ressources(900, 9000).priorite("ACTIF", "HAND").avecHandicap());
        c = f.creer("editeur-actis", FabriqueDemandes.Menage.de(nom, "Chloé", "1975-03-03").communes(ENGINS, "38005").types("T3")
                .famille(false, 1).ressources(2500, null).priorite(null, "DEFAV"));
        d = f.creer("editeur-actis", FabriqueDemandes.Menage.de(nom, "David", "1970-04-04").communes(ENGINS));
        FabriqueDemandes.sql("UPDATE demande SET etat = 'RADIEE' WHERE numero_unique = ?", d);
        e = f.creer("editeur-actis", FabriqueDemandes.Menage.de(nom, "Emma", "1965-05-05").communes(ENGINS).types("T1"));
        FabriqueDemandes.sql("""
                UPDATE demande SET date_depot = current_date - interval '30 months',
                                   date_dernier_renouvellement = current_date - 10 WHERE numero_unique = ?""", e);
        for (int i = 0; i < 23; i++) {
            albenc.add(f.creer("editeur-actis", FabriqueDemandes.Menage.de(nom, "Page" + (char) ('a' + i), "1991-06-" + (10 + i % 18))
                    .communes(ALBENC)));
        }
        gt = new WebClient(server);
        gt.signInAs("gt.isere@sne.test");
    }

    /** The numbers listed on a result page, in their order. */
    private static List<String> numeros(HttpResponse<String> page) {
        List<String> numeros = new ArrayList<>();
        Matcher m = LIGNE.matcher(page.body());
        while (m.find()) {
            numeros.add(m.group(1));
        }
        return numeros;
    }

    private List<String> chercher(String requete) {
        HttpResponse<String> r = gt.page("/pro/demandes?commune=" + ENGINS + "&" + requete);
        assertEquals(200, r.statusCode(), r.body());
        return numeros(r);
    }

    private static <T> void memes(List<T> attendus, List<T> obtenus) {
        assertEquals(new java.util.HashSet<>(attendus), new java.util.HashSet<>(obtenus), "got " + obtenus);
    }

    @Test
    void simpleCriteriaEachFilter() {
        memes(List.of(a, b, c, e), chercher(""));
        memes(List.of(a, b, c, d, e), chercher("etat=TOUTES"));
        memes(List.of(d), chercher("etat=RADIEE"));
        // the commune by its name, as typed
        HttpResponse<String> parNom = gt.page("/pro/demandes?commune=engins");
        memes(List.of(a, b, c, e), numeros(parNom));
        memes(List.of(a), numeros(gt.page("/pro/demandes?commune=38002")));
        // the number, whole (spaces allowed) or its beginning
        String espace = a.substring(0, 3) + " " + a.substring(3, 7) + " " + a.substring(7, 13) + " " + a.substring(13);
        memes(List.of(a), numeros(gt.page("/pro/demandes?numero=" + espace.replace(" ", "+"))));
        assertTrue(numeros(gt.page("/pro/demandes?numero=" + a.substring(0, 13))).contains(a));
        String hier = AUJOURDHUI.minusDays(1).toString();
        memes(List.of(e), chercher("depotAu=" + hier));
        memes(List.of(a, b, c), chercher("depotDu=" + AUJOURDHUI));
        memes(List.of(e), chercher("renouvellementDu=" + AUJOURDHUI.minusDays(15) + "&renouvellementAu=" + AUJOURDHUI));
    }

    @Test
    void advancedCriteriaEachFilter() {
        memes(List.of(b), chercher("tailleMin=3"));
        memes(List.of(a, e), chercher("tailleMax=1"));
        memes(List.of(c), chercher("tailleMin=2&tailleMax=2"));
        memes(List.of(b), chercher("types=T4"));
        memes(List.of(a, c), chercher("types=T2&types=T3"));
        memes(List.of(b), chercher("ressourcesMax=1400"));
        memes(List.of(c), chercher("ressourcesMin=2000"));
        memes(List.of(b), chercher("revenuMax=10000"));
        memes(List.of(a, e), chercher("revenuMin=15000"));
        memes(List.of(b, c), chercher("prioritaire=oui"));
        memes(List.of(a, e), chercher("prioritaire=non"));
        memes(List.of(b), chercher("dalo=ACTIF"));
        memes(List.of(b), chercher("handicap=oui"));
        memes(List.of(e), chercher("ancienneteMin=24"));
        memes(List.of(a, b, c), chercher("ancienneteMax=1"));
        memes(List.of(b), chercher("guichet=38002"));
        // events of the shared history are not recorded yet: no such filter
    }

    @Test
    void resultsAreSorted() {
        assertEquals(b, chercher("tri=TAILLE_DESC").getFirst());
        assertEquals(e, chercher("tri=DEPOT_ASC").getFirst());
        assertEquals(e, chercher("tri=DEPOT_DESC").getLast());
        List<String> parNumero = chercher("tri=NUMERO");
        assertEquals(parNumero.stream().sorted().toList(), parNumero);
        List<String> parRessources = chercher("tri=RESSOURCES_ASC");
        assertEquals(List.of(b, e, a, c), parRessources, "1 300, then 1 500 (oldest filing first), 2 500");
    }

    @Test
    void resultsArePaginated() {
        HttpResponse<String> premiere = gt.page("/pro/demandes?commune=" + ALBENC + "&tri=NUMERO");
        assertEquals(20, numeros(premiere).size());
        assertTrue(premiere.body().contains("23 demandes correspondent à ces critères."), premiere.body());
        assertTrue(premiere.body().contains("page 1 sur 2"), premiere.body());
        assertTrue(premiere.body().contains("aria-label=\"Pagination des résultats\""));
        HttpResponse<String> seconde = gt.page("/pro/demandes?commune=" + ALBENC + "&tri=NUMERO&page=2");
        List<String> fin = numeros(seconde);
        assertEquals(3, fin.size());
        List<String> toutes = new ArrayList<>(numeros(premiere));
        toutes.addAll(fin);
        assertEquals(albenc.stream().sorted().toList(), toutes, "every application once, in number order");
        assertEquals(23, numeros(gt.page("/pro/demandes?commune=" + ALBENC + "&parPage=50")).size());
    }

    @Test
    void wrongCriteriaAreExplainedInFrench() {
        HttpResponse<String> r = gt.page("/pro/demandes?tailleMin=abc&depotDu=2025-05-01&depotAu=2025-04-01&commune=Nulle-Part");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("La taille minimale du ménage : indiquez un nombre entier."), r.body());
        assertTrue(r.body().contains("La date de fin de dépôt précède la date de début."), r.body());
        assertTrue(r.body().contains("Aucune commune du territoire ne s’appelle « Nulle-Part »"), r.body());
        assertTrue(r.body().contains("href=\"#tailleMin\""), "the summary links to the field");
    }

    @Test
    void onlyProfilesThatMayReadApplicationsSearchTheirOwnTerritory() {
        WebClient consultant = new WebClient(server);
        consultant.signInAs("consultant@sne.test");
        assertTrue(numeros(consultant.page("/pro/demandes?commune=" + ENGINS)).contains(a));

        WebClient gard = new WebClient(server);
        gard.signInAs("gt.gard@sne.test");
        HttpResponse<String> ailleurs = gard.page("/pro/demandes?etat=TOUTES&numero=" + a);
        assertEquals(200, ailleurs.statusCode());
        assertEquals(List.of(), numeros(ailleurs), "another territory's applications are never listed");

        WebClient support = new WebClient(server);
        support.signInAs("support@sne.test");
        HttpResponse<String> sansTerritoire = support.page("/pro/demandes?commune=" + ENGINS);
        assertEquals(400, sansTerritoire.statusCode());
        assertTrue(sansTerritoire.body().contains("Choisissez le territoire où chercher."));
        assertTrue(numeros(support.page("/pro/demandes?territoire=038&commune=" + ENGINS)).contains(a));

        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        assertEquals(403, admin.page("/pro/demandes").statusCode());
        assertEquals(403, admin.page("/pro/demandes/export/demandes.csv?territoire=038").statusCode());
        WebClient demandeur = new WebClient(server);
        demandeur.signInAs("demandeur@sne.test");
        assertEquals(403, demandeur.page("/pro/demandes").statusCode());
    }

    @Test
    void searchesAreAudited() {
        chercher("tailleMin=5");
        assertTrue(FabriqueDemandes.nombre("""
                SELECT count(*) FROM audit WHERE acteur = 'gt.isere@sne.test' AND action = 'LECTURE'
                   AND apres->>'recherche' = 'DEMANDES' AND apres->'criteres'->>'tailleMin' = '5'
                   AND apres->'numeros' @> jsonb_build_array(?::text)""", b) >= 1);
    }

    private static HttpResponse<byte[]> telecharger(WebClient web, String chemin) {
        return web.octets(chemin);
    }

    @Test
    void csvExportForFrenchExcel() {
        HttpResponse<byte[]> r = telecharger(gt, "/pro/demandes/export/demandes.csv?commune=" + ENGINS + "&tri=NUMERO");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"demandes-038-"));
        byte[] octets = r.body();
        assertEquals(0xEF, octets[0] & 0xff, "UTF-8 byte order mark");
        assertEquals(0xBB, octets[1] & 0xff);
        assertEquals(0xBF, octets[2] & 0xff);
        String csv = new String(octets, 3, octets.length - 3, StandardCharsets.UTF_8);
        String[] lignes = csv.split("\r\n");
        assertEquals("Numéro unique;État;Date de dépôt;Dernier renouvellement;Prochain renouvellement;Guichet enregistreur;"
                + "Nom de naissance;Nom d’usage;Prénoms;Taille du ménage;Ressources mensuelles (€);Revenu fiscal de référence (€);"
                + "Types de logement;Communes souhaitées (INSEE);Prioritaire;Statut DALO;Handicap", lignes[0]);
        assertEquals(5, lignes.length, "header and the four active applications: " + csv);
        Map<String, String[]> parNumero = new HashMap<>();
        for (int i = 1; i < lignes.length; i++) {
            String[] cellules = lignes[i].split(";", -1);
            assertEquals(17, cellules.length, lignes[i]);
            parNumero.put(cellules[0], cellules);
        }
        String[] ligneB = parNumero.get(b);
        String date = AUJOURDHUI.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertEquals(List.of(b, "Active", date, "", AUJOURDHUI.plusYears(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "38002", ligneB[6], "", "Bruno", "5", "1300", "9000", "T4, T5", ENGINS, "oui", "ACTIF", "oui"), List.of(ligneB));
        assertTrue(ligneB[6].startsWith("Recherche"), ligneB[6]);
        assertFalse(parNumero.containsKey(d), "radiated applications are not in an export of active ones");
        assertFalse(csv.contains("@example.org"), "no contact details");
        assertFalse(csv.contains("0606060606"));
        assertTrue(FabriqueDemandes.nombre("""
                SELECT count(*) FROM audit WHERE acteur = 'gt.isere@sne.test' AND action = 'EXPORT'
                   AND apres->>'format' = 'CSV' AND apres->'criteres'->>'commune' = ?""", ENGINS) >= 1);
    }

    @Test
    void xlsxExportIsAWorkbookWithOneRowPerApplication() throws Exception {
        HttpResponse<byte[]> r = telecharger(gt, "/pro/demandes/export/demandes.xlsx?commune=" + ENGINS + "&etat=TOUTES&tri=NUMERO");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> parties = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry entree; (entree = zip.getNextEntry()) != null; ) {
                parties.put(entree.getName(), zip.readAllBytes());
            }
        }
        for (String partie : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml")) {
            assertTrue(parties.containsKey(partie), partie + " in " + parties.keySet());
        }
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document feuille = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(parties.get("xl/worksheets/sheet1.xml")));
        NodeList rows = feuille.getElementsByTagNameNS("*", "row");
        assertEquals(6, rows.getLength(), "header and five applications (active and radiated)");
        List<String> entete = cellules((Element) rows.item(0));
        assertEquals("Numéro unique", entete.getFirst());
        assertEquals("Handicap", entete.getLast());
        Map<String, List<String>> parNumero = new HashMap<>();
        for (int i = 1; i < rows.getLength(); i++) {
            List<String> c = cellules((Element) rows.item(i));
            parNumero.put(c.getFirst(), c);
        }
        assertEquals(java.util.Set.of(a, b, c, d, e), parNumero.keySet());
        assertEquals("Radiée", parNumero.get(d).get(1));
        List<String> ligneC = parNumero.get(c);
        // dates are real dates: a serial number with the date style
        assertEquals(String.valueOf(AUJOURDHUI.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay()), ligneC.get(2));
        assertEquals("2", ligneC.get(9));
        assertEquals("2500", ligneC.get(10));
        assertEquals("", ligneC.get(11), "no taxable income declared");
        assertEquals(ENGINS + ", 38005", ligneC.get(13));
        Element dateCellule = (Element) ((Element) rows.item(1)).getElementsByTagNameNS("*", "c").item(2);
        assertEquals("1", dateCellule.getAttribute("s"));
        assertTrue(new String(parties.get("xl/workbook.xml"), StandardCharsets.UTF_8).contains("name=\"Demandes\""));
    }

    /** The cell values of a row, by column (inline strings or numbers; empty for absent cells). */
    private static List<String> cellules(Element row) {
        List<String> valeurs = new ArrayList<>();
        NodeList cs = row.getElementsByTagNameNS("*", "c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element cell = (Element) cs.item(i);
            int colonne = colonne(cell.getAttribute("r"));
            while (valeurs.size() < colonne) {
                valeurs.add("");
            }
            valeurs.add(cell.getTextContent());
        }
        while (valeurs.size() < 17) {
            valeurs.add("");
        }
        return valeurs;
    }

    private static int colonne(String reference) {
        int n = 0;
        for (char ch : reference.replaceAll("[0-9]", "").toCharArray()) {
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    @Test
    void exportsRefuseWrongCriteria() {
        assertEquals(400, telecharger(gt, "/pro/demandes/export/demandes.csv?tailleMin=abc").statusCode());
    }
}
