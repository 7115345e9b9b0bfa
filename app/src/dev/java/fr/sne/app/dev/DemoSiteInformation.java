package fr.sne.app.dev;

import fr.sne.community.info.Article;
import fr.sne.community.info.RedactionService;
import fr.sne.community.info.SaisieArticle;
import fr.sne.tenants.identity.Actor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Development only ({@code sne.info.demo=true}, set by the default run with its embedded
 * database): the information site's demo articles of {@code demo/info}, written through the
 * authoring service as the platform, each once (an article whose address exists is skipped).
 */
@Singleton
@Requires(property = "sne.info.demo", value = "true")
public class DemoSiteInformation implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSiteInformation.class);
    private static final Actor.Systeme DEMO = new Actor.Systeme("demo");
    private static final String DOSSIER = "demo/info/";

    private final RedactionService redaction;
    private final Clock clock;

    DemoSiteInformation(RedactionService redaction, Clock clock) {
        this.redaction = redaction;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        try {
            int crees = charger();
            if (crees > 0) {
                LOG.info("Site d'information : {} article(s) de démonstration créé(s)", crees);
            }
        } catch (RuntimeException e) {
            LOG.warn("Articles de démonstration non chargés : {}", e.toString());
        }
    }

    /** Creates the demo articles missing; returns how many. */
    public int charger() {
        int crees = 0;
        for (String fichier : lignes(ressource(DOSSIER + "index.txt"))) {
            if (fichier.isBlank() || fichier.startsWith("#")) {
                continue;
            }
            Demo demo = Demo.lire(ressource(DOSSIER + fichier.strip()));
            if (redaction.existe(demo.entete().get("titre"))) {
                continue;
            }
            Instant publieLe = clock.instant().truncatedTo(ChronoUnit.HOURS)
                    .plus(Duration.ofDays(Long.parseLong(demo.entete().getOrDefault("jours", "0"))));
            Article article = redaction.importer(DEMO, demo.saisie(), publieLe);
            String piece = demo.entete().get("piece");
            if (piece != null) {
                joindre(article.id(), piece);
            }
            crees++;
        }
        return crees;
    }

    private void joindre(long articleId, String ressource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ressource)) {
            if (in == null) {
                LOG.warn("Pièce de démonstration absente : {}", ressource);
                return;
            }
            Path temporaire = Files.createTempFile("sne-demo-", ".piece");
            try {
                Files.copy(in, temporaire, StandardCopyOption.REPLACE_EXISTING);
                redaction.ajouterPiece(DEMO, articleId, ressource.substring(ressource.lastIndexOf('/') + 1), temporaire);
            } finally {
                Files.deleteIfExists(temporaire);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ressource(String chemin) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(chemin)) {
            if (in == null) {
                throw new IllegalStateException("Ressource de démonstration absente : " + chemin);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lignes(String texte) {
        return Arrays.asList(texte.split("\\R"));
    }

    /** One demo file: its header and its Markdown text. */
    record Demo(Map<String, String> entete, String corps) {

        static Demo lire(String texte) {
            int separateur = texte.indexOf("\n---\n");
            Map<String, String> entete = new HashMap<>();
            for (String ligne : texte.substring(0, separateur).split("\\R")) {
                int deuxPoints = ligne.indexOf(':');
                if (deuxPoints > 0) {
                    entete.put(ligne.substring(0, deuxPoints).strip(), ligne.substring(deuxPoints + 1).strip());
                }
            }
            return new Demo(entete, texte.substring(separateur + 5));
        }

        SaisieArticle saisie() {
            List<String> themes = Arrays.stream(entete.getOrDefault("themes", "").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new SaisieArticle(entete.get("titre"), entete.get("resume"), entete.get("type"), themes, entete.get("audience"),
                    entete.get("territoire"), "oui".equals(entete.get("important")), corps, entete.get("version"),
                    entete.get("date"), "maintenant", null, null);
        }
    }
}
