package fr.sne.documents.analyse;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once, at startup, that uploads are not scanned when no clamd is configured. */
@Singleton
final class AvertissementAntivirus implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AvertissementAntivirus.class);

    private final PiecesConfiguration configuration;

    AvertissementAntivirus(PiecesConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (configuration.antivirusActif()) {
            LOG.info("Antivirus des pièces justificatives : clamd {}:{}", configuration.clamdHost(), configuration.clamdPort());
        } else {
            LOG.warn("Antivirus des pièces justificatives désactivé (sne.pieces.clamd-host non renseigné) : "
                    + "les fichiers déposés ne sont pas analysés.");
        }
    }
}
