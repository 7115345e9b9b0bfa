package fr.sne.tenants.courriel;

import fr.sne.devservices.EmbeddedMailServer;
import fr.sne.devservices.SharedTestServices;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbound mailbox, polled over IMAP on the shared GreenMail: dispatch, refusal, loops, retries. */
class BoiteReceptionTest {

    private final Map<String, Object> props = SharedTestServices.properties();
    private final EmbeddedMailServer serveur = SharedTestServices.get().mailServer();
    private final Courriels courriels = new Courriels("127.0.0.1", (Integer) props.get("sne.mail.port"), "", "", "ne-pas-repondre@sne.test");

    // a mailbox of its own: the application's polling job (in other tests' contexts) reads the shared one
    private static final String BOITE = "boite-reception-test@sne.test";
    private static final String MOT_DE_PASSE = "test";

    BoiteReceptionTest() {
        serveur.ajouterBoite(BOITE, MOT_DE_PASSE);
    }

    private BoiteReception boite(List<TraitementCourrielEntrant> traitements) {
        return new BoiteReception("127.0.0.1", (Integer) props.get("sne.mail.entrant.port"), false,
                BOITE, MOT_DE_PASSE, traitements, courriels, Clock.systemUTC());
    }

    @Test
    void une_reponse_va_au_traitement_qui_la_reconnait_puis_quitte_la_boite() throws Exception {
        List<CourrielEntrant> recus = new ArrayList<>();
        TraitementCourrielEntrant autre = traitement(c -> false, recus);
        TraitementCourrielEntrant forum = traitement(c -> c.repondA().contains("<notif-1@sne.test>"), recus);
        envoyer("claire@sne.test", "Re: Nouveau message", """
                Merci, c'est réglé de mon côté.

                Le 20 nov. 2026 à 10:00, SNE Communautés <ne-pas-repondre@sne.test> a écrit :
                > Un nouveau message dans « Radiations »
                """, Map.of("In-Reply-To", "<notif-1@sne.test>", "References", "<notif-0@sne.test> <notif-1@sne.test>"));

        BoiteReception.Bilan bilan = boite(List.of(autre, forum)).relever();

        assertEquals(1, bilan.traites());
        assertEquals(1, recus.size());
        CourrielEntrant c = recus.getFirst();
        assertEquals("claire@sne.test", c.expediteur());
        assertEquals("Merci, c'est réglé de mon côté.", c.reponse());
        assertEquals(List.of("<notif-1@sne.test>", "<notif-0@sne.test>"), c.repondA());
        assertEquals(0, boite(List.of(forum)).relever().traites(), "deleted after handling");
    }

    @Test
    void un_message_sans_destinataire_recoit_une_reponse_polie_mais_jamais_un_message_automatique() throws Exception {
        int avant = serveur.messages().size();
        envoyer("inconnu@sne.test", "Bonjour", "Je cherche quelqu'un.", Map.of());
        envoyer("inconnu@sne.test", "Absence", "Je suis absent.", Map.of("Auto-Submitted", "auto-replied"));

        BoiteReception.Bilan bilan = boite(List.of()).relever();

        assertEquals(1, bilan.sansDestinataire());
        assertEquals(1, bilan.ignores());
        List<MimeMessage> nouveaux = serveur.messages().subList(avant, serveur.messages().size());
        List<MimeMessage> reponses = nouveaux.stream().filter(m -> destinataire(m).equals("inconnu@sne.test")).toList();
        assertEquals(1, reponses.size(), "one polite answer, none to the automatic mail");
        assertEquals("Votre message n'a pas pu être rattaché", reponses.getFirst().getSubject());
        assertEquals("auto-replied", reponses.getFirst().getHeader("Auto-Submitted")[0]);
    }

    @Test
    void un_echec_laisse_le_message_pour_le_releve_suivant_puis_le_met_de_cote() throws Exception {
        AtomicInteger essais = new AtomicInteger();
        TraitementCourrielEntrant enPanne = new TraitementCourrielEntrant() {
            @Override
            public boolean concerne(CourrielEntrant courriel) {
                return courriel.objet().equals("Réponse impossible");
            }

            @Override
            public void traiter(CourrielEntrant courriel) {
                essais.incrementAndGet();
                throw new IllegalStateException("base indisponible");
            }
        };
        envoyer("claire@sne.test", "Réponse impossible", "Texte", Map.of());
        BoiteReception boite = boite(List.of(enPanne));

        for (int i = 0; i < BoiteReception.ESSAIS_MAX; i++) {
            assertEquals(1, boite.relever().echecs());
        }

        assertEquals(BoiteReception.ESSAIS_MAX, essais.get());
        assertEquals(0, boite.relever().echecs(), "set aside in the Erreurs folder");
        assertTrue(dossier("Erreurs").contains("Réponse impossible"));
    }

    private static TraitementCourrielEntrant traitement(java.util.function.Predicate<CourrielEntrant> concerne, List<CourrielEntrant> recus) {
        return new TraitementCourrielEntrant() {
            @Override
            public boolean concerne(CourrielEntrant courriel) {
                return concerne.test(courriel);
            }

            @Override
            public void traiter(CourrielEntrant courriel) {
                recus.add(courriel);
            }
        };
    }

    private void envoyer(String de, String objet, String texte, Map<String, String> entetes) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(props.get("sne.mail.port")));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(de));
        m.setRecipients(Message.RecipientType.TO, BOITE);
        m.setSubject(objet, "UTF-8");
        m.setText(texte, "UTF-8");
        for (var e : entetes.entrySet()) {
            m.setHeader(e.getKey(), e.getValue());
        }
        Transport.send(m);
    }

    private List<String> dossier(String nom) throws Exception {
        Properties p = new Properties();
        try (Store store = Session.getInstance(p).getStore("imap")) {
            store.connect("127.0.0.1", (Integer) props.get("sne.mail.entrant.port"), BOITE, MOT_DE_PASSE);
            Folder f = store.getFolder(nom);
            f.open(Folder.READ_ONLY);
            List<String> objets = new ArrayList<>();
            for (Message m : f.getMessages()) {
                objets.add(m.getSubject());
            }
            f.close(false);
            return objets;
        }
    }

    private static String destinataire(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
