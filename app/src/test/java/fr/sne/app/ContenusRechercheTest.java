package fr.sne.app;

import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.SourceIndexation;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Content of the search tests, as a feature would hand it to a rebuild: public news and FAQ,
 * a professionals' guide, one local page in Isère (038) and one in the Gard (030), and enough
 * release notes for several pages of results.
 */
@Singleton
@Requires(property = "sne.test.recherche", value = "true")
class ContenusRechercheTest implements SourceIndexation {

    static final Instant DATE = Instant.parse("2026-01-15T09:00:00Z");

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        sink.accept(new DocumentIndexe("test:actualite", "actualite", "Maintenance programmée du SNE le 12 mars",
                "Le service sera interrompu pour une maintenance. La cotation des demandes reste calculée la nuit suivante.",
                List.of("sne"), null, DATE, "/info/actualites/1", Set.of(Acces.PUBLIC)));
        sink.accept(new DocumentIndexe("test:faq", "faq", "Comment la cotation est-elle calculée ?",
                "La cotation attribue des points selon les critères de priorité de la réglementation et de l’EPCI.",
                List.of("cotation", "reglementation"), null, DATE.minus(Duration.ofDays(400)), "/info/faq/2", Set.of(Acces.PUBLIC)));
        sink.accept(new DocumentIndexe("test:guide", "guide", "Guide de la cotation pour les guichets",
                "Réservé aux professionnels : paramétrer la grille de cotation, contrôler les points attribués.",
                List.of("cotation"), null, DATE, "/info/guides/3", Set.of(Acces.PROFESSIONNEL)));
        sink.accept(new DocumentIndexe("test:isere", "page-locale", "Grille de cotation de l’Isère",
                "Les critères locaux de cotation adoptés en Isère : ancienneté, urgence, zircon.",
                List.of("cotation"), null, DATE, "/info/local/038", Set.of(Acces.territoire("038"))));
        sink.accept(new DocumentIndexe("test:gard", "page-locale", "Grille de cotation du Gard",
                "Les critères locaux de cotation adoptés dans le Gard : ancienneté, mutation, zircone.",
                List.of("cotation", "gard"), null, DATE, "/info/local/030", Set.of(Acces.territoire("030"))));
        for (int i = 1; i <= 24; i++) {
            sink.accept(new DocumentIndexe("test:note-" + i, "note-version", "Note de version 4." + i,
                    "Nouveautés de la version 4." + i + " : corrections et améliorations de l’enregistrement.",
                    List.of("sne"), null, DATE.minus(Duration.ofDays(30L * i)), "/info/notes/" + i, Set.of(Acces.PUBLIC)));
        }
    }
}
