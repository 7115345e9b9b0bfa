package fr.sne.bench.mesure;

import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scenario works with: the running product (its HTTP base and its beans, in this JVM),
 * the OIDC token endpoint, the database, the bench territory with its API clients and its
 * territorial manager, the scale and where to print progress.
 *
 * @param clients      API clients of the bench territory (one per desk), scopes demandes, mouvements, exports
 * @param gestionnaire e-mail of the bench territory's territorial manager (signs in on the provider's page)
 */
public record Banc(Echelle echelle, URI base, URI jetons, ApplicationContext application, BaseDeDonnees bd,
                   String territoire, List<String> clients, String gestionnaire, PrintStream journal, Path temporaire) {

    public ClientApi client(int i) {
        return new ClientApi(base, jetons, clients.get(i % clients.size()));
    }

    public void log(String format, Object... args) {
        journal.printf("[banc] " + format + "%n", args);
    }
}
