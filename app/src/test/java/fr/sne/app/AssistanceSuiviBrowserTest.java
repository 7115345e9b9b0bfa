package fr.sne.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.SaisieTicket;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.courriel.EnvoiCourrielsAssistance;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.devservices.EmbeddedMailServer;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the browser: the requester rates the answer from the mail's link without signing in; an
 * agent turns a resolved ticket into a knowledge-base article and publishes it; a national
 * administrator reads the report. Screenshots and axe-core on every page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AssistanceSuiviBrowserTest implements SharedServicesTest {

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

    private final Navigateur navigateur = Navigateur.partage();
    private final EmbeddedMailServer serveur = SharedTestServices.get().mailServer();
    AssistanceFixture f;
    long anomalieSne;

    @BeforeAll
    void preparer() {
        f = new AssistanceFixture(transactions, equipes);
        anomalieSne = types.actifs().stream().filter(t -> t.code().equals("sne-anomalie")).findFirst().orElseThrow().id();
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private Ticket resolu(String resume, String description) {
        Ticket t = demandes.creer(f.pro("agent.actis@sne.test"), new SaisieTicket(Long.toString(anomalieSne), "NORMALE",
                resume + " " + UUID.randomUUID().toString().substring(0, 6), description, Map.of("environnement", "Production"), false, Set.of()));
        demandes.commenter(f.pro("support@sne.test"), t.cle(), "Bonjour, videz le cache du navigateur puis reconnectez-vous : "
                + "le tableau de bord se recharge. Pour toute question, écrivez-moi à support@sne.test.", true);
        demandes.changerStatut(f.pro("support@sne.test"), t.cle(), StatutTicket.RESOLU);
        return demandes.parId(t.id()).orElseThrow();
    }

    @Test
    void le_demandeur_note_la_reponse_depuis_le_lien_du_courriel() throws Exception {
        Ticket t = resolu("Tableau de bord vide", "Mon tableau de bord est vide depuis ce matin.");
        envoi.envoyer(Instant.now());
        MimeMessage m = serveur.messages().stream().filter(x -> AssistanceSuiviTest.destinataireDe(x).equals("agent.actis@sne.test")
                && AssistanceSuiviTest.sujet(x).contains(t.cle()) && AssistanceSuiviTest.sujet(x).contains("Résolu")).toList().getLast();
        Matcher lien = Pattern.compile("https?://[^/\\s]+(/assistance/satisfaction\\?jeton=[A-Za-z0-9_.\\-]+)").matcher(AssistanceSuiviTest.texte(m));
        assertTrue(lien.find());
        try (BrowserContext context = navigateur.contexte(); Page page = context.newPage()) {
            page.navigate(url(lien.group(1)));
            navigateur.verifier(page, "assistance-satisfaction-lien");
            page.locator("main form button[type=submit]").click();
            page.waitForSelector(".fr-error-text, .fr-message--error");
            navigateur.verifier(page, "assistance-satisfaction-erreur");
            page.locator("label[for='note-4']").click();
            page.locator("#commentaire").fill("Réponse claire, problème réglé.");
            page.locator("main form button[type=submit]").click();
            page.waitForSelector(".fr-callout");
            assertTrue(page.locator("main").textContent().contains("4 sur 5"));
            navigateur.verifier(page, "assistance-satisfaction-merci");
        }
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "admin@sne.test");
            page.navigate(url("/assistance/satisfaction/rapport"));
            assertTrue(page.locator("main table").first().textContent().contains("SNE"));
            navigateur.verifier(page, "assistance-satisfaction-rapport");
        }
    }

    @Test
    void un_agent_transforme_une_demande_en_article() {
        Ticket t = resolu("Tableau de bord figé", "Bonjour, le tableau de bord reste figé. Rappelez-moi au 04 76 12 34 56. "
                + "Demande concernée : 038012600001238001.");
        try (BrowserContext context = navigateur.contexte()) {
            Page page = navigateur.connecter(context, url(""), "support@sne.test");
            page.navigate(url("/assistance/" + t.cle() + "/article"));
            assertTrue(page.locator("main mark").count() >= 3, "the removals are highlighted");
            navigateur.verifier(page, "assistance-article-proposition");
            String corps = page.locator("#corps").inputValue();
            assertFalse(corps.contains("04 76 12 34 56") || corps.contains("support@sne.test") || corps.contains("038012600001238001"), corps);
            page.locator("label[for='type-faq']").click();
            page.locator("main form button[type=submit]").click();
            page.waitForURL(u -> u.contains("/assistance/articles/"));
            assertTrue(page.locator("main").textContent().contains("Brouillon"));
            navigateur.verifier(page, "assistance-article-brouillon");
            page.locator("main form button[type=submit]").click();
            page.waitForSelector(".fr-alert--success");
            navigateur.verifier(page, "assistance-article-publie");
            String lienArticle = page.locator(".fr-alert--success a").getAttribute("href");
            page.navigate(url(lienArticle));
            assertFalse(page.content().contains(t.cle()), "no way back to the ticket");
        }
    }
}
