package fr.sne.tenants.habilitation;

import fr.sne.devservices.CaughtMail;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly suspension, run with a controlled clock ({@code executer(instant)}): six months
 * without use suspends, fifteen days before a mail warns once, recent use keeps the habilitation.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuspensionAutomatiqueTest implements SharedServicesTest {

    // the shared database's demo personas were used "now": only this test's users are concerned
    private static final Instant MAINTENANT = Instant.now();

    @Inject
    SuspensionAutomatique suspension;

    private long inactif;
    private long bientot;
    private long actif;
    private long nationale;

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    private static Instant moins(Instant t, int mois, int jours) {
        return t.atOffset(ZoneOffset.UTC).minusMonths(mois).minusDays(jours).toInstant();
    }

    /** A user last seen at {@code vu} holding one active habilitation on desk 38003. */
    private static long habilitation(Connection c, String email, Instant vu) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "INSERT INTO utilisateur (email, prenom, nom, derniere_connexion) VALUES (?, 'Test', 'Inactivité', ?) RETURNING id")) {
            u.setString(1, email);
            u.setTimestamp(2, Timestamp.from(vu));
            ResultSet rs = u.executeQuery();
            rs.next();
            long userId = rs.getLong(1);
            try (PreparedStatement h = c.prepareStatement("""
                    INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, certifiee_le, cree_le)
                    VALUES (?, 'CONSULTANT_SIMPLE', '38003', '038', ?, ?) RETURNING id""")) {
                h.setLong(1, userId);
                h.setTimestamp(2, Timestamp.from(vu));
                h.setTimestamp(3, Timestamp.from(vu));
                ResultSet r = h.executeQuery();
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String statut(long id) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT statut || '/' || coalesce(motif_suspension, '-') FROM habilitation WHERE id = ?")) {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    @BeforeAll
    void donnees() throws SQLException {
        try (Connection c = owner()) {
            inactif = habilitation(c, "inactif.depuis.sept.mois@sne.test", moins(MAINTENANT, 7, 0));
            bientot = habilitation(c, "inactif.depuis.cinq.mois.et.demi@sne.test", moins(MAINTENANT, 5, 20));
            actif = habilitation(c, "actif.le.mois.dernier@sne.test", moins(MAINTENANT, 1, 0));
            long assistant = habilitation(c, "assistance.inactive@sne.test", moins(MAINTENANT, 8, 0));
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE habilitation SET profil = 'ASSISTANCE_NATIONALE', guichet = NULL, territoire = NULL WHERE id = ?""")) {
                ps.setLong(1, assistant);
                ps.executeUpdate();
            }
            nationale = assistant;
        }
    }

    @Test
    void sixMonthsWithoutUseSuspendsAndFifteenDaysBeforeAMailWarns() throws SQLException {
        int avant = SharedTestServices.get().mailServer().mails().size();

        SuspensionAutomatique.Bilan bilan = suspension.executer(MAINTENANT);

        assertEquals("SUSPENDUE/INACTIVITE", statut(inactif));
        assertEquals("ACTIVE/-", statut(bientot));
        assertEquals("ACTIVE/-", statut(actif));
        // national habilitations (no territory, outside every territorial scope) too
        assertEquals("SUSPENDUE/INACTIVITE", statut(nationale));
        assertEquals(new SuspensionAutomatique.Bilan(2, 1), bilan);

        List<CaughtMail> mails = SharedTestServices.get().mailServer().mails();
        List<CaughtMail> nouveaux = mails.subList(0, mails.size() - avant);
        CaughtMail avertissement = nouveaux.stream().filter(m -> m.to().contains("inactif.depuis.cinq.mois.et.demi@sne.test"))
                .findFirst().orElseThrow(() -> new AssertionError("no warning mail in " + nouveaux));
        assertTrue(avertissement.subject().startsWith("SNE : votre habilitation sera suspendue le "), avertissement.subject());
        assertTrue(avertissement.body().contains("Consultant simple — Pôle Habitat Social"), avertissement.body());
        assertTrue(nouveaux.stream().noneMatch(m -> m.to().contains("actif.le.mois.dernier")), "no mail for recent users");

        // the next night: nothing new for the same people (one warning, one suspension)
        SuspensionAutomatique.Bilan second = suspension.executer(MAINTENANT.plusSeconds(24 * 3600));
        assertEquals(new SuspensionAutomatique.Bilan(0, 0), second);

        // a month later, still unused: suspended in turn
        suspension.executer(MAINTENANT.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
        assertEquals("SUSPENDUE/INACTIVITE", statut(bientot));
    }
}
