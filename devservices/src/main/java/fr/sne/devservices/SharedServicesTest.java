package fr.sne.devservices;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Implemented by integration tests ({@code @MicronautTest class X implements SharedServicesTest}):
 * with {@code @TestInstance(PER_CLASS)}, as Micronaut requires for property providers; points the application at the JVM-wide {@link SharedTestServices} and a free HTTP port.
 */
public interface SharedServicesTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        SharedTestServices.properties().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
