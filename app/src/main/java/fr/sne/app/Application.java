package fr.sne.app;

import fr.sne.app.bootstrap.LocalServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Starts SNE. In the default build, a {@link LocalServices} provider first starts the embedded
 * development services that the environment does not configure; a production build has none.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Map<String, Object> properties = new HashMap<>();
        List<Object> singletons = new ArrayList<>();
        List<String> environments = new ArrayList<>();
        for (LocalServices services : ServiceLoader.load(LocalServices.class)) {
            LocalServices.Started started = services.start(System.getenv());
            properties.putAll(started.properties());
            singletons.addAll(started.singletons());
            environments.addAll(started.environments());
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sne-local-services-stop"));
        }
        ApplicationContext context = Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .singletons(singletons.toArray())
                .environments(environments.toArray(String[]::new))
                .banner(false)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.FRANCE, "SNE est prêt : http://localhost:%d (en %.1f s)%n", server.getPort(), seconds);
    }
}
