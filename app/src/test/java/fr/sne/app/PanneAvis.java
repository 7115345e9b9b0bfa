package fr.sne.app;

import fr.sne.core.avis.FournisseurSms;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node that dies right after the mail server or the SMS operator accepted a message, before
 * recording it: when switched on, the mail and the SMS really leave, then the sending thread
 * stops with an {@link Arret} (an Error: nothing in the job catches it, as nothing runs after a
 * crash). Only in the context of the test that sets {@code sne.test.panne-avis}.
 */
@Singleton
@Requires(property = "sne.test.panne-avis", value = "true")
class PanneAvis {

    /** The crash. */
    static final class Arret extends Error {
        Arret() {
            super("le nœud s'arrête après l'envoi, avant de l'enregistrer");
        }
    }

    private final AtomicBoolean active = new AtomicBoolean();

    void activer(boolean oui) {
        active.set(oui);
    }

    void apresEnvoi() {
        if (active.get()) {
            throw new Arret();
        }
    }

    /** The mail server's client of the test context, crashing after a mail left. */
    @Singleton
    @Replaces(Courriels.class)
    @Requires(property = "sne.test.panne-avis", value = "true")
    static class CourrielsEnPanne extends Courriels {

        private final PanneAvis panne;

        CourrielsEnPanne(PanneAvis panne, @Value("${sne.mail.host:}") String host, @Value("${sne.mail.port:25}") int port,
                         @Value("${sne.mail.username:}") String username, @Value("${sne.mail.password:}") String password,
                         @Value("${sne.mail.from:ne-pas-repondre@sne.test}") String expediteur) {
            super(host, port, username, password, expediteur);
            this.panne = panne;
        }

        @Override
        public IssueEnvoi envoyer(Courriel courriel) {
            IssueEnvoi issue = super.envoyer(courriel);
            panne.apresEnvoi();
            return issue;
        }
    }

    /** Wraps the SMS operator: crashing after it accepted an SMS. */
    @Singleton
    @Requires(property = "sne.test.panne-avis", value = "true")
    static class SmsEnPanne implements BeanCreatedEventListener<FournisseurSms> {

        private final PanneAvis panne;

        SmsEnPanne(PanneAvis panne) {
            this.panne = panne;
        }

        @Override
        public FournisseurSms onCreated(BeanCreatedEvent<FournisseurSms> event) {
            FournisseurSms operateur = event.getBean();
            return sms -> {
                IssueEnvoi issue = operateur.envoyer(sms);
                panne.apresEnvoi();
                return issue;
            };
        }
    }
}
