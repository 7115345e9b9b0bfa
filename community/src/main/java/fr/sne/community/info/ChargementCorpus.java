package fr.sne.community.info;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code sne.info.corpus=true} (the development run), the reference texts are loaded once the
 * server is up, in the background: the site answers meanwhile, and a restart adds nothing.
 */
@Singleton
@Requires(property = "sne.info.corpus", value = "true")
class ChargementCorpus implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ChargementCorpus.class);

    private final TextesDeReference textes;

    ChargementCorpus(TextesDeReference textes) {
        this.textes = textes;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread.ofVirtual().name("sne-textes-reference").start(() -> {
            try {
                textes.charger();
            } catch (RuntimeException e) {
                LOG.warn("Textes de référence non chargés : {}", e.toString());
            }
        });
    }
}
