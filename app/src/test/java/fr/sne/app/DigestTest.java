package fr.sne.app;

import fr.sne.community.abonnement.AbonnementRepository;
import fr.sne.community.abonnement.PreferencesCourriel;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.notification.Destinataires;
import fr.sne.community.notification.NotificationRepository;
import fr.sne.community.notification.RedactionCourriels;
import fr.sne.community.notification.Repartition;
import fr.sne.community.notification.Resumes;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
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

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly digest (the default): content grouped by space with links, sent on Monday morning
 * only, never twice — not even after a crash halfway through a run — and nothing lost; its
 * unsubscribe link works without signing in, a tampered one is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class DigestTest implements SharedServicesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Repartition repartition;
    @Inject
    Resumes resumes;
    @Inject
    AbonnementRepository abonnements;
    @Inject
    TenantTransactions transactions;

    private NotificationFixture f;

    /** A crash of the JVM, as far as the run is concerned: nothing catches it. */
    static final class Panne extends Error {
        Panne() {
            super("panne simulée");
        }
    }

    @BeforeAll
    void preparer() {
        f = new NotificationFixture(context);
        repartition.executer();
    }

    /** A Monday 07:00 in Paris, {@code semaines} weeks from now. */
    private static Instant lundi(int semaines) {
        LocalDate d = LocalDate.now(PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(semaines);
        return d.atTime(LocalTime.of(7, 0)).atZone(PARIS).toInstant();
    }

    @Test
    void le_resume_hebdomadaire_regroupe_par_espace_et_n_est_jamais_envoye_deux_fois_meme_apres_une_panne() {
        Espace entraide = f.espace("entraide");
        Espace national = f.espace("gt-national");
        // two GTs watch both spaces, from the "Suivre" control
        for (String email : List.of("gt.isere@sne.test", "gt.gard@sne.test")) {
            WebClient web = new WebClient(server);
            web.signInAs(email);
            for (Espace e : List.of(entraide, national)) {
                assertEquals(303, web.submit("/communaute/abonnements", Map.of("cible", "espace:" + e.id(), "niveau", "SURVEILLE")).statusCode());
            }
        }
        long admin = f.utilisateur("admin@sne.test");
        long s1 = NotificationFixture.nouveauSujet();
        long s2 = NotificationFixture.nouveauSujet();
        long s3 = NotificationFixture.nouveauSujet();
        String t1 = "Radiation après attribution " + s1;
        String t2 = "Délai anormalement long " + s2;
        String t3 = "Réunion des GT " + s3;
        f.publier(entraide, f.sujet(entraide, s1, t1, admin, Set.of()));
        f.publier(entraide, f.sujet(entraide, s2, t2, admin, Set.of()));
        f.publier(national, f.sujet(national, s3, t3, admin, Set.of()));
        repartition.executer();
        // watching is not a mention: nothing at once
        assertTrue(NotificationFixture.courriels("gt.isere@sne.test", t1).isEmpty());

        // weekly is the default: nothing on a Tuesday
        Instant mardi = lundi(0).plus(java.time.Duration.ofDays(1));
        resumes.envoyer(mardi);
        assertEquals(0, resumesDe("gt.isere@sne.test").size());

        // Monday: the run crashes after the first person's digest is sent and recorded
        Instant lundi = lundi(1);
        AtomicInteger envois = new AtomicInteger();
        Courriels enPanne = new Courriels("127.0.0.1", SharedTestServices.get().mailServer().port(), "", "", "ne-pas-repondre@sne.test") {
            @Override
            public IssueEnvoi envoyer(Courriel courriel) {
                if (envois.incrementAndGet() == 2) {
                    throw new Panne();
                }
                return super.envoyer(courriel);
            }
        };
        Resumes fragile = new Resumes(transactions, context.getBean(NotificationRepository.class), abonnements,
                context.getBean(EspaceRepository.class), context.getBean(Destinataires.class),
                context.getBean(RedactionCourriels.class), enPanne, java.time.Clock.systemUTC());
        assertThrows(Panne.class, () -> fragile.envoyer(lundi));
        int apresPanne = resumesDe("gt.isere@sne.test").size() + resumesDe("gt.gard@sne.test").size();
        assertTrue(apresPanne <= 1, "at most the first digest went out before the crash");

        // the rerun sends the missing ones, never the first again; a third run sends nothing
        resumes.envoyer(lundi);
        Resumes.Bilan troisieme = resumes.envoyer(lundi);
        assertEquals(0, troisieme.envoyes());
        for (String email : List.of("gt.isere@sne.test", "gt.gard@sne.test")) {
            List<MimeMessage> mails = resumesDe(email);
            assertEquals(1, mails.size(), "exactly one weekly digest for " + email);
            String texte = NotificationFixture.texte(mails.getFirst());
            for (String titre : List.of(t1, t2, t3)) {
                assertEquals(1, occurrences(texte, titre), titre + " once in " + email + "'s digest:\n" + texte);
            }
            // grouped by space, with links
            int blocEntraide = texte.indexOf("== " + entraide.nom() + " ==");
            int blocNational = texte.indexOf("== " + national.nom() + " ==");
            assertTrue(blocEntraide >= 0 && blocNational >= 0, texte);
            int posT3 = texte.indexOf(t3);
            assertTrue(blocEntraide < blocNational ? posT3 > blocNational : posT3 < blocEntraide, "t3 in the national block");
            assertTrue(texte.contains("/communaute/sujets/" + s1));
            assertEquals("List-Unsubscribe=One-Click", NotificationFixture.entete(mails.getFirst(), "List-Unsubscribe-Post"));
        }
        assertEquals(0, f.compter("SELECT count(*) FROM notification WHERE sujet_id IN (?, ?, ?) AND courriel = 'RESUME' AND resume_id IS NULL", s1, s2, s3),
                "every item went into a digest");
        assertEquals(2, f.compter("SELECT count(DISTINCT resume_id) FROM notification WHERE sujet_id IN (?, ?, ?)", s1, s2, s3));
    }

    @Test
    void le_lien_de_desabonnement_fonctionne_sans_connexion_et_un_jeton_altere_est_refuse() {
        long gard = f.utilisateur("gt.gard@sne.test");
        RedactionCourriels redaction = context.getBean(RedactionCourriels.class);
        String lien = redaction.lienDesabonnement(gard, java.util.Optional.empty());
        String chemin = URI.create(lien).getRawPath() + "?" + URI.create(lien).getRawQuery();
        WebClient anonyme = new WebClient(server);

        HttpResponse<String> confirmation = anonyme.page(chemin);
        assertEquals(200, confirmation.statusCode(), chemin + "\n" + confirmation.body());
        assertTrue(confirmation.body().contains("Confirmer le désabonnement"), confirmation.body());

        // tampered: refused, nothing changes
        Matcher jeton = Pattern.compile("jeton=([^&]+)").matcher(chemin);
        assertTrue(jeton.find());
        String j = jeton.group(1);
        String altere = "/communaute/desabonnement?jeton=" + j.substring(0, j.length() - 2) + (j.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> refus = anonyme.send(HttpRequest.newBuilder(anonyme.uri(altere))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(400, refus.statusCode());
        assertTrue(refus.body().contains("n’est pas valide"));
        assertTrue(transactions.withoutScope(() -> abonnements.preferences(gard)).courriels());

        // RFC 8058 one-click: a POST without session nor CSRF token
        HttpResponse<String> fait = anonyme.send(HttpRequest.newBuilder(anonyme.uri(chemin))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(200, fait.statusCode());
        assertTrue(fait.body().contains("vous ne recevrez plus aucun courriel"), fait.body());
        PreferencesCourriel apres = transactions.withoutScope(() -> abonnements.preferences(gard));
        assertFalse(apres.courriels());
        assertEquals(PreferencesCourriel.Frequence.HEBDOMADAIRE, apres.frequence());
        assertTrue(f.compter("SELECT count(*) FROM audit WHERE objet_type = 'abonnement' AND objet_id = ? AND acteur = 'systeme:lien-desabonnement'",
                gard + ":courriels") >= 1, "the change is audited");

        // back on from the preferences page (signed in)
        WebClient web = new WebClient(server);
        web.signInAs("gt.gard@sne.test");
        assertEquals(303, web.submit("/communaute/abonnements/preferences", Map.of("courriels", "oui", "frequence", "HEBDOMADAIRE")).statusCode());
        assertTrue(transactions.withoutScope(() -> abonnements.preferences(gard)).courriels());
    }

    private static List<MimeMessage> resumesDe(String email) {
        return NotificationFixture.courriels(email, "Votre résumé de la semaine");
    }

    private static int occurrences(String texte, String motif) {
        int n = 0;
        for (int i = texte.indexOf(motif); i >= 0; i = texte.indexOf(motif, i + 1)) {
            n++;
        }
        return n;
    }
}
