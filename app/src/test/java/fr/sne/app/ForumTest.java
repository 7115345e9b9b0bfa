package fr.sne.app;

import fr.sne.community.forum.ReponsesParCourriel;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spaces' forums through their pages, signed in as the demo personas: restricted spaces
 * invisible (pages and search), mentions in the outbox, Markdown sanitised, stale edits, slow mode,
 * approval of first posts, moderation (hide, lock, move, merge) and its log, reply by mail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumTest implements SharedServicesTest {

    static final String ADMIN = "admin@sne.test";
    static final String GT_ISERE = "gt.isere@sne.test";
    static final String GT_GARD = "gt.gard@sne.test";
    static final String AGENT_ACTIS = "agent.actis@sne.test";
    static final String AGENT_STEGREVE = "agent.stegreve@sne.test";

    private static final Pattern CATEGORIE = Pattern.compile("/communaute/forum/categories/(\\d+)");
    private static final Pattern SUJET = Pattern.compile("/communaute/forum/sujets/(\\d+)");
    private static final Pattern MESSAGE = Pattern.compile("id=\"message-(\\d+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    ReponsesParCourriel reponsesParCourriel;

    @Inject
    MoteurRecherche moteur;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    @AfterAll
    void effacer() throws SQLException {
        effacerForums();
    }

    @Test
    void restrictedSpacesAreInvisibleInPagesAndSearch() {
        WebClient gtIsere = connecte(GT_ISERE);
        String mot = "zorglub" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        long categorie = categorie(gtIsere, "isere", unique("Questions locales"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Sujet isérois"), "Le mot " + mot + " ne sort pas de l'Isère.");

        WebClient gtGard = connecte(GT_GARD);
        for (String page : List.of("/communaute/espaces/isere", "/communaute/espaces/isere/membres",
                "/communaute/forum/sujets/" + sujet, "/communaute/forum/categories/" + categorie)) {
            assertEquals(404, gtGard.page(page).statusCode(), page);
        }
        assertFalse(gtGard.page("/communaute/espaces").body().contains("/communaute/espaces/isere\""));
        assertFalse(gtGard.page("/communaute").body().contains("/communaute/forum/sujets/" + sujet + "\""));

        WebClient agent = connecte(AGENT_ACTIS);
        assertEquals(404, agent.page("/communaute/espaces/gt-national").statusCode());
        assertEquals(200, agent.page("/communaute/espaces/isere").statusCode(), "the territory's desks see their space");
        assertTrue(agent.page("/communaute").body().contains("/communaute/forum/sujets/" + sujet + "\""), "what's new on the home");

        moteur.attendreVisibilite();
        assertTrue(gtIsere.page("/recherche?q=" + mot).body().contains("/communaute/forum/sujets/" + sujet + "\""), "found by its space's members");
        assertFalse(gtGard.page("/recherche?q=" + mot).body().contains("/communaute/forum/sujets/" + sujet + "\""), "not by others");
    }

    @Test
    void mentionsReachTheOutboxForPeopleWhoSeeTheSpace() throws SQLException {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "entraide", unique("Mentions"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Question à Julie"), "Bonjour @agent.actis, as-tu vu ce cas ? Et @inconnu.total ?");
        String page = gtIsere.page("/communaute/forum/sujets/" + sujet).body();
        assertTrue(page.contains("href=\"/communaute/espaces/entraide/membres#membre-" + utilisateur(AGENT_ACTIS) + "\""), page);
        assertEquals(List.of(utilisateur(AGENT_ACTIS)), mentionnes(sujet, "SUJET"));

        // gt.gard does not see the Isère space: no link, no notification
        long isere = categorie(gtIsere, "isere", unique("Mentions locales"), "0", false);
        long local = sujet(gtIsere, isere, unique("Local"), "Pour @gt.gard et @agent.actis");
        assertEquals(List.of(utilisateur(AGENT_ACTIS)), mentionnes(local, "SUJET"));

        // a reply's mentions
        WebClient agent = connecte(AGENT_ACTIS);
        HttpResponse<String> r = agent.submit("/communaute/forum/sujets/" + sujet + "/reponses", Map.of("markdown", "Oui @gt.isere, merci.", "action", "publier"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(List.of(utilisateur(GT_ISERE)), mentionnes(sujet, "REPONSE"));

        // thanks
        long reponse = dernierMessage(gtIsere, sujet);
        assertEquals(303, gtIsere.submit("/communaute/forum/messages/" + reponse + "/merci", Map.of()).statusCode());
        assertTrue(gtIsere.page("/communaute/forum/sujets/" + sujet).body().contains("Merci donné (1)"));
    }

    @Test
    void markdownIsSanitised() {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "entraide", unique("XSS"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Tentatives"), """
                <script>alert('sujet')</script>

                [clic](javascript:alert('lien'))

                <img src=x onerror=alert('img')>

                ![image](https://evil.example/x.png "t") **gras**
                """);
        String page = gtIsere.page("/communaute/forum/sujets/" + sujet).body();
        assertFalse(page.contains("<script>alert"), "no script");
        assertFalse(page.contains("javascript:alert"), "no javascript: link");
        assertFalse(page.contains("onerror=alert"), "no event handler");
        assertFalse(page.contains("src=\"https://evil.example"), "no external image");
        assertTrue(page.contains("<strong>gras</strong>"));
    }

    @Test
    void staleEditAnswers409KeepingTheText() {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "entraide", unique("Modifications"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Texte à corriger"), "Première version");
        long message = premierMessage(gtIsere, sujet);
        String version = version(gtIsere.page("/communaute/forum/messages/" + message + "/modifier").body());

        HttpResponse<String> premiere = gtIsere.submit("/communaute/forum/messages/" + message, Map.of("markdown", "Deuxième version", "version", version));
        assertEquals(303, premiere.statusCode(), premiere.body());
        HttpResponse<String> perimee = gtIsere.submit("/communaute/forum/messages/" + message, Map.of("markdown", "Ma correction tardive", "version", version));
        assertEquals(409, perimee.statusCode());
        assertTrue(perimee.body().contains("Ma correction tardive"), "the typed text is kept");
        assertTrue(perimee.body().contains("Deuxième version"), "the current version is shown");

        String page = gtIsere.page("/communaute/forum/sujets/" + sujet).body();
        assertTrue(page.contains("/communaute/forum/messages/" + message + "/versions\">modifié</a>"));
        String versions = gtIsere.page("/communaute/forum/messages/" + message + "/versions").body();
        assertTrue(versions.contains("Première version") && versions.contains("Deuxième version"), versions);
    }

    @Test
    void draftsAreKeptPerUserAndRestored() {
        WebClient agent = connecte(AGENT_ACTIS);
        long categorie = categorie(connecte(GT_ISERE), "entraide", unique("Brouillons"), "0", false);
        HttpResponse<String> r = agent.submit("/communaute/forum/categories/" + categorie + "/sujets",
                Map.of("titre", "Titre en cours", "markdown", "Texte pas fini", "action", "brouillon"));
        assertEquals(303, r.statusCode(), r.body());
        String page = connecte(AGENT_ACTIS).page("/communaute/forum/categories/" + categorie).body();
        assertTrue(page.contains("Votre brouillon a été restauré") && page.contains("Titre en cours") && page.contains("Texte pas fini"));
        assertFalse(connecte(GT_GARD).page("/communaute/forum/categories/" + categorie).body().contains("Texte pas fini"), "one's own draft");
        long sujet = sujet(agent, categorie, "Titre final", "Texte fini");
        assertFalse(agent.page("/communaute/forum/categories/" + categorie).body().contains("Texte pas fini"), "published: the draft is gone");
        assertEquals(303, agent.submit("/communaute/forum/sujets/" + sujet + "/reponses", Map.of("markdown", "Réponse en cours", "action", "brouillon")).statusCode());
        assertTrue(agent.page("/communaute/forum/sujets/" + sujet).body().contains("Réponse en cours"));
    }

    @Test
    void slowModeRefusesWithTheRemainingWait() {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "entraide", unique("Lente"), "3600", false);
        WebClient agent = connecte(AGENT_ACTIS);
        long sujet = sujet(agent, categorie, unique("Premier"), "Un premier message");
        HttpResponse<String> r = agent.submit("/communaute/forum/sujets/" + sujet + "/reponses", Map.of("markdown", "Trop vite", "action", "publier"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("mode lent"), r.body());
        assertTrue(r.body().contains("vous pourrez publier de nouveau dans"));
        assertTrue(r.body().contains("Trop vite"), "the text is kept");
        // moderators are not slowed down
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + sujet + "/reponses", Map.of("markdown", "Réponse du modérateur", "action", "publier")).statusCode());
    }

    @Test
    void firstPostsWaitForApproval() throws SQLException {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "entraide", unique("Approuvée"), "0", true);
        WebClient nouveau = connecte(AGENT_STEGREVE);
        effacerMessagesDe(AGENT_STEGREVE);
        String titre = unique("Ma première question");
        HttpResponse<String> r = nouveau.submit("/communaute/forum/categories/" + categorie + "/sujets",
                Map.of("titre", titre, "markdown", "Bonjour à tous", "action", "publier"));
        assertEquals(303, r.statusCode(), r.body());
        long sujet = id(SUJET, WebClient.location(r));
        assertTrue(nouveau.page(WebClient.location(r)).body().contains("attend l’approbation"));
        assertEquals(404, connecte(AGENT_ACTIS).page("/communaute/forum/sujets/" + sujet).statusCode(), "invisible to others meanwhile");
        assertEquals(0, evenements(sujet, "SUJET"), "no notification before approval");

        String file = gtIsere.page("/communaute/espaces/entraide/moderation").body();
        assertTrue(file.contains("Bonjour à tous"), file);
        long message = premierMessage(gtIsere, sujet);
        assertEquals(303, gtIsere.submit("/communaute/forum/messages/" + message + "/approbation", Map.of("approuve", "true", "motif", "")).statusCode());
        assertEquals(200, connecte(AGENT_ACTIS).page("/communaute/forum/sujets/" + sujet).statusCode());
        assertEquals(1, evenements(sujet, "SUJET"));
        assertTrue(gtIsere.page("/communaute/espaces/entraide/journal").body().contains("Premier message approuvé"));
    }

    @Test
    void moderationActionsAndMergeAreLogged() throws SQLException {
        WebClient gtIsere = connecte(GT_ISERE);
        String nomCategorie = unique("Modérée");
        long categorie = categorie(gtIsere, "entraide", nomCategorie, "0", false);
        long autre = categorie(gtIsere, "entraide", unique("Autre"), "0", false);
        WebClient agent = connecte(AGENT_ACTIS);
        String titreCible = unique("Radiation pour non-renouvellement");
        long cible = sujet(agent, categorie, titreCible, "Comment radier ?");
        long source = sujet(connecte(GT_GARD), categorie, unique("Radier une demande"), "Même question, posée deux fois");
        assertEquals(303, agent.submit("/communaute/forum/sujets/" + source + "/reponses", Map.of("markdown", "Réponse dans le doublon", "action", "publier")).statusCode());
        long aMasquer = dernierMessage(agent, source);

        // a member flags the duplicate; it waits in the review queue
        long premier = premierMessage(gtIsere, source);
        assertEquals(422, agent.submit("/communaute/forum/messages/" + premier + "/signaler", Map.of("motif", "AUTRE", "texte", "")).statusCode());
        assertEquals(303, agent.submit("/communaute/forum/messages/" + premier + "/signaler", Map.of("motif", "HORS_SUJET", "texte", "doublon")).statusCode());
        assertTrue(gtIsere.page("/communaute/espaces/entraide/moderation").body().contains("HORS_SUJET : doublon"));
        assertEquals(403, agent.page("/communaute/espaces/entraide/moderation").statusCode());
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + cible + "/epingle", Map.of("epingle", "true")).statusCode());
        assertTrue(agent.page("/communaute/forum/categories/" + categorie).body().contains("Annonce"));

        // a reason is mandatory
        HttpResponse<String> sansMotif = gtIsere.submit("/communaute/forum/sujets/" + cible + "/verrou", Map.of("verrouille", "true", "motif", ""));
        assertEquals(422, sansMotif.statusCode());
        assertTrue(sansMotif.body().contains("Indiquez la raison"));

        assertEquals(303, gtIsere.submit("/communaute/forum/messages/" + aMasquer + "/masquage", Map.of("masque", "true", "motif", "Hors charte")).statusCode());
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + cible + "/verrou", Map.of("verrouille", "true", "motif", "Discussion close")).statusCode());
        assertEquals(409, agent.submit("/communaute/forum/sujets/" + cible + "/reponses", Map.of("markdown", "Encore moi", "action", "publier")).statusCode(),
                "a locked topic takes no reply");
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + cible + "/deplacement", Map.of("categorie", Long.toString(autre), "motif", "Mieux rangé")).statusCode());
        HttpResponse<String> reglages = gtIsere.submit("/communaute/forum/categories/" + categorie + "/reglages", Map.of("nom", nomCategorie,
                "description", "", "ordre", "0", "modeLent", "60", "version", "1", "motif", "Trop de messages"));
        assertEquals(303, reglages.statusCode(), reglages.body());
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + source + "/fusion", Map.of("cible", Long.toString(cible), "motif", "Doublon")).statusCode());

        HttpResponse<String> ancienne = agent.page("/communaute/forum/sujets/" + source);
        assertEquals(301, ancienne.statusCode());
        assertEquals("/communaute/forum/sujets/" + cible, WebClient.location(ancienne));
        String fusionne = gtIsere.page("/communaute/forum/sujets/" + cible).body();
        int a = fusionne.indexOf("Comment radier ?");
        int b = fusionne.indexOf("Même question, posée deux fois");
        int c = fusionne.indexOf("Réponse dans le doublon");
        assertTrue(a > 0 && b > a && c > b, "every post, in date order");
        assertFalse(agent.page("/communaute/forum/sujets/" + cible).body().contains("Réponse dans le doublon"), "the hidden post stays hidden");

        String journal = gtIsere.page("/communaute/espaces/entraide/journal").body();
        for (String attendu : List.of("Sujet épinglé", "Message masqué", "Hors charte", "Sujet verrouillé", "Discussion close", "Sujet déplacé", "Mieux rangé",
                "Réglages de catégorie modifiés", "Trop de messages", "Sujets fusionnés", "Doublon", "Claire Moreau")) {
            assertTrue(journal.contains(attendu), attendu);
        }
        assertEquals(403, agent.page("/communaute/espaces/entraide/journal").statusCode(), "moderators only");
        assertTrue(audits("forum_sujet", source) >= 1);
    }

    @Test
    void solvedTopicsAreSuggestedOnNewTicketsUnsolvedOnesAreNot() {
        WebClient gtIsere = connecte(GT_ISERE);
        WebClient agent = connecte(AGENT_ACTIS);
        long categorie = categorie(gtIsere, "entraide", unique("Suggestions"), "0", false);
        String mot = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long ouvert = sujet(agent, categorie, "Question ouverte " + mot, "Personne n'a encore répondu sur " + mot);
        long resolu = sujet(agent, categorie, "Question résolue " + mot, "Comment traiter " + mot + " ?");
        assertEquals(303, gtIsere.submit("/communaute/forum/sujets/" + resolu + "/reponses",
                Map.of("markdown", "Voici la marche à suivre pour " + mot, "action", "publier")).statusCode());
        long reponse = dernierMessage(agent, resolu);
        assertEquals(303, agent.submit("/communaute/forum/sujets/" + resolu + "/resolu", Map.of("message", Long.toString(reponse))).statusCode());
        moteur.attendreVisibilite();

        String suggestions = connecte(AGENT_STEGREVE).page("/assistance/suggestions?q=" + mot).body();

        assertTrue(suggestions.contains("/communaute/forum/sujets/" + resolu), suggestions);
        assertFalse(suggestions.contains("/communaute/forum/sujets/" + ouvert + "\""), "an unsolved topic is no answer yet");
    }

    @Test
    void repliesByMailFollowThePortalRulesOnce() throws SQLException {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "isere", unique("Par courriel"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Réponses par courriel"), "Répondez par courriel");
        String messageId = "<" + UUID.randomUUID() + "@mail.test>";
        ReponsesParCourriel.Issue premiere = reponsesParCourriel.repondre(sujet, utilisateur(AGENT_ACTIS), "Ma réponse par courriel", messageId);
        assertInstanceOf(ReponsesParCourriel.Issue.Publiee.class, premiere);
        assertInstanceOf(ReponsesParCourriel.Issue.DejaRecue.class,
                reponsesParCourriel.repondre(sujet, utilisateur(AGENT_ACTIS), "Ma réponse par courriel", messageId));
        assertInstanceOf(ReponsesParCourriel.Issue.Refusee.class,
                reponsesParCourriel.repondre(sujet, utilisateur(GT_GARD), "Je n'ai pas accès", "<" + UUID.randomUUID() + "@mail.test>"));
        assertEquals(1, evenements(sujet, "REPONSE"));
    }

    @Test
    void ownersManageMembersAndAdminsCreateSpaces() throws SQLException {
        WebClient agent = connecte(AGENT_ACTIS);
        assertEquals(404, agent.page("/communaute/espaces/fichiers-partages").statusCode());
        WebClient gtIsere = connecte(GT_ISERE);
        assertEquals(422, gtIsere.submit("/communaute/espaces/fichiers-partages/membres", Map.of("email", "personne@nulle.part", "role", "MEMBRE")).statusCode());
        assertEquals(303, gtIsere.submit("/communaute/espaces/fichiers-partages/membres", Map.of("email", AGENT_ACTIS, "role", "MEMBRE")).statusCode());
        assertEquals(200, agent.page("/communaute/espaces/fichiers-partages").statusCode());
        String membres = agent.page("/communaute/espaces/fichiers-partages/membres").body();
        assertTrue(membres.contains("Julie Martin") && membres.contains("Seuls les membres listés"));
        assertEquals(403, agent.submit("/communaute/espaces/fichiers-partages/membres", Map.of("email", "consultant@sne.test", "role", "MEMBRE")).statusCode());
        assertEquals(303, gtIsere.submit("/communaute/espaces/fichiers-partages/membres/" + utilisateur(AGENT_ACTIS) + "/retrait", Map.of()).statusCode());
        assertEquals(404, agent.page("/communaute/espaces/fichiers-partages").statusCode());
        assertTrue(gtIsere.page("/communaute/espaces/fichiers-partages/journal").body().contains("Membre retiré"));
        assertTrue(audits("espace_membre", null) >= 2);

        assertEquals(403, gtIsere.page("/communaute/espaces/nouveau").statusCode());
        WebClient admin = connecte(ADMIN);
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> creation = admin.submit("/communaute/espaces", Map.of("slug", slug, "nom", "Espace de test", "description", "Pour le test",
                "visibilite", "PROFIL", "profil", "GESTIONNAIRE_TERRITORIAL", "territoire", ""));
        assertEquals(303, creation.statusCode(), creation.body());
        assertEquals(200, gtIsere.page("/communaute/espaces/" + slug).statusCode());
        assertEquals(404, agent.page("/communaute/espaces/" + slug).statusCode());
        String liste = admin.page("/communaute/espaces").body();
        assertTrue(liste.contains("Espace de test") && liste.contains("Propriétaire"));
    }

    @Test
    void attachmentsAreStoredCheckedAndSearchable() throws SQLException {
        WebClient gtIsere = connecte(GT_ISERE);
        long categorie = categorie(gtIsere, "isere", unique("Fichiers"), "0", false);
        long sujet = sujet(gtIsere, categorie, unique("Modèle de courrier"), "Voici le modèle.");
        long message = premierMessage(gtIsere, sujet);
        String mot = "quetzal" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        HttpResponse<String> refuse = envoyer(gtIsere, message, "page.html", "<script>alert(1)</script>");
        assertEquals(422, refuse.statusCode());
        assertTrue(refuse.body().contains("Ce format n’est pas accepté"));
        HttpResponse<String> r = envoyer(gtIsere, message, "modèle courrier.txt", "Objet : radiation. Mot clé " + mot);
        assertEquals(303, r.statusCode(), r.body());
        Matcher lien = Pattern.compile("href=\"(/communaute/forum/pieces/\\d+/[^\"]+)\"").matcher(gtIsere.page("/communaute/forum/sujets/" + sujet).body());
        assertTrue(lien.find());
        HttpResponse<byte[]> fichier = gtIsere.download(lien.group(1));
        assertEquals(200, fichier.statusCode());
        assertTrue(new String(fichier.body(), java.nio.charset.StandardCharsets.UTF_8).contains(mot));
        assertEquals("nosniff", fichier.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(fichier.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(404, connecte(GT_GARD).download(lien.group(1)).statusCode(), "another territory's file");
        moteur.attendreVisibilite();
        assertTrue(gtIsere.page("/recherche?q=" + mot).body().contains("/communaute/forum/sujets/" + sujet + "\""), "the file's text is searchable");
    }

    HttpResponse<String> envoyer(WebClient web, long message, String nom, String contenu) {
        String frontiere = "----sne" + UUID.randomUUID();
        String corps = "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + web.csrfToken() + "\r\n"
                + "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + contenu + "\r\n--" + frontiere + "--\r\n";
        return web.send(java.net.http.HttpRequest.newBuilder(web.uri("/communaute/forum/messages/" + message + "/pieces"))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(corps, java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    // Helpers ----------------------------------------------------------------------------------------

    WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    static String unique(String titre) {
        return titre + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static long categorie(WebClient moderateur, String slug, String nom, String modeLent, boolean approbation) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("nom", nom, "description", "Catégorie de test", "modeLent", modeLent));
        if (approbation) {
            f.put("approbation", "true");
        }
        HttpResponse<String> r = moderateur.submit("/communaute/espaces/" + slug + "/categories", f);
        assertEquals(303, r.statusCode(), r.body());
        return id(CATEGORIE, WebClient.location(r));
    }

    static long sujet(WebClient web, long categorie, String titre, String markdown) {
        HttpResponse<String> r = web.submit("/communaute/forum/categories/" + categorie + "/sujets",
                Map.of("titre", titre, "tags", "test", "markdown", markdown, "action", "publier"));
        assertEquals(303, r.statusCode(), r.body());
        return id(SUJET, WebClient.location(r));
    }

    static long premierMessage(WebClient web, long sujet) {
        Matcher m = MESSAGE.matcher(web.page("/communaute/forum/sujets/" + sujet).body());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    static long dernierMessage(WebClient web, long sujet) {
        Matcher m = MESSAGE.matcher(web.page("/communaute/forum/sujets/" + sujet).body());
        long dernier = -1;
        while (m.find()) {
            dernier = Long.parseLong(m.group(1));
        }
        return dernier;
    }

    static String version(String html) {
        Matcher m = VERSION.matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    static long id(Pattern p, String url) {
        Matcher m = p.matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    static long utilisateur(String email) {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement("SELECT id FROM utilisateur WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Long> mentionnes(long sujet, String type) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT mentionnes FROM evenement_communaute WHERE sujet_id = ? AND type = ? ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, sujet);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an event in the outbox");
                Array a = rs.getArray(1);
                return Arrays.stream((Long[]) a.getArray()).sorted().toList();
            }
        }
    }

    static int evenements(long sujet, String type) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM evenement_communaute WHERE sujet_id = ? AND type = ?")) {
            ps.setLong(1, sujet);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int audits(String objet, Long id) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit WHERE objet_type = ? AND (?::text IS NULL OR objet_id = ?::text)")) {
            ps.setString(1, objet);
            ps.setObject(2, id == null ? null : id.toString());
            ps.setObject(3, id == null ? null : id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void effacerMessagesDe(String email) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(
                "UPDATE forum_message SET statut = 'REFUSE' WHERE auteur_id = (SELECT id FROM utilisateur WHERE email = ?)")) {
            ps.setString(1, email);
            ps.executeUpdate();
        }
    }

    /** Leaves the shared database without forum content (search tests count what every source gives). */
    static void effacerForums() throws SQLException {
        try (Connection c = SiteInformationTest.owner(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM evenement_communaute WHERE sujet_id IS NOT NULL AND type IN ('SUJET', 'REPONSE', 'SUJET_RESOLU')");
            st.executeUpdate("UPDATE forum_sujet SET reponse_acceptee_id = NULL, fusionne_dans = NULL");
            for (String t : List.of("forum_piece", "forum_merci", "forum_message_version", "forum_signalement", "forum_brouillon", "forum_message",
                    "forum_sujet", "forum_categorie", "moderation_journal")) {
                st.executeUpdate("DELETE FROM " + t);
            }
            st.executeUpdate("DELETE FROM espace WHERE slug LIKE 'test-%'");
        }
    }
}
