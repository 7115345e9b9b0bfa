package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.sne.app.FabriqueDemandes.nombre;
import static fr.sne.app.PiecesPages.Fichier;
import static fr.sne.app.PiecesPages.envoyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supporting documents' pages as browsers use them (issue #6): a desk deposits from the
 * application's page, requalifies, meets a stale form, deletes; the applicant deposits from
 * "Mes pièces justificatives" and reads why a file is refused next to the field it came from;
 * each profile sees what it may.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiecesPagesTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private String demande(FabriqueDemandes.Menage menage) {
        return new FabriqueDemandes(server).creer("editeur-actis", menage);
    }

    private WebClient agent(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    /** The page's text with the entities Thymeleaf writes for apostrophes and quotes turned back. */
    private static String texte(HttpResponse<String> r) {
        return r.body().replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static Fichier pdf(String nom, String titre) {
        return new Fichier(nom, "application/pdf", PiecesFixture.pdfUnique(titre));
    }

    private static Map<String, String> qualification(String version, String pertinence, String commentaire) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", version);
        f.put("type", "AVIS_IMPOSITION");
        f.put("categorie", "");
        f.put("finValidite", "2026-12-31");
        f.put("indicePertinence", pertinence);
        f.put("commentaire", commentaire);
        f.put("sousDocuments[0].de", "1");
        f.put("sousDocuments[0].a", "1");
        f.put("sousDocuments[0].libelle", "Avis d'imposition 2025");
        f.put("sousDocuments[1].de", "");
        f.put("sousDocuments[1].a", "");
        f.put("sousDocuments[1].libelle", "");
        return f;
    }

    @Test
    void aDeskDepositsFromTheApplicationPageThenOpensItsDocument() {
        String numero = demande(FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Pages"), "Lea", "1984-05-05")
                .famille(true, 1));
        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> fiche = actis.page("/pro/demandes/" + numero);
        assertEquals(200, fiche.statusCode(), fiche.body());
        String html = texte(fiche);
        assertTrue(html.contains("id=\"pieces\""), "the documents' panel");
        assertTrue(html.contains("Aucune pièce justificative n’est déposée"));
        assertTrue(html.contains("enctype=\"multipart/form-data\""));
        assertTrue(html.contains("Livret de famille"), "expected documents from the household: " + html);
        assertTrue(html.contains("Pièce d’identité du cotitulaire"));

        // without the page's token: refused, nothing stored
        String depot = "/pro/demandes/" + numero + "/pieces";
        HttpResponse<String> sansJeton = envoyer(actis, depot, Map.of("csrfToken", "autre", "type", "AVIS_IMPOSITION",
                "fichier", pdf("avis.pdf", "Avis d'imposition")));
        assertEquals(403, sansJeton.statusCode());
        assertEquals(0, PiecesPages.nombrePieces(numero));

        Fichier avis = pdf("avis-2025.pdf", "Avis d'imposition 2025 sur les revenus 2024");
        HttpResponse<String> r = envoyer(actis, depot, Map.of("type", "AVIS_IMPOSITION", "finValidite", "", "fichier", avis));
        assertEquals(303, r.statusCode(), r.body());
        long id = PiecesPages.piece(r);
        assertEquals("/pro/demandes/" + numero + "/pieces/" + id + "?message=deposee", WebClient.location(r));
        String page = texte(actis.page(WebClient.location(r)));
        assertTrue(page.contains("La pièce a été déposée"), page);
        assertTrue(page.contains("Pièce n° " + id + " : Avis d'imposition"), page);
        assertTrue(page.contains("avis-2025.pdf"));
        assertTrue(page.contains("Qualifier la pièce"));
        assertTrue(page.contains("<td>Déposée</td>"), "the history starts with the deposit");
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND deposant = 'GUICHET' AND type = 'AVIS_IMPOSITION'", id));

        // the same bytes again: the existing document, nothing stored twice
        HttpResponse<String> encore = envoyer(actis, depot, Map.of("fichier", avis));
        assertEquals(303, encore.statusCode());
        assertEquals("/pro/demandes/" + numero + "/pieces/" + id + "?message=existante", WebClient.location(encore));
        assertEquals(1, PiecesPages.nombrePieces(numero));

        // the panel lists it with the link to what the policy serves a desk: the original
        String panneau = texte(actis.page("/pro/demandes/" + numero));
        assertTrue(panneau.contains("id=\"piece-" + id + "\""), panneau);
        String lien = "/pro/demandes/" + numero + "/pieces/" + id + "/fichier";
        assertTrue(panneau.contains("href=\"" + lien + "\""), panneau);
        HttpResponse<byte[]> ouverte = actis.octets(lien);
        assertEquals(200, ouverte.statusCode());
        assertTrue(new String(ouverte.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(texte(actis.page("/pro/demandes/" + numero + "/pieces/" + id)).contains("<td>Consultée</td>"),
                "the opening is in the document's history");

        // a refused file comes back with the reason next to the file field
        HttpResponse<String> texteBrut = envoyer(actis, depot, Map.of("fichier", new Fichier("note.pdf", "application/pdf",
                "Ceci n'est pas un PDF".getBytes(StandardCharsets.UTF_8))));
        assertEquals(415, texteBrut.statusCode(), texteBrut.body());
        assertTrue(texteBrut.body().contains("id=\"depot-fichier-erreur\""), texteBrut.body());
        assertEquals(1, PiecesPages.nombrePieces(numero));
    }

    @Test
    void aDeskRequalifiesAndAStaleFormSaysSoWithoutLosingAnything() {
        String numero = demande(FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Requal"), "Lea", "1984-05-05"));
        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> r = envoyer(actis, "/pro/demandes/" + numero + "/pieces",
                Map.of("fichier", pdf("impots.pdf", "Avis d'imposition 2025")));
        assertEquals(303, r.statusCode(), r.body());
        long id = PiecesPages.piece(r);
        PiecesPages.attendreAnalyse(id);
        String pagePiece = "/pro/demandes/" + numero + "/pieces/" + id;
        String version = PiecesPages.cache(actis.page(pagePiece).body(), "version");

        Map<String, String> sansJeton = qualification(version, "REGLEMENTAIRE", "Sans jeton");
        sansJeton.put("csrfToken", "autre");
        assertEquals(403, actis.submit(pagePiece, sansJeton).statusCode(), "the form's token is required");
        HttpResponse<String> q = actis.submit(pagePiece, qualification(version, "REGLEMENTAIRE", "Vérifié avec le centre des impôts"));
        assertEquals(303, q.statusCode(), q.body());
        assertEquals(pagePiece + "?message=requalifiee", WebClient.location(q));
        String page = texte(actis.page(WebClient.location(q)));
        assertTrue(page.contains("La qualification de la pièce a été enregistrée"));
        assertTrue(page.contains("pages 1–1 : Avis d'imposition 2025"), page);
        assertTrue(page.contains("31/12/2026"));
        assertTrue(page.contains("<td>Requalifiée</td>"));
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND indice_pertinence = 'REGLEMENTAIRE'", id));

        // the territorial manager had the page open before: their form is stale
        WebClient gt = agent("gt.isere@sne.test");
        Map<String, String> perime = qualification(version, "SUSPICION_FRAUDE", "Montants incohérents avec la fiche de paie");
        HttpResponse<String> conflit = gt.submit(pagePiece, perime);
        assertEquals(409, conflit.statusCode(), conflit.body());
        String c = texte(conflit);
        assertTrue(c.contains("La pièce a été modifiée pendant que vous la qualifiiez"), c);
        assertTrue(c.contains("Julie Martin"), "who changed it: " + c);
        assertTrue(c.contains("Montants incohérents avec la fiche de paie</textarea>"), "the typed comment is kept");
        assertTrue(c.contains("Enregistré entre-temps : Dans le périmètre réglementaire"), c);
        assertTrue(Pattern.compile("value=\"SUSPICION_FRAUDE\"\\s+checked").matcher(c).find()
                || Pattern.compile("checked=\"checked\"[^>]*value=\"SUSPICION_FRAUDE\"").matcher(c).find()
                || c.matches("(?s).*value=\"SUSPICION_FRAUDE\"[^>]*checked.*"), "the chosen relevance is kept");
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND indice_pertinence = 'REGLEMENTAIRE' "
                + "AND commentaire = 'Vérifié avec le centre des impôts'", id), "nothing written");

        // saved again from that page (its version is now the current one): applied
        perime.put("version", PiecesPages.cache(conflit.body(), "version"));
        HttpResponse<String> applique = gt.submit(pagePiece, perime);
        assertEquals(303, applique.statusCode(), applique.body());
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND indice_pertinence = 'SUSPICION_FRAUDE'", id));

        // a mistake in a page range: next to its field, nothing written
        Map<String, String> erreur = qualification(PiecesPages.cache(gt.page(pagePiece).body(), "version"), "NON_VERIFIE", "");
        erreur.put("sousDocuments[0].de", "un");
        HttpResponse<String> invalide = gt.submit(pagePiece, erreur);
        assertEquals(422, invalide.statusCode());
        assertTrue(invalide.body().contains("id=\"piece-sous-0-de-erreur\""), invalide.body());
        assertTrue(invalide.body().contains("id=\"resume-erreurs\""));
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND indice_pertinence = 'SUSPICION_FRAUDE'", id));

        // deletion after a confirmation
        HttpResponse<String> confirmation = actis.page(pagePiece + "/suppression");
        assertEquals(200, confirmation.statusCode());
        assertTrue(confirmation.body().contains("Supprimer la pièce n° <span>" + id + "</span>"), confirmation.body());
        assertEquals(403, gt.page(pagePiece + "/suppression").statusCode(), "only desks delete");
        HttpResponse<String> suppression = actis.submit(pagePiece + "/suppression", Map.of());
        assertEquals(303, suppression.statusCode());
        assertEquals("/pro/demandes/" + numero + "?piece=supprimee#pieces", WebClient.location(suppression));
        String fiche = texte(actis.page("/pro/demandes/" + numero + "?piece=supprimee"));
        assertTrue(fiche.contains("La pièce a été supprimée"));
        assertFalse(fiche.contains("id=\"piece-" + id + "\""), "no longer listed");
        String supprimee = texte(actis.page(pagePiece));
        assertTrue(supprimee.contains("Supprimée le"), "its page and history remain");
        assertTrue(supprimee.contains("<td>Supprimée</td>"));
        assertFalse(supprimee.contains("Qualifier la pièce"));
    }

    @Test
    void theSimpleConsultantSeesTheListWithoutOpeningAndNoSensitiveDocument() {
        String numero = demande(FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Consult"), "Lea", "1984-05-05"));
        WebClient actis = agent("agent.actis@sne.test");
        String depot = "/pro/demandes/" + numero + "/pieces";
        long bulletin = PiecesPages.piece(envoyer(actis, depot, Map.of("type", "BULLETIN_SALAIRE", "fichier",
                pdf("paie.pdf", "Bulletin de salaire"))));
        long plainte = PiecesPages.piece(envoyer(actis, depot, Map.of("type", "PLAINTE_VIOLENCES", "fichier",
                pdf("plainte.pdf", "Récépissé de plainte"))));

        WebClient consultant = agent("consultant@sne.test");
        String fiche = texte(consultant.page("/pro/demandes/" + numero));
        assertTrue(fiche.contains("id=\"piece-" + bulletin + "\""), fiche);
        assertFalse(fiche.contains("id=\"piece-" + plainte + "\""), "a sensitive document is not listed");
        assertFalse(fiche.contains("/fichier"), "no link to open anything");
        assertTrue(fiche.contains("Votre profil ne permet pas d’ouvrir cette pièce."));
        assertTrue(fiche.contains("ne sont pas listées pour votre profil"));
        assertFalse(fiche.contains("Déposer la pièce"));
        String page = texte(consultant.page(depot + "/" + bulletin));
        assertFalse(page.contains("Qualifier la pièce"));
        assertFalse(page.contains("/fichier"));
        assertFalse(page.contains("Supprimer la pièce"));
        assertEquals(404, consultant.page(depot + "/" + plainte).statusCode());
        assertEquals(403, consultant.octets(depot + "/" + bulletin + "/fichier").statusCode());
        assertEquals(403, consultant.submit(depot + "/" + bulletin, qualification("1", "REGLEMENTAIRE", "")).statusCode());

        // the "consultant sensible" lists and opens both
        WebClient sensible = agent("sensible@sne.test");
        String vue = texte(sensible.page("/pro/demandes/" + numero));
        assertTrue(vue.contains("href=\"" + depot + "/" + plainte + "/fichier\""), vue);
        assertTrue(vue.contains("Sensible"));
        assertEquals(200, sensible.octets(depot + "/" + plainte + "/fichier").statusCode());
    }

    @Test
    void theApplicantDepositsFromTheirPortalAndReadsWhyAFileIsRefused() {
        String email = "pieces." + MaDemandeTest.nom("x") + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        WebClient web = e.demandeur();
        String numero = e.numero();
        String fiche = texte(web.page("/mes-demandes/" + numero));
        assertTrue(fiche.contains("Mes pièces justificatives"), fiche);
        assertTrue(fiche.contains("Vous n’avez encore déposé aucune pièce."));
        assertTrue(fiche.contains("href=\"/mes-demandes/" + numero + "/pieces\""));

        String chemin = "/mes-demandes/" + numero + "/pieces";
        HttpResponse<String> page = web.page(chemin);
        assertEquals(200, page.statusCode(), page.body());
        String html = texte(page);
        for (String code : new String[] {"identite-demandeur", "identite-cotitulaire-0", "ressources-salaires"}) {
            assertTrue(html.contains("id=\"attendue-" + code + "\""), code + " expected: " + html);
        }
        assertTrue(html.contains("accept=\"application/pdf,image/*\""));
        assertTrue(html.contains("À fournir"));

        HttpResponse<String> r = envoyer(web, chemin, Map.of("attendue", "identite-demandeur", "type", "PASSEPORT",
                "fichier", pdf("passeport.pdf", "Passeport")));
        assertEquals(303, r.statusCode(), r.body());
        long id = PiecesPages.piece(r);
        assertTrue(WebClient.location(r).endsWith("#attendue-identite-demandeur"), WebClient.location(r));
        String apres = texte(web.page(WebClient.location(r)));
        assertTrue(apres.contains("Votre pièce « passeport.pdf » a bien été reçue"), apres);
        assertTrue(section(apres, "attendue-identite-demandeur").contains("Fournie"), apres);
        assertTrue(section(apres, "attendue-identite-cotitulaire-0").contains("À fournir"));
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND deposant = 'DEMANDEUR' AND type = 'PASSEPORT'", id));
        assertTrue(apres.contains("href=\"/mes-demandes/" + numero + "/pieces/" + id + "/fichier\""), "they open their own");

        // past its validity end date: to replace, for the applicant as for the desk
        FabriqueDemandes.sql("UPDATE piece_justificative SET fin_validite = DATE '2020-01-31' WHERE id = ?", id);
        String perimee = texte(web.page(chemin));
        assertTrue(section(perimee, "attendue-identite-demandeur").contains("Expirée — à remplacer"), perimee);
        assertTrue(section(perimee, "piece-" + id).contains("Expirée — à remplacer"));
        assertTrue(texte(web.page("/mes-demandes/" + numero)).contains("Expirée — à remplacer"), "on the application's page too");

        // the desk sees it
        String guichet = texte(agent("agent.actis@sne.test").page("/pro/demandes/" + numero));
        assertTrue(guichet.contains("id=\"piece-" + id + "\""), guichet);
        assertTrue(guichet.contains("Le demandeur, en ligne"));
        assertTrue(section(guichet, "piece-" + id).contains("Expirée"));

        // refusals: next to the field of the card it was sent from, nothing stored
        long avant = PiecesPages.nombrePieces(numero);
        assertEquals(403, envoyer(web, chemin, Map.of("csrfToken", "autre", "attendue", "autre", "fichier", pdf("z.pdf", "z")))
                .statusCode(), "the form's token is required");
        record Cas(Fichier fichier, Map<String, String> champs, int statut, String message) {
        }
        byte[] chiffre = PiecesFixture.echantillon("testUnicodePassword.pdf");
        byte[] pdf = PiecesFixture.echantillon("testPDF.pdf");
        byte[] tronque = java.util.Arrays.copyOf(pdf, pdf.length / 2);
        byte[] enorme = new byte[21 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(enorme);
        for (Cas c : new Cas[] {
                new Cas(new Fichier("note.txt", "text/plain", "Mes bulletins".getBytes(StandardCharsets.UTF_8)), Map.of(), 415, "PDF"),
                new Cas(new Fichier("paie.pdf", "application/pdf", chiffre), Map.of(), 422, "mot de passe"),
                new Cas(new Fichier("avis.pdf", "application/pdf", tronque), Map.of(), 422, "endommagé"),
                new Cas(new Fichier("photo.jpg", "image/jpeg", enorme), Map.of(), 413, "20 Mo"),
                new Cas(new Fichier("", "application/octet-stream", new byte[0]), Map.of(), 422, "Choisissez le fichier")}) {
            Map<String, Object> champs = new HashMap<>(c.champs());
            champs.put("attendue", "ressources-salaires");
            champs.put("fichier", c.fichier());
            HttpResponse<String> refus = envoyer(web, chemin, champs);
            assertEquals(c.statut(), refus.statusCode(), c.fichier().nom() + " " + refus.body());
            String erreur = erreur(refus.body(), "fichier-ressources-salaires-erreur");
            assertTrue(erreur.contains(c.message()), c.fichier().nom() + " → " + erreur);
            assertTrue(refus.body().contains("aria-invalid=\"true\""));
            assertTrue(refus.body().contains("href=\"#fichier-ressources-salaires\""), "the summary links to the field");
        }
        // above the server's request limit (25 MB): refused before the application reads it, a French page, not a 500
        byte[] tropGros = new byte[27 * 1024 * 1024];
        HttpResponse<String> limite = envoyer(web, chemin, Map.of("attendue", "ressources-salaires",
                "fichier", new Fichier("film.mp4", "video/mp4", tropGros)));
        assertEquals(413, limite.statusCode(), limite.body());
        // a type that does not supply this card
        HttpResponse<String> mauvaisType = envoyer(web, chemin, Map.of("attendue", "identite-demandeur", "type", "BULLETIN_SALAIRE",
                "fichier", pdf("x.pdf", "x")));
        assertEquals(422, mauvaisType.statusCode());
        assertTrue(mauvaisType.body().contains("Choisissez l’un des types proposés"));
        assertEquals(avant, PiecesPages.nombrePieces(numero), "nothing half-stored");

        // a free deposit, type left to the analysis
        HttpResponse<String> libre = envoyer(web, chemin, Map.of("attendue", "autre", "type", "", "fichier", pdf("divers.pdf", "Divers")));
        assertEquals(303, libre.statusCode(), libre.body());
        assertTrue(WebClient.location(libre).endsWith("#mes-pieces"));

        // nobody else's
        WebClient autre = new WebClient(server);
        autre.signInAsApplicant("autre." + MaDemandeTest.nom("x") + "@exemple.fr", "Nora", "Khelifi");
        assertEquals(404, autre.page(chemin).statusCode());
        assertEquals(404, envoyer(autre, chemin, Map.of("attendue", "autre", "fichier", pdf("y.pdf", "y"))).statusCode());
        assertEquals(403, agent("agent.actis@sne.test").page(chemin).statusCode());
    }

    /** The text of the error paragraph with this id. */
    private static String erreur(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertTrue(m.find(), id + " in " + html);
        return m.group(1).replace("&#39;", "'");
    }

    /** The HTML of the element with this id: a card up to the next one, a document up to the end of its row or item. */
    private static String section(String html, String id) {
        int debut = html.indexOf("id=\"" + id + "\"");
        assertTrue(debut >= 0, id);
        int fin;
        if (id.startsWith("piece-")) {
            int ligne = html.indexOf("</tr>", debut);
            int item = html.indexOf("</li>", debut);
            fin = ligne < 0 ? item : item < 0 ? ligne : Math.min(ligne, item);
        } else {
            fin = html.indexOf("class=\"sne-attendue", debut + 1);
        }
        return html.substring(debut, fin < 0 ? html.length() : fin);
    }
}
