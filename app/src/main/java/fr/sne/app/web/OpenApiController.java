package fr.sne.app.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one OpenAPI document of the API, at {@code /api/openapi.yml}: each module generates the
 * document of its own controllers at compile time; they are merged once, at start-up, keeping
 * the {@code /api/**} paths only (pages are not API).
 */
@Controller("/api/openapi.yml")
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {

    /** Modules with API controllers, the first one giving the document's header. */
    private static final List<String> MODULES = List.of("sne-tenants", "sne-core", "sne-community");

    private final String document;

    OpenApiController() {
        this.document = fusionner();
    }

    @Get
    @Produces("application/yaml")
    String openapi() {
        return document;
    }

    @SuppressWarnings("unchecked")
    private static String fusionner() {
        Yaml yaml = new Yaml();
        Map<String, Object> base = null;
        for (String module : MODULES) {
            try (InputStream in = OpenApiController.class.getResourceAsStream("/META-INF/swagger/" + module + ".yml")) {
                if (in == null) {
                    continue;
                }
                Map<String, Object> doc = yaml.load(in);
                if (base == null) {
                    base = new LinkedHashMap<>(doc);
                    continue;
                }
                fusionnerCarte(base, doc, "paths");
                Map<String, Object> composants = (Map<String, Object>) doc.getOrDefault("components", Map.of());
                Map<String, Object> cible = (Map<String, Object>) base.computeIfAbsent("components", k -> new LinkedHashMap<>());
                for (Map.Entry<String, Object> e : composants.entrySet()) {
                    fusionnerCarte(cible, Map.of(e.getKey(), e.getValue()), e.getKey());
                }
                List<Object> tags = new ArrayList<>((List<Object>) base.getOrDefault("tags", List.of()));
                tags.addAll((List<Object>) doc.getOrDefault("tags", List.of()));
                if (!tags.isEmpty()) {
                    base.put("tags", tags);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (base != null) {
            // pages are not part of the API: only /api/** paths are documented
            Map<String, Object> paths = new LinkedHashMap<>((Map<String, Object>) base.getOrDefault("paths", Map.of()));
            paths.keySet().removeIf(path -> !path.startsWith("/api/"));
            base.put("paths", paths);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(base == null ? Map.of("openapi", "3.0.1") : base);
    }

    @SuppressWarnings("unchecked")
    private static void fusionnerCarte(Map<String, Object> cible, Map<String, Object> source, String cle) {
        Object ajout = source.get(cle);
        if (!(ajout instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, Object> existant = new LinkedHashMap<>((Map<String, Object>) cible.getOrDefault(cle, Map.of()));
        existant.putAll((Map<String, Object>) map);
        cible.put(cle, existant);
    }
}
