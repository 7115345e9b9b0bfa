package fr.sne.app;

import fr.sne.devservices.EmbeddedMailServer;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** In tests the shared SMTP server plays the part the default run's embedded one plays. */
@Factory
@Requires(env = Environment.TEST)
class TestMailServerFactory {
    @Singleton
    EmbeddedMailServer mailServer() {
        return SharedTestServices.get().mailServer();
    }
}
