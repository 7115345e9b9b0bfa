package fr.sne.app.bootstrap;

import java.util.List;
import java.util.Map;

/**
 * Services started before the application context, found with {@link java.util.ServiceLoader}.
 * Only the default (development) build provides one: it starts the embedded PostgreSQL, S3,
 * OIDC provider and SMTP server that the environment variables do not replace.
 */
public interface LocalServices {

    /** What was started: properties pointing at it, beans to register, environments to activate. */
    record Started(Map<String, Object> properties, List<Object> singletons, List<String> environments,
                   Runnable stop) {
    }

    Started start(Map<String, String> environment);
}
