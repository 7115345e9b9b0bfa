package fr.sne.app;

import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the renewal-notice tests share: applicants registered through the vendors' API with the
 * contacts a test needs, a portal account linked (as if they used the online services), their
 * deadline moved through the owner connection, and what was sent to them (mails caught by the
 * test SMTP server, SMS in the default run's outbox, the notices' rows).
 */
final class AvisFixture {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    private final EmbeddedServer server;

    AvisFixture(EmbeddedServer server) {
        this.server = server;
    }

    static LocalDate aujourdhui() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    /** A unique e-mail address for one applicant. */
    static String mel(String prefixe) {
        return prefixe + "." + Pdfs.lettres(8) + "@example.org";
    }

    /**
     * Registers an application as the API client (its desk), the applicant a new person with
     * these contacts (null: none); returns its number.
     */
    String creer(String client, String nom, String mel, String telPortable, String commune, String codePostal) {
        String body = """
                {"demandeur": {"civilite": "2", "nomNaissance": "%s", "prenoms": "Élise", "dateNaissance": "1979-09-14",
                  "nationalite": "1", "mel": %s, "telPortable": %s,
                  "adresse": {"numero": "12", "voie": "rue des Lilas", "codePostal": "%s", "communeInsee": "%s"}},
                 "logementRecherche": {"typesLogement": ["T3"], "communesSouhaitees": ["%s"]}}"""
                .formatted(nom + Pdfs.lettres(6), json(mel), json(telPortable), codePostal, commune, commune);
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    /** An application of ACTIS (38001) in Grenoble. */
    String creerIsere(String nom, String mel, String telPortable) {
        return creer("editeur-actis", nom, mel, telPortable, "38185", "38000");
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** Links the application to a new portal account: the applicant "used the online services". */
    static void lierCompte(String numero) {
        long compte = FabriqueDemandes.nombre("INSERT INTO compte_demandeur (emetteur, sujet, email) VALUES ('test', ?, ?) RETURNING id",
                UUID.randomUUID().toString(), mel("compte"));
        FabriqueDemandes.sql("UPDATE demande SET compte_demandeur = ? WHERE numero_unique = ?", compte, numero);
    }

    /** Links the application to the account of the applicant signed in with {@code email}. */
    static void lierCompte(String numero, String email) {
        FabriqueDemandes.sql("UPDATE demande SET compte_demandeur = (SELECT max(id) FROM compte_demandeur WHERE lower(email) = lower(?)) "
                + "WHERE numero_unique = ?", email, numero);
    }

    /** Moves the application's deadline (as a renewal would, or to bring it near). */
    static void echeance(String numero, LocalDate echeance) {
        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?", echeance, numero);
    }

    /** A renewal as the renewal feature writes it: renewed today, next deadline in a year. */
    static void renouveler(String numero) {
        FabriqueDemandes.sql("UPDATE demande SET date_dernier_renouvellement = ?, date_prochain_renouvellement = ? "
                + "WHERE numero_unique = ?", aujourdhui(), aujourdhui().plusYears(1), numero);
    }

    static void radier(String numero) {
        FabriqueDemandes.sql("UPDATE demande SET etat = 'RADIEE' WHERE numero_unique = ?", numero);
    }

    /** The application's sendings as "NATURE CANAL ETAT", in order of creation. */
    static List<String> envois(String numero) {
        return lignes("""
                SELECT a.nature || ' ' || e.canal || ' ' || e.etat FROM avis_envoi e
                  JOIN avis_renouvellement a ON a.territoire = e.territoire AND a.id = e.avis
                 WHERE a.numero_unique = ? ORDER BY a.nature DESC, e.id""", numero);
    }

    /** One column of the application's sending on a channel. */
    static String envoi(String numero, String canal, String colonne) {
        List<String> l = lignes("SELECT e." + colonne + "::text FROM avis_envoi e JOIN avis_renouvellement a "
                + "ON a.territoire = e.territoire AND a.id = e.avis WHERE a.numero_unique = ? AND e.canal = ?", numero, canal);
        assertEquals(1, l.size(), "one " + canal + " sending for " + numero);
        return l.getFirst();
    }

    static long avis(String numero) {
        return FabriqueDemandes.nombre("SELECT count(*) FROM avis_renouvellement WHERE numero_unique = ?", numero);
    }

    /** The mails the test SMTP server caught for this address. */
    static List<MimeMessage> mails(String adresse) {
        List<MimeMessage> list = new ArrayList<>();
        try {
            for (MimeMessage m : SharedTestServices.get().mailServer().messages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(adresse)) {
                    list.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return list;
    }

    /** The SMS the default run's operator received about this application (its number is in the text). */
    static long sms(String numero) {
        return FabriqueDemandes.nombre("SELECT count(*) FROM boite_sms WHERE texte LIKE ?", "%" + Pdfs.numeroLisible(numero) + "%");
    }

    /** The system events AVIREN of the application. */
    static long evenements(String numero) {
        return FabriqueDemandes.nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'AVIREN'", numero);
    }

    static List<String> lignes(String sql, Object... params) {
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
                return list;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
