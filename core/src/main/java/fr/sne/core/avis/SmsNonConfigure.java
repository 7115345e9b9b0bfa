package fr.sne.core.avis;

import fr.sne.tenants.courriel.IssueEnvoi;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No SMS operator configured: every SMS fails (and is retried, then recorded as failed, the
 * e-mail or a letter carrying the notice). An operator's implementation replaces this bean; the
 * default run has its own (an outbox shown on {@code /dev/sms}).
 */
@Singleton
@Secondary
class SmsNonConfigure implements FournisseurSms {

    private static final Logger LOG = LoggerFactory.getLogger(SmsNonConfigure.class);

    @Override
    public IssueEnvoi envoyer(Sms sms) {
        LOG.warn("Aucun fournisseur de SMS configuré : SMS non envoyé");
        return new IssueEnvoi.Echec("Aucun fournisseur de SMS configuré");
    }
}
