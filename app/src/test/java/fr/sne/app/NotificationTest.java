package fr.sne.app;

import fr.sne.community.abonnement.AbonnementRepository;
import fr.sne.community.abonnement.Cible;
import fr.sne.community.abonnement.Niveau;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.espace.Espaces;
import fr.sne.community.espace.RoleEspace;
import fr.sne.community.notification.Repartition;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From the outbox to the people: mention → in-app notification and immediate mail; restricted
 * spaces never notify those who do not see them (even subscribed before losing access); muted
 * gets nothing; a replay never doubles; the notifications page and the header's count.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class NotificationTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Repartition repartition;
    @Inject
    AbonnementRepository abonnements;
    @Inject
    EspaceRepository espaces;
    @Inject
    TenantTransactions transactions;

    private NotificationFixture f;
    private long isere;
    private long gard;
    private long admin;
    private long manager;

    @BeforeAll
    void preparer() {
        f = new NotificationFixture(context);
        isere = f.utilisateur("gt.isere@sne.test");
        gard = f.utilisateur("gt.gard@sne.test");
        admin = f.utilisateur("admin@sne.test");
        manager = f.utilisateur("manager.actis@sne.test");
        repartition.executer();
    }

    @Test
    void une_mention_donne_une_notification_et_un_courriel_immediat() {
        Espace entraide = f.espace("entraide");
        long sujet = NotificationFixture.nouveauSujet();
        String titre = "Pièces pour un dossier DALO " + sujet;
        f.publier(entraide, f.sujet(entraide, sujet, titre, gard, Set.of(isere)));

        Repartition.Bilan bilan = repartition.executer();
        assertTrue(bilan.evenements() >= 1 && bilan.courriels() >= 1, bilan.toString());

        // in the app: the page and the header's count
        WebClient web = new WebClient(server);
        web.signInAs("gt.isere@sne.test");
        HttpResponse<String> page = web.page("/communaute/notifications");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(titre), page.body());
        assertTrue(page.body().contains("Vous avez été mentionné"));
        assertTrue(page.body().matches("(?s).*Notifications \\(\\d+ non lues?\\).*"), "unread count in the header");

        // by mail, at once, with unsubscribe links (RFC 8058) and Reply-To for a reply by mail
        List<MimeMessage> mails = NotificationFixture.courriels("gt.isere@sne.test", titre);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.getFirst();
        assertEquals("Vous avez été mentionné : " + titre, NotificationFixture.objet(mail));
        assertTrue(NotificationFixture.texte(mail).contains("/communaute/sujets/" + sujet), NotificationFixture.texte(mail));
        assertTrue(NotificationFixture.entete(mail, "List-Unsubscribe").startsWith("<http"));
        assertEquals("List-Unsubscribe=One-Click", NotificationFixture.entete(mail, "List-Unsubscribe-Post"));
        assertEquals("reponses@sne.test", NotificationFixture.entete(mail, "Reply-To"));
        assertTrue(NotificationFixture.entete(mail, "Message-ID").matches("<notif\\.[0-9a-f-]+@sne\\.test>"));

        // the author is never notified of their own topic, and now follows it (Suivi, automatic)
        assertEquals(0, f.compter("SELECT count(*) FROM notification WHERE utilisateur_id = ? AND sujet_id = ?", gard, sujet));
        assertEquals(Niveau.SUIVI, transactions.withoutScope(() -> abonnements.niveau(gard, Cible.sujet(sujet))).orElseThrow());

        // mark it read, then everything read
        Matcher form = Pattern.compile("action=\"/communaute/notifications/(\\d+)/lue\"").matcher(page.body());
        assertTrue(form.find());
        assertEquals(303, web.submit("/communaute/notifications/" + form.group(1) + "/lue", Map.of()).statusCode());
        assertEquals(303, web.submit("/communaute/notifications/lues", Map.of()).statusCode());
        HttpResponse<String> apres = web.page("/communaute/notifications");
        assertTrue(apres.body().contains("Non lues (0)"), apres.body());
        assertTrue(apres.body().contains("Déjà lues"));
        assertFalse(apres.body().matches("(?s).*Notifications \\(\\d+ non lues?\\).*"), "no unread count left in the header");
    }

    @Test
    void une_reponse_notifie_l_auteur_du_sujet_et_un_rejeu_ne_double_rien() {
        Espace entraide = f.espace("entraide");
        long sujet = NotificationFixture.nouveauSujet();
        f.publier(entraide, f.sujet(entraide, sujet, "Question sur la cotation " + sujet, gard, Set.of()));
        f.publier(entraide, f.reponse(entraide, sujet, "Question sur la cotation " + sujet, admin, Set.of()));
        repartition.executer();
        String sql = "SELECT count(*) FROM notification WHERE utilisateur_id = ? AND sujet_id = ? AND type = 'REPONSE'";
        assertEquals(1, f.compter(sql, gard, sujet), "the topic's author hears of the reply");

        // the job crashed before marking the event done: the rerun writes nothing twice
        f.executer("UPDATE evenement_communaute SET traite_le = NULL WHERE sujet_id = ?", sujet);
        assertTrue(repartition.executer().evenements() >= 2);
        assertEquals(1, f.compter(sql, gard, sujet));
        assertEquals(0, f.compter("SELECT count(*) FROM evenement_communaute WHERE traite_le IS NULL AND sujet_id = ?", sujet));
    }

    @Test
    void un_espace_restreint_ne_notifie_jamais_ceux_qui_ne_le_voient_pas() {
        Espace partage = f.espace("fichiers-partages");
        Espace isereEspace = f.espace("isere");
        // both watched the invitation space while members; manager.actis has since been removed
        for (long id : List.of(gard, manager)) {
            transactions.withoutScope(() -> {
                abonnements.definir(id, Cible.espace(partage.id()), Niveau.SURVEILLE, "", "", Instant.now());
                return null;
            });
        }
        // gt.gard (Gard) watches the Isère territory's space, which he cannot see
        transactions.withoutScope(() -> {
            abonnements.definir(gard, Cible.espace(isereEspace.id()), Niveau.SURVEILLE, "", "", Instant.now());
            return null;
        });
        transactions.inScope(Espaces.scope(partage), () -> espaces.retirer(partage.id(), manager));
        try {
            long sujet = NotificationFixture.nouveauSujet();
            f.publier(partage, f.sujet(partage, sujet, "Fichier partagé " + sujet, isere, Set.of(manager)));
            long sujetIsere = NotificationFixture.nouveauSujet();
            f.publier(isereEspace, f.sujet(isereEspace, sujetIsere, "Commission de l'Isère " + sujetIsere, isere, Set.of(gard)));
            repartition.executer();

            String sql = "SELECT count(*) FROM notification WHERE utilisateur_id = ? AND sujet_id = ?";
            assertEquals(1, f.compter(sql, gard, sujet), "a member watching the space is notified");
            assertEquals(0, f.compter(sql, manager, sujet), "removed: neither subscription nor mention reaches him");
            assertEquals(0, f.compter(sql, gard, sujetIsere), "another territory's space: nothing, even mentioned");
            assertTrue(NotificationFixture.courriels("manager.actis@sne.test", "Fichier partagé " + sujet).isEmpty());
            assertTrue(NotificationFixture.courriels("gt.gard@sne.test", "Commission de l'Isère " + sujetIsere).isEmpty());

            // and he cannot subscribe to it from the page: the space does not exist for him
            WebClient web = new WebClient(server);
            web.signInAs("gt.gard@sne.test");
            assertEquals(404, web.submit("/communaute/abonnements", Map.of("cible", "espace:" + isereEspace.id(), "niveau", "SURVEILLE")).statusCode());
            HttpResponse<String> page = web.page("/communaute/notifications");
            assertFalse(page.body().contains("Commission de l'Isère"));
        } finally {
            transactions.inScope(Espaces.scope(partage), () -> {
                espaces.definirRole(partage.id(), manager, RoleEspace.MEMBRE, isere);
                return null;
            });
        }
    }

    @Test
    void une_actualite_importante_part_aussitot_a_ceux_qui_voient_l_espace_seulement() {
        Espace isereEspace = f.espace("isere");
        long n = NotificationFixture.nouveauSujet();
        String titre = "Fermeture de la commission du 15 décembre " + n;
        f.publier(isereEspace, new fr.sne.community.notification.EvenementCommunaute(
                fr.sne.community.notification.EvenementCommunaute.Type.ACTUALITE_IMPORTANTE, isereEspace.id(), null, null, Set.of(),
                titre, "La commission est reportée.", "/communaute/espaces/isere/actualites/" + n, isere, Set.of()));
        repartition.executer();

        List<MimeMessage> manager = NotificationFixture.courriels("manager.actis@sne.test", titre);
        assertEquals(1, manager.size(), "a professional of the territory gets it at once");
        assertEquals("Actualité importante : " + titre, NotificationFixture.objet(manager.getFirst()));
        assertEquals(null, NotificationFixture.entete(manager.getFirst(), "Reply-To"), "not about a topic: no reply by mail");
        assertTrue(NotificationFixture.courriels("gt.gard@sne.test", titre).isEmpty(), "another territory: nothing");
        assertTrue(NotificationFixture.courriels("gt.isere@sne.test", titre).isEmpty(), "never its author");

        // the mail's one-click unsubscribe (RFC 8058) switches every e-mail off, without a session
        String lien = NotificationFixture.entete(manager.getFirst(), "List-Unsubscribe").replaceAll("[<>]", "");
        java.net.URI u = java.net.URI.create(lien);
        WebClient anonyme = new WebClient(server);
        HttpResponse<String> fait = anonyme.send(java.net.http.HttpRequest.newBuilder(anonyme.uri(u.getRawPath() + "?" + u.getRawQuery()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(200, fait.statusCode());
        long managerId = this.manager;
        assertFalse(transactions.withoutScope(() -> abonnements.preferences(managerId)).courriels());
        transactions.withoutScope(() -> {
            abonnements.enregistrer(managerId, fr.sne.community.abonnement.PreferencesCourriel.DEFAUT, Instant.now());
            return null;
        });
    }

    @Test
    void silencieux_ne_recoit_rien_pas_meme_une_mention() {
        Espace national = f.espace("gt-national");
        WebClient web = new WebClient(server);
        web.signInAs("gt.isere@sne.test");
        HttpResponse<String> suivi = web.submit("/communaute/abonnements", Map.of("cible", "espace:" + national.id(), "niveau", "SILENCIEUX"));
        assertEquals(303, suivi.statusCode());
        try {
            long sujet = NotificationFixture.nouveauSujet();
            f.publier(national, f.sujet(national, sujet, "Bilan annuel " + sujet, gard, Set.of(isere)));
            repartition.executer();
            assertEquals(0, f.compter("SELECT count(*) FROM notification WHERE utilisateur_id = ? AND sujet_id = ?", isere, sujet));
            assertTrue(NotificationFixture.courriels("gt.isere@sne.test", "Bilan annuel " + sujet).isEmpty());

            // the most specific wins: watching this topic overrides the muted space
            assertEquals(303, web.submit("/communaute/abonnements", Map.of("cible", "sujet:" + sujet, "niveau", "SURVEILLE",
                    "libelle", "Bilan annuel", "url", "/communaute/sujets/" + sujet)).statusCode());
            f.publier(national, f.reponse(national, sujet, "Bilan annuel " + sujet, gard, Set.of()));
            repartition.executer();
            assertEquals(1, f.compter("SELECT count(*) FROM notification WHERE utilisateur_id = ? AND sujet_id = ? AND motif = 'SURVEILLE'", isere, sujet));
            HttpResponse<String> page = web.page("/communaute/abonnements");
            assertTrue(page.body().contains("Bilan annuel"), page.body());
            assertTrue(page.body().contains("GT national"));
        } finally {
            web.submit("/communaute/abonnements/retirer", Map.of("cible", "espace:" + national.id()));
        }
        assertNotNull(web.page("/communaute/abonnements").body());
    }
}
