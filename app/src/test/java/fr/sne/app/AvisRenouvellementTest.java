package fr.sne.app;

import fr.sne.core.avis.EnvoiAvis;
import fr.sne.core.avis.PlanificationAvis;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renewal notices (issue #5) with controlled dates: the jobs' entry points take the date, the
 * deadlines are moved through the owner connection. The scheduler is off in this context, so
 * that only the test runs the jobs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AvisRenouvellementTest implements SharedServicesTest {

    private static final DateTimeFormatter COURTE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    EmbeddedServer server;

    @Inject
    PlanificationAvis planification;

    @Inject
    EnvoiAvis envoi;

    private AvisFixture fixture() {
        return new AvisFixture(server);
    }

    private static String texte(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoMonthsBeforeOnlineApplicantsGetAnEmailAndAnSmsTheOthersALetter() throws Exception {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        LocalDate echeance = aujourdhui.plusDays(50);
        AvisFixture f = fixture();
        String melNumerique = AvisFixture.mel("numerique");
        String numerique = f.creerIsere("Numerique", melNumerique, "06 11 22 33 44");
        String melSeul = AvisFixture.mel("melseul");
        String courrielSeul = f.creerIsere("Melseul", melSeul, "04 76 00 00 00");
        String melHorsLigne = AvisFixture.mel("horsligne");
        String horsLigne = f.creerIsere("Horsligne", melHorsLigne, "0611223344");
        String sansContact = f.creerIsere("Sanscontact", null, null);
        String plusTard = f.creerIsere("Plustard", AvisFixture.mel("plustard"), "0611223344");
        for (String n : List.of(numerique, courrielSeul, sansContact, plusTard)) {
            AvisFixture.lierCompte(n);
        }
        for (String n : List.of(numerique, courrielSeul, horsLigne, sansContact)) {
            AvisFixture.echeance(n, echeance);
        }
        AvisFixture.echeance(plusTard, aujourdhui.plusMonths(2).plusDays(1));

        PlanificationAvis.Bilan bilan = planification.planifier(aujourdhui);
        assertTrue(bilan.premiersAvis() >= 4, bilan.toString());
        assertEquals(List.of("PREMIER_AVIS COURRIEL A_ENVOYER", "PREMIER_AVIS SMS A_ENVOYER"), AvisFixture.envois(numerique));
        assertEquals(List.of("PREMIER_AVIS COURRIEL A_ENVOYER"), AvisFixture.envois(courrielSeul), "a landline gets no SMS");
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(horsLigne),
                "never used the online services: by post, whatever the contacts");
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(sansContact));
        assertEquals(List.of(), AvisFixture.envois(plusTard), "a deadline beyond two months is not due yet");
        assertEquals("38001", AvisFixture.envoi(horsLigne, "COURRIER", "guichet"), "the registering desk's batch");

        // planning again (another run, a restart): nothing new
        planification.planifier(aujourdhui);
        for (String n : List.of(numerique, courrielSeul, horsLigne, sansContact)) {
            assertEquals(1, AvisFixture.avis(n), n);
        }
        assertEquals(2, AvisFixture.envois(numerique).size());

        envoi.envoyer(Instant.now());
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(numerique));
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE"), AvisFixture.envois(courrielSeul));
        List<MimeMessage> mails = AvisFixture.mails(melNumerique);
        assertEquals(1, mails.size());
        assertEquals(1, AvisFixture.mails(melSeul).size());
        assertEquals(0, AvisFixture.mails(melHorsLigne).size());
        assertEquals(1, AvisFixture.sms(numerique));
        assertEquals(0, AvisFixture.sms(courrielSeul));

        // what the applicant reads: the deadline, the number, how to renew
        MimeMessage mail = mails.getFirst();
        assertTrue(mail.getSubject().contains("avant le " + Pdfs.date(echeance)), mail.getSubject());
        String corps = texte(mail);
        assertTrue(corps.contains(Pdfs.numeroLisible(numerique)), corps);
        assertTrue(corps.contains("www.demande-logement-social.gouv.fr") && corps.contains("guichet enregistreur"), corps);
        assertTrue(corps.contains("radiée"), corps);
        assertEquals("<avis-renouvellement.038." + AvisFixture.envoi(numerique, "COURRIEL", "id") + "@sne.avis>",
                mail.getMessageID(), "a Message-ID fixed per sending");
        String sms = AvisFixture.lignes("SELECT texte FROM boite_sms WHERE texte LIKE ?", "%" + Pdfs.numeroLisible(numerique) + "%")
                .getFirst();
        assertTrue(sms.contains(COURTE.format(echeance)) && sms.contains("demande-logement-social.gouv.fr"), sms);
        assertEquals("0611223344", AvisFixture.envoi(numerique, "SMS", "destinataire"));

        // recorded: one AVIREN event and one EVT movement per notice sent, audited
        assertEquals(2, AvisFixture.evenements(numerique));
        assertEquals(1, AvisFixture.evenements(courrielSeul));
        assertEquals(0, AvisFixture.evenements(horsLigne), "a letter is recorded when printed");
        assertEquals(2, FabriqueDemandes.nombre(
                "SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'EVT' AND parties = '{AVIREN}'", numerique));
        assertEquals(2, FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'AVIS_RENOUVELLEMENT' "
                + "AND objet_id = ? AND apres ->> 'etat' = 'ENVOYE' AND acteur = 'systeme:avis-renouvellement'", numerique));

        // another run sends nothing more
        envoi.envoyer(Instant.now());
        assertEquals(1, AvisFixture.mails(melNumerique).size());
        assertEquals(1, AvisFixture.sms(numerique));
    }

    @Test
    void oneMonthBeforeARegisteredLetterOnlyIfNotRenewedAndPendingNoticesOfRenewedOrRadiatedApplicationsAreCancelled() {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        LocalDate echeance = aujourdhui.plusDays(45);
        AvisFixture f = fixture();
        String melOubli = AvisFixture.mel("oubli");
        String oubli = f.creerIsere("Oubli", melOubli, "0711223344");
        String renouvelee = f.creerIsere("Renouvelee", null, null);
        String melPresse = AvisFixture.mel("presse");
        String pressee = f.creerIsere("Pressee", melPresse, "0711223344");
        String radiee = f.creerIsere("Radiee", null, null);
        AvisFixture.lierCompte(oubli);
        AvisFixture.lierCompte(pressee);
        for (String n : List.of(oubli, renouvelee, radiee)) {
            AvisFixture.echeance(n, echeance);
        }
        planification.planifier(aujourdhui);
        assertEquals(List.of("PREMIER_AVIS COURRIER A_IMPRIMER"), AvisFixture.envois(renouvelee));
        envoi.envoyer(Instant.now());
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(oubli));
        AvisFixture.echeance(pressee, echeance);
        planification.planifier(aujourdhui);
        assertEquals(List.of("PREMIER_AVIS COURRIEL A_ENVOYER", "PREMIER_AVIS SMS A_ENVOYER"), AvisFixture.envois(pressee));

        // renewed (or radiated) before anything left: the letter is not printed, the e-mail and SMS not sent
        AvisFixture.renouveler(renouvelee);
        AvisFixture.radier(radiee);
        AvisFixture.renouveler(pressee);
        planification.planifier(aujourdhui);
        envoi.envoyer(Instant.now());
        assertEquals(List.of("PREMIER_AVIS COURRIER ANNULE"), AvisFixture.envois(renouvelee));
        assertEquals("RENOUVELEE", AvisFixture.envoi(renouvelee, "COURRIER", "motif_annulation"));
        assertEquals(List.of("PREMIER_AVIS COURRIER ANNULE"), AvisFixture.envois(radiee));
        assertEquals("RADIEE", AvisFixture.envoi(radiee, "COURRIER", "motif_annulation"));
        assertEquals(List.of("PREMIER_AVIS COURRIEL ANNULE", "PREMIER_AVIS SMS ANNULE"), AvisFixture.envois(pressee));
        assertEquals(0, AvisFixture.mails(melPresse).size());
        assertEquals(0, AvisFixture.sms(pressee));
        assertEquals(0, AvisFixture.evenements(pressee));

        // one month before: the registered letter, only for the application still awaiting renewal
        planification.planifier(echeance.minusMonths(1).minusDays(1));
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(oubli),
                "one day too early");
        PlanificationAvis.Bilan bilan = planification.planifier(echeance.minusMonths(1));
        assertTrue(bilan.derniersAvis() >= 1, bilan.toString());
        assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE", "DERNIER_AVIS RECOMMANDE A_IMPRIMER"),
                AvisFixture.envois(oubli), "for everyone, online or not");
        assertEquals("38001", AvisFixture.envoi(oubli, "RECOMMANDE", "guichet"));
        assertEquals(List.of("PREMIER_AVIS COURRIER ANNULE"), AvisFixture.envois(renouvelee), "renewed: no registered letter");
        assertEquals(List.of("PREMIER_AVIS COURRIER ANNULE"), AvisFixture.envois(radiee), "radiated: no registered letter");
        planification.planifier(echeance.minusMonths(1));
        assertEquals(3, AvisFixture.envois(oubli).size(), "planned once");
        assertEquals(1, AvisFixture.mails(melOubli).size());
    }

    @Test
    void twoRunnersInParallelSendEveryNoticeExactlyOnce() throws Exception {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        AvisFixture f = fixture();
        List<String> numeros = new ArrayList<>();
        List<String> adresses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String mel = AvisFixture.mel("parallele");
            String numero = f.creerIsere("Parallele", mel, "06 00 00 00 " + String.format("%02d", i));
            AvisFixture.lierCompte(numero);
            AvisFixture.echeance(numero, aujourdhui.plusDays(40));
            numeros.add(numero);
            adresses.add(mel);
        }
        planification.planifier(aujourdhui);

        // two nodes (two threads, each with its own connections) start the same run at the same instant
        Instant maintenant = Instant.now();
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService noeuds = Executors.newFixedThreadPool(2);
        try {
            List<Future<EnvoiAvis.Bilan>> bilans = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                bilans.add(noeuds.submit(() -> {
                    depart.await();
                    return envoi.envoyer(maintenant);
                }));
            }
            depart.countDown();
            int envoyes = 0;
            for (Future<EnvoiAvis.Bilan> b : bilans) {
                envoyes += b.get().envoyes();
            }
            assertTrue(envoyes >= 24, "every sending recorded once by one of the two: " + envoyes);
        } finally {
            noeuds.shutdownNow();
        }
        for (int i = 0; i < numeros.size(); i++) {
            String n = numeros.get(i);
            assertEquals(List.of("PREMIER_AVIS COURRIEL ENVOYE", "PREMIER_AVIS SMS ENVOYE"), AvisFixture.envois(n));
            assertEquals(1, AvisFixture.mails(adresses.get(i)).size(), "one mail for " + n);
            assertEquals(1, AvisFixture.sms(n), "one SMS for " + n);
            assertEquals(2, AvisFixture.evenements(n), "one event per notice sent for " + n);
            assertEquals("1", AvisFixture.envoi(n, "COURRIEL", "tentatives"));
        }
    }

    @Test
    void theNoticesAreShownOnTheProfessionalsPageAndOnTheApplicantsPage() {
        LocalDate aujourdhui = AvisFixture.aujourdhui();
        String email = AvisFixture.mel("portail");
        WebClient demandeur = new WebClient(server);
        demandeur.signInAsApplicant(email, "Élise", "Volet");
        String numero = fixture().creerIsere("Volet", AvisFixture.mel("volet"), "0612121212");
        AvisFixture.lierCompte(numero, email);
        AvisFixture.echeance(numero, aujourdhui.plusDays(55));

        WebClient agent = new WebClient(server);
        agent.signInAs("agent.stegreve@sne.test");
        HttpResponse<String> avant = agent.page("/pro/demandes/" + numero);
        assertEquals(200, avant.statusCode());
        assertTrue(avant.body().contains("Avis de renouvellement"), "the panel is there before any notice");
        assertTrue(avant.body().contains("Aucun avis pour l’instant") || avant.body().contains("Aucun avis"), avant.body());
        HttpResponse<String> sansAvis = demandeur.page("/mes-demandes/" + numero);
        assertEquals(200, sansAvis.statusCode(), sansAvis.body());
        assertFalse(sansAvis.body().contains("Avis de renouvellement qui vous ont été adressés"), "nothing to show the applicant yet");

        planification.planifier(aujourdhui);
        envoi.envoyer(Instant.now());

        HttpResponse<String> pro = agent.page("/pro/demandes/" + numero);
        String page = pro.body();
        assertTrue(page.contains("Premier avis") && page.contains("Courriel") && page.contains("SMS"), page);
        assertTrue(page.contains("Envoyé le ") && page.contains(COURTE.format(aujourdhui.plusDays(55))), page);
        assertTrue(page.contains("0612121212"), page);
        assertTrue(FabriqueDemandes.nombre("SELECT count(*) FROM audit WHERE objet_type = 'AVIS_RENOUVELLEMENT' AND objet_id = ? "
                + "AND action = 'LECTURE' AND acteur = 'agent.stegreve@sne.test'", numero) >= 1, "the read is audited");

        HttpResponse<String> portail = demandeur.page("/mes-demandes/" + numero);
        assertEquals(200, portail.statusCode());
        String sienne = portail.body();
        assertTrue(sienne.contains("Avis de renouvellement qui vous ont été adressés"), sienne);
        assertTrue(sienne.contains("Courriel (") && sienne.contains("SMS (0612121212)"), sienne);
        assertTrue(sienne.contains(COURTE.format(aujourdhui.plusDays(55))), sienne);
    }

    /** One number read as the application role in a scope (RLS applies). */
    private static long compter(Connection c, String territoire, String compte, String sql, Object... params) throws SQLException {
        try (PreparedStatement scope = c.prepareStatement("SELECT set_config('sne.territoire', ?, true), "
                + "set_config('sne.portee', ?, true), set_config('sne.compte', ?, true)")) {
            scope.setString(1, territoire);
            scope.setString(2, compte.isEmpty() ? "TERRITOIRE" : "COMPTE");
            scope.setString(3, compte);
            scope.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theNoticesAreTenantDataAnApplicantReadsOnlyTheirOwnAndTheApplicationRoleNeverRewritesThem() throws Exception {
        String numero = fixture().creerIsere("Cloisonnee", AvisFixture.mel("cloisonnee"), "0655443322");
        AvisFixture.lierCompte(numero);
        AvisFixture.echeance(numero, AvisFixture.aujourdhui().plusDays(30));
        planification.planifier(AvisFixture.aujourdhui());
        String compte = AvisFixture.lignes("SELECT compte_demandeur::text FROM demande WHERE numero_unique = ?", numero).getFirst();
        String envois = "SELECT count(*) FROM avis_envoi e JOIN avis_renouvellement a ON a.territoire = e.territoire "
                + "AND a.id = e.avis WHERE a.numero_unique = ?";
        Map<String, Object> p = fr.sne.devservices.SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("datasources.default.url"),
                (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"))) {
            c.setAutoCommit(false);
            assertEquals(3, compter(c, "038", "", envois, numero), "e-mail, SMS, registered letter");
            c.rollback();
            assertEquals(0, compter(c, "030", "", envois, numero), "another territory sees nothing");
            c.rollback();
            assertEquals(0, compter(c, "", "", envois, numero), "no scope, no row");
            c.rollback();
            assertEquals(3, compter(c, "", compte, envois, numero), "the applicant's own notices");
            c.rollback();
            assertEquals(0, compter(c, "", String.valueOf(Long.parseLong(compte) + 100000), envois, numero), "not another's");
            c.rollback();
            SQLException refus = assertThrows(SQLException.class, () -> compter(c, "038", "",
                    "WITH x AS (DELETE FROM avis_renouvellement WHERE numero_unique = ? RETURNING 1) SELECT count(*) FROM x", numero));
            assertEquals("42501", refus.getSQLState(), "a notice is never deleted by the application");
            c.rollback();
        }
    }
}
