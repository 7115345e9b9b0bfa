package fr.sne.app;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.Participant;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.courriel.EnvoiCourrielsAssistance;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.satisfaction.LiensSatisfaction;
import fr.sne.community.assistance.satisfaction.Satisfactions;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.devservices.EmbeddedMailServer;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.courriel.BoiteReception;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tickets' follow-up on the real database, GreenMail (SMTP and the IMAP reply mailbox) and
 * real sign-in: notification mails and their threading, replies by mail (In-Reply-To, key in the
 * subject, refusals, replays, attachments), SMTP failures, satisfaction links (valid, expired,
 * reused, after a reopening), the report, and the knowledge base drawn from a ticket.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
@Property(name = "sne.test.panne-courriels-assistance", value = "true")
class AssistanceSuiviTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DemandesAssistance demandes;
    @Inject
    TypesAssistance types;
    @Inject
    EquipeRepository equipes;
    @Inject
    TenantTransactions transactions;
    @Inject
    EnvoiCourrielsAssistance envoi;
    @Inject
    BoiteReception boite;
    @Inject
    Satisfactions satisfactions;
    @Inject
    LiensSatisfaction liens;
    @Inject
    PanneSmtp panne;
    @Inject
    fr.sne.community.espace.Sql sql;

    private final EmbeddedMailServer serveur = SharedTestServices.get().mailServer();
    AssistanceFixture f;
    long anomalieSne;

    /** The SMTP server unreachable while switched on (a real connection refused), for this test's context only. */
    @Singleton
    @Requires(property = "sne.test.panne-courriels-assistance", value = "true")
    static class PanneSmtp {
        final AtomicBoolean active = new AtomicBoolean();
    }

    @Singleton
    @Replaces(Courriels.class)
    @Requires(property = "sne.test.panne-courriels-assistance", value = "true")
    static class CourrielsAvecPanne extends Courriels {
        private final PanneSmtp panne;
        private final Courriels injoignable = new Courriels("127.0.0.1", 1, "", "", "ne-pas-repondre@sne.test");

        CourrielsAvecPanne(PanneSmtp panne, @Value("${sne.mail.host:}") String host, @Value("${sne.mail.port:25}") int port,
                           @Value("${sne.mail.from:ne-pas-repondre@sne.test}") String expediteur) {
            super(host, port, "", "", expediteur);
            this.panne = panne;
        }

        @Override
        public IssueEnvoi envoyer(Courriel courriel) {
            return panne.active.get() ? injoignable.envoyer(courriel) : super.envoyer(courriel);
        }
    }

    @BeforeAll
    void preparer() {
        f = new AssistanceFixture(transactions, equipes);
        anomalieSne = types.actifs().stream().filter(t -> t.code().equals("sne-anomalie")).findFirst().orElseThrow().id();
        // what other tests left in the queue and the mailbox is dealt with first
        envoi.envoyer(Instant.now());
        boite.relever();
    }

    @AfterEach
    void reparer() {
        panne.active.set(false);
    }

    // Mails out and in ------------------------------------------------------------------------------

    @Test
    void creation_reponse_et_reponses_par_courriel() throws Exception {
        Ticket t = creer("Export bloqué");
        envoi.envoyer(Instant.now());
        MimeMessage accuse = dernier("agent.actis@sne.test", t.cle());
        assertTrue(accuse.getSubject().startsWith("[" + t.cle() + "] Demande enregistrée"), accuse.getSubject());
        assertEquals(EmbeddedMailServer.BOITE_REPONSES, accuse.getHeader("Reply-To")[0]);
        String idAccuse = accuse.getMessageID();
        assertTrue(idAccuse.contains(t.cle().toLowerCase()), idAccuse);

        // an agent answers publicly and writes an internal note: one mail, threaded on the first
        demandes.commenter(f.pro("support@sne.test"), t.cle(), "Bonjour, pouvez-vous préciser le navigateur ?", true);
        demandes.commenter(f.pro("support@sne.test"), t.cle(), "Note interne : voir le ticket 42", false);
        envoi.envoyer(Instant.now());
        List<MimeMessage> auDemandeur = recus("agent.actis@sne.test", t.cle());
        assertEquals(2, auDemandeur.size(), "receipt and public reply; the internal note sends nothing");
        MimeMessage reponse = auDemandeur.getLast();
        assertTrue(reponse.getSubject().startsWith("[" + t.cle() + "] Nouvelle réponse"));
        assertTrue(texte(reponse).contains("pouvez-vous préciser le navigateur"));
        assertFalse(texte(reponse).contains("Note interne"));
        assertEquals(idAccuse, reponse.getHeader("In-Reply-To")[0]);
        assertTrue(reponse.getHeader("References")[0].contains(idAccuse));

        // the requester replies from their mail client: In-Reply-To only, no key in the subject
        String id1 = repondre("agent.actis@sne.test", "Re: ma question", "Firefox 128, sur le poste du guichet.",
                reponse.getMessageID(), List.of());
        assertEquals(1, boite.relever().traites());
        Commentaire c = demandes.commentaireParMessageId(id1).orElseThrow();
        assertEquals(t.id(), c.ticketId());
        assertEquals("Firefox 128, sur le poste du guichet.", c.corpsMarkdown(), "the quoted notification is left out");
        assertEquals(f.id("agent.actis@sne.test"), c.auteurId());
        assertTrue(c.publique());

        // the same mail delivered again: still one comment
        renvoyer(id1, "agent.actis@sne.test", "Re: ma question", "Firefox 128, sur le poste du guichet.", reponse.getMessageID());
        boite.relever();
        assertEquals(1, commentairesDe(t, "Firefox 128").size());

        // a new mail quoting only the key in its subject, with an attachment
        String id2 = repondre("agent.actis@sne.test", "Complément " + t.cle(), "Voici le journal.", null,
                List.of(new Courriel.PieceJointe("journal.txt", "text/plain", "erreur 500 à 10 h 02".getBytes())));
        boite.relever();
        Commentaire c2 = demandes.commentaireParMessageId(id2).orElseThrow();
        assertEquals(t.id(), c2.ticketId());
        assertTrue(demandes.consulter(f.pro("agent.actis@sne.test"), t.cle()).pieces().stream()
                .anyMatch(p -> p.nom().equals("journal.txt") && c2.id() == p.commentaireId()), "the attachment goes with the comment");

        // someone not involved: a polite refusal, nothing added
        int avant = demandes.consulter(f.pro("support@sne.test"), t.cle()).commentaires().size();
        String idIntrus = repondre("agent.logis@sne.test", "Re: ma question", "Chez nous aussi !", reponse.getMessageID(), List.of());
        String idInconnu = repondre("quelquun@exemple.fr", "RE: [" + t.cle() + "]", "Bonjour", null, List.of());
        assertEquals(2, boite.relever().traites());
        renvoyer(idIntrus, "agent.logis@sne.test", "Re: ma question", "Chez nous aussi !", reponse.getMessageID());
        boite.relever();
        envoi.envoyer(Instant.now());
        assertEquals(avant, demandes.consulter(f.pro("support@sne.test"), t.cle()).commentaires().size());
        assertTrue(demandes.commentaireParMessageId(idIntrus).isEmpty());
        assertTrue(demandes.commentaireParMessageId(idInconnu).isEmpty());
        List<MimeMessage> refus = recus("agent.logis@sne.test", t.cle());
        assertEquals(1, refus.size(), "one refusal, even for the mail delivered twice");
        assertTrue(refus.getFirst().getSubject().contains("n'a pas été ajouté"));
        assertTrue(texte(refus.getFirst()).contains("Seuls le demandeur, les participants"));
        assertFalse(texte(refus.getFirst()).contains("Export bloqué"), "nothing of the ticket is told to an outsider");
        assertEquals(1, recus("quelquun@exemple.fr", t.cle()).size());

        // the requester's reply went to the agent assigned... none here: no agent mail; the requester got none of their own
        assertEquals(2, recus("agent.actis@sne.test", t.cle()).size(), "no mail to the author of a reply");
    }

    @Test
    void les_personnes_qui_peuvent_repondre_recoivent_les_courriels_pas_les_lecteurs() throws Exception {
        long fichiers = f.equipe("Gestionnaires de fichiers partagés");
        Ticket t = demandes.creer(f.pro("gt.isere@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Partage"), false, Set.of(fichiers)));
        demandes.ajouterParticipant(f.pro("gt.isere@sne.test"), t.cle(), "gt.gard@sne.test");
        demandes.assigner(f.pro("support@sne.test"), t.cle(), f.id("support@sne.test"));
        demandes.commenter(f.pro("gt.gard@sne.test"), t.cle(), "Même chose dans le Gard.", true);
        envoi.envoyer(Instant.now());
        assertEquals(1, recus("gt.isere@sne.test", t.cle()).stream().filter(m -> sujet(m).contains("Nouvelle réponse")).count());
        assertEquals(1, recus("support@sne.test", t.cle()).stream().filter(m -> sujet(m).contains("Nouvelle réponse")).count(),
                "the assigned agent");
        assertEquals(0, recus("gt.gard@sne.test", t.cle()).stream().filter(m -> sujet(m).contains("Nouvelle réponse")).count(),
                "not to the author");
        assertTrue(recus("manager.actis@sne.test", t.cle()).isEmpty(), "team readers follow it in their list, not by mail");
    }

    @Test
    void une_panne_smtp_ne_perd_aucun_courriel() throws Exception {
        panne.active.set(true);
        Ticket t = creer("Panne SMTP");
        EnvoiCourrielsAssistance.Bilan b = envoi.envoyer(Instant.now());
        assertTrue(b.reportes() >= 1, b.toString());
        assertTrue(recus("agent.actis@sne.test", t.cle()).isEmpty());
        panne.active.set(false);
        assertEquals(0, envoi.envoyer(Instant.now()).envoyes(), "not before its retry time");
        envoi.envoyer(Instant.now().plus(Duration.ofMinutes(2)));
        assertEquals(1, recus("agent.actis@sne.test", t.cle()).size());
    }

    @Test
    void les_courriels_et_les_avis_d_un_territoire_restent_dans_ce_territoire() {
        Ticket t = creer("Cloisonnement");
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        String courriels = "SELECT count(*) FROM courriel_assistance WHERE ticket_id = ?";
        String avis = "SELECT count(*) FROM satisfaction_assistance WHERE ticket_id = ?";
        for (String requete : List.of(courriels, avis)) {
            long isere = transactions.inScope(fr.sne.tenants.tenancy.Scope.territoireReadOnly("038"),
                    () -> sql.un(requete, rs -> rs.getLong(1), t.id()).orElseThrow());
            long gard = transactions.inScope(fr.sne.tenants.tenancy.Scope.territoireReadOnly("030"),
                    () -> sql.un(requete, rs -> rs.getLong(1), t.id()).orElseThrow());
            assertTrue(isere >= 1, requete);
            assertEquals(0, gard, "another territory's scope sees nothing: " + requete);
        }
    }

    // Satisfaction ----------------------------------------------------------------------------------

    @Test
    void avis_par_le_lien_valide_puis_reutilise() throws Exception {
        Ticket t = creer("Avis valide");
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        String lien = lienSatisfaction(t);
        WebClient anonyme = new WebClient(server);
        HttpResponse<String> page = anonyme.page(lien);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Envoyer mon avis"), page.body());
        assertTrue(page.body().contains(t.cle()));
        String jeton = lien.substring(lien.indexOf("jeton=") + 6);

        HttpResponse<String> incomplet = anonyme.send(post(anonyme, Map.of("jeton", jeton, "commentaire", "x")));
        assertEquals(422, incomplet.statusCode());
        assertTrue(incomplet.body().contains("Choisissez une note de 1 à 5."));

        HttpResponse<String> reponse = anonyme.send(post(anonyme, Map.of("jeton", jeton, "note", "5", "commentaire", "Réponse rapide et claire")));
        assertEquals(200, reponse.statusCode());
        assertTrue(reponse.body().contains("Merci : votre avis est enregistré."));
        assertTrue(reponse.body().contains("5 sur 5"));

        HttpResponse<String> encore = anonyme.send(post(anonyme, Map.of("jeton", jeton, "note", "1")));
        assertTrue(encore.body().contains("5 sur 5"), "reused: the recorded answer, no second rating");
        assertFalse(encore.body().contains("Merci : votre avis est enregistré."));
        assertTrue(anonyme.page(lien).body().contains("Réponse rapide et claire"));

        HttpResponse<String> falsifie = anonyme.page("/assistance/satisfaction?jeton=" + jeton.substring(0, jeton.length() - 3) + "abc");
        assertTrue(falsifie.body().contains("Ce lien n’est pas valide"));
    }

    @Test
    void avis_par_un_lien_expire() throws Exception {
        Ticket t = creer("Avis expiré");
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        String lien = lienSatisfaction(t);
        String jeton = lien.substring(lien.indexOf("jeton=") + 6);
        // the mailed link read 31 days later (the clock given to the service)
        assertInstanceOf(Satisfactions.Etat.Expire.class, satisfactions.parLien(jeton, Instant.now().plus(Duration.ofDays(31))));
        assertInstanceOf(Satisfactions.Etat.Ouvert.class, satisfactions.parLien(jeton, Instant.now().plus(Duration.ofDays(29))));
        // a link of the same round whose expiry has passed, through the page
        String perime = liens.signer(new LiensSatisfaction.Lien(t.id(), 1, Instant.now().minus(Duration.ofMinutes(1))));
        WebClient anonyme = new WebClient(server);
        HttpResponse<String> page = anonyme.page("/assistance/satisfaction?jeton=" + perime);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Ce lien a expiré"));
        HttpResponse<String> tentative = anonyme.send(post(anonyme, Map.of("jeton", perime, "note", "2")));
        assertTrue(tentative.body().contains("Ce lien a expiré"));
        // the requester can still answer from the portal
        WebClient demandeur = new WebClient(server);
        demandeur.signInAs("agent.actis@sne.test");
        // the resolved ticket's page invites its requester to rate it
        assertTrue(demandeur.page("/assistance/" + t.cle()).body().contains("Donner mon avis"));
        assertTrue(demandeur.page("/assistance/" + t.cle() + "/satisfaction").body().contains("Envoyer mon avis"));
        HttpResponse<String> portail = demandeur.submit("/assistance/" + t.cle() + "/satisfaction", Map.of("note", "4"));
        assertTrue(portail.body().contains("4 sur 5"), portail.body());
        WebClient autre = new WebClient(server);
        autre.signInAs("agent.stegreve@sne.test");
        assertEquals(404, autre.page("/assistance/" + t.cle() + "/satisfaction").statusCode());
    }

    @Test
    void un_ticket_rouvert_annule_l_invitation_et_la_resolution_suivante_en_envoie_une_nouvelle() throws Exception {
        Ticket t = creer("Avis rouvert");
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        String premier = lienSatisfaction(t);
        // the requester answers the resolution mail: reopened per the service's rules
        MimeMessage resolution = recus("agent.actis@sne.test", t.cle()).getLast();
        repondre("agent.actis@sne.test", "Re: " + resolution.getSubject(), "Non, le problème revient.", resolution.getMessageID(), List.of());
        boite.relever();
        assertTrue(demandes.parId(t.id()).orElseThrow().statut().actif());
        WebClient anonyme = new WebClient(server);
        assertTrue(anonyme.page(premier).body().contains("Cette demande a été rouverte"));
        String jeton1 = premier.substring(premier.indexOf("jeton=") + 6);
        assertTrue(anonyme.send(post(anonyme, Map.of("jeton", jeton1, "note", "1"))).body().contains("Cette demande a été rouverte"));

        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        String second = lienSatisfaction(t);
        assertFalse(second.equals(premier));
        assertTrue(anonyme.send(post(anonyme, Map.of("jeton", second.substring(second.indexOf("jeton=") + 6), "note", "3")))
                .body().contains("3 sur 5"));

        WebClient admin = new WebClient(server);
        admin.signInAs("admin@sne.test");
        HttpResponse<String> rapport = admin.page("/assistance/satisfaction/rapport");
        assertEquals(200, rapport.statusCode());
        assertTrue(rapport.body().contains("Par application") && rapport.body().contains("Par agent"));
        assertTrue(rapport.body().contains("<svg"));
        assertTrue(rapport.body().contains("<th scope=\"row\">SNE</th>"), rapport.body());
        String agentNom = demandes.participants(t.id()).stream().filter(p -> p.role() == Participant.Role.DEMANDEUR).count() == 1
                ? nomDe("support@sne.test") : "";
        assertTrue(rapport.body().contains("<th scope=\"row\">" + agentNom + "</th>"), "credited to the agent who resolved it");
        WebClient agent = new WebClient(server);
        agent.signInAs("support@sne.test");
        assertEquals(403, agent.page("/assistance/satisfaction/rapport").statusCode());
    }

    // Knowledge base --------------------------------------------------------------------------------

    @Test
    void un_agent_transforme_une_demande_resolue_en_article_sans_donnees_personnelles() throws Exception {
        String nomDemandeur = demandes.participants(creer("Nom").id()).stream()
                .filter(p -> p.role() == Participant.Role.DEMANDEUR).findFirst().orElseThrow().nom();
        String prenom = nomDemandeur.split(" ")[0];
        String sujet = unique("Radiation impossible");
        Ticket t = demandes.creer(f.pro("agent.actis@sne.test"), new fr.sne.community.assistance.SaisieTicket(Long.toString(anomalieSne),
                "NORMALE", sujet, "La radiation de la demande 038012600001238001 échoue. Rappelez-moi au 04 76 12 34 56 ou "
                + "agent.actis@sne.test. NIR du demandeur : 1 85 05 38 185 123 30.", Map.of("environnement", "Production"), false, Set.of()));
        demandes.commenter(f.pro("support@sne.test"), t.cle(), "Bonjour " + prenom + ", ouvrez l'onglet Cycle puis choisissez « Radier ».", true);
        WebClient agent = new WebClient(server);
        agent.signInAs("support@sne.test");
        assertEquals(409, agent.page("/assistance/" + t.cle() + "/article").statusCode(), "not resolved yet");
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);

        HttpResponse<String> proposition = agent.page("/assistance/" + t.cle() + "/article");
        assertEquals(200, proposition.statusCode(), proposition.body());
        String html = proposition.body();
        assertTrue(html.contains("<mark>"), "the removals are shown");
        for (String marque : List.of("[numéro unique]", "[téléphone]", "[adresse électronique]", "[NIR]", "[personne]")) {
            assertTrue(html.contains(marque), marque);
        }
        String corps = valeurTextarea(html, "corps");
        assertFalse(corps.contains("04 76 12 34 56") || corps.contains("agent.actis@sne.test") || corps.contains(prenom)
                || corps.contains("038012600001238001") || corps.contains("185 123 30"), corps);

        // personal data typed back: refused
        HttpResponse<String> refuse = agent.submitPairs("/assistance/" + t.cle() + "/article", List.of(Map.entry("titre", sujet),
                Map.entry("type", "FAQ"), Map.entry("themes", "SNE"), Map.entry("corps", corps + "\nAppeler le 06 12 34 56 78.")));
        assertEquals(422, refuse.statusCode());
        assertTrue(refuse.body().contains("contient encore des données personnelles"));

        HttpResponse<String> enregistre = agent.submitPairs("/assistance/" + t.cle() + "/article", List.of(Map.entry("titre", sujet),
                Map.entry("type", "FAQ"), Map.entry("themes", "SNE"), Map.entry("corps", corps)));
        assertEquals(303, enregistre.statusCode(), enregistre.body());
        String brouillon = WebClient.location(enregistre);
        assertTrue(agent.page(brouillon).body().contains("Brouillon"));
        HttpResponse<String> publie = agent.submit(brouillon + "/publication", Map.of());
        assertEquals(303, publie.statusCode());
        String page = agent.page(brouillon).body();
        assertTrue(page.contains("L’article est publié"), page);
        assertFalse(page.contains(t.cle()), "no way back to the ticket");

        // readers find it on the information site and through the search engine
        WebClient lecteur = new WebClient(server);
        lecteur.signInAs("agent.stegreve@sne.test");
        Matcher url = Pattern.compile("href=\"(/info/faq[^\"]*)\"").matcher(page);
        assertTrue(url.find(), page);
        assertTrue(lecteur.page("/recherche?q=" + java.net.URLEncoder.encode(sujet, java.nio.charset.StandardCharsets.UTF_8))
                .body().contains(sujet.substring(0, 20)));

        WebClient demandeur = new WebClient(server);
        demandeur.signInAs("agent.actis@sne.test");
        assertEquals(404, demandeur.page("/assistance/" + t.cle() + "/article").statusCode(), "agents only");
    }

    // Helpers ---------------------------------------------------------------------------------------

    private String nomDe(String email) {
        Ticket t = creer("Nom agent");
        demandes.ajouterParticipant(f.pro("agent.actis@sne.test"), t.cle(), email);
        return demandes.participants(t.id()).stream().filter(p -> p.courriel().equals(email)).findFirst().orElseThrow().nom();
    }

    private static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Ticket creer(String resume) {
        return demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique(resume), false, Set.of()));
    }

    private String lienSatisfaction(Ticket t) throws Exception {
        envoi.envoyer(Instant.now());
        MimeMessage m = recus("agent.actis@sne.test", t.cle()).stream().filter(x -> sujet(x).contains("Statut : Résolu")).toList().getLast();
        Matcher lien = Pattern.compile("https?://[^/\\s]+(/assistance/satisfaction\\?jeton=[A-Za-z0-9_.\\-]+)").matcher(texte(m));
        assertTrue(lien.find(), texte(m));
        return lien.group(1);
    }

    private java.net.http.HttpRequest post(WebClient client, Map<String, String> form) {
        String corps = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return java.net.http.HttpRequest.newBuilder(client.uri("/assistance/satisfaction")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(corps)).build();
    }

    private List<Commentaire> commentairesDe(Ticket t, String extrait) {
        return demandes.consulter(f.pro("support@sne.test"), t.cle()).commentaires().stream()
                .filter(c -> c.corpsMarkdown().contains(extrait)).toList();
    }

    private List<MimeMessage> recus(String destinataire, String cle) {
        return serveur.messages().stream().filter(m -> destinataireDe(m).equalsIgnoreCase(destinataire) && sujet(m).contains(cle)).toList();
    }

    private MimeMessage dernier(String destinataire, String cle) {
        List<MimeMessage> l = recus(destinataire, cle);
        assertFalse(l.isEmpty(), "no mail to " + destinataire + " for " + cle);
        return l.getLast();
    }

    /** Sends a reply to the inbound mailbox as a mail client does; returns its Message-ID. */
    private String repondre(String de, String objet, String texte, String inReplyTo, List<Courriel.PieceJointe> pieces) throws Exception {
        String id = "<" + UUID.randomUUID() + "@client.test>";
        envoyer(id, de, objet, texte + "\n\nLe 22 nov. 2026 à 10:00, SNE <ne-pas-repondre@sne.test> a écrit :\n> Bonjour,\n> "
                + NOTE_CITEE, inReplyTo, pieces);
        return id;
    }

    private static final String NOTE_CITEE = "Texte cité de la notification";

    private void renvoyer(String id, String de, String objet, String texte, String inReplyTo) throws Exception {
        envoyer(id, de, objet, texte, inReplyTo, List.of());
    }

    private void envoyer(String id, String de, String objet, String texte, String inReplyTo, List<Courriel.PieceJointe> pieces) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(SharedTestServices.properties().get("sne.mail.port")));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(de));
        m.setRecipients(Message.RecipientType.TO, EmbeddedMailServer.BOITE_REPONSES);
        m.setSubject(objet, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        if (pieces.isEmpty()) {
            m.setText(texte, "UTF-8");
        } else {
            MimeMultipart parties = new MimeMultipart("mixed");
            MimeBodyPart corps = new MimeBodyPart();
            corps.setText(texte, "UTF-8");
            parties.addBodyPart(corps);
            for (Courriel.PieceJointe pj : pieces) {
                MimeBodyPart partie = new MimeBodyPart();
                partie.setContent(new String(pj.contenu()), pj.typeMime());
                partie.setFileName(pj.nom());
                partie.setDisposition(Part.ATTACHMENT);
                parties.addBodyPart(partie);
            }
            m.setContent(parties);
        }
        Transport.send(m);
    }

    static String sujet(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String destinataireDe(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? "" : ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String texte(MimeMessage m) throws Exception {
        Object c = m.getContent();
        if (c instanceof String s) {
            return s;
        }
        return String.valueOf(((Multipart) c).getBodyPart(0).getContent());
    }

    private static String valeurTextarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea[^>]*id=\"" + id + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
