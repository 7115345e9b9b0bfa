package fr.sne.community.recherche;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Near-real-time changes, and full rebuilds that never interrupt searching nor lose a change. */
class TempsReelTest {

    private final Visibilite publique = Visibilite.publique();

    private static Set<String> ids(MoteurRecherche m, String texte) {
        return Set.copyOf(m.rechercher(Recherche.de(texte), Visibilite.publique()).resultats().stream().map(Resultats.Resultat::id).toList());
    }

    @Test
    void aChangeIsSearchableOnceItsGenerationIsVisible() {
        try (MoteurRecherche m = Fixtures.moteur()) {
            m.indexer(Fixtures.doc("article:1", "Maintenance programmée", "Interruption du service samedi."));
            m.attendreVisibilite();
            assertEquals(Set.of("article:1"), ids(m, "maintenance"));

            m.indexer(Fixtures.doc("article:1", "Incident en cours", "Le service est interrompu."));
            m.attendreVisibilite();
            assertEquals(Set.of(), ids(m, "maintenance"));
            assertEquals(Set.of("article:1"), ids(m, "incident"));
            assertEquals(1, m.taille());

            m.supprimer("article:1");
            m.attendreVisibilite();
            assertEquals(Set.of(), ids(m, "incident"));
        }
    }

    @Test
    void theIndexSurvivesARestartInItsFolder() throws Exception {
        Path dossier = Files.createTempDirectory("sne-recherche-test");
        try (MoteurRecherche m = new MoteurRecherche(dossier, Reglages.parDefaut(), Libelles.communs(), Fixtures.HORLOGE)) {
            assertNull(m.reconstruitLe());
            m.reconstruire(List.of(sink -> sink.accept(Fixtures.doc("article:1", "Cotation", "Texte."))));
            m.indexer(Fixtures.doc("article:2", "Cotation locale", "Texte."));
        }
        try (MoteurRecherche m = new MoteurRecherche(dossier, Reglages.parDefaut(), Libelles.communs(), Fixtures.HORLOGE)) {
            assertEquals(Set.of("article:1", "article:2"), ids(m, "cotation"));
            assertEquals(Fixtures.MAINTENANT.toString(), m.reconstruitLe());
            try (var dossiers = Files.list(dossier)) {
                assertEquals(1, dossiers.filter(p -> p.getFileName().toString().startsWith("index-")).count(), "the old index folder is gone");
            }
        }
    }

    @Test
    void searchesKeepAnsweringDuringARebuildAndNoLiveChangeIsLost() throws Exception {
        try (MoteurRecherche m = Fixtures.moteur()) {
            m.indexer(Fixtures.doc("ancien:1", "Cotation ancienne", "Un article supprimé de la base depuis."));
            m.indexer(Fixtures.doc("article:1", "Cotation", "Version 1 de l'article."));
            m.indexer(Fixtures.doc("article:2", "Cotation bis", "Version 1."));
            m.attendreVisibilite();

            CountDownLatch moitie = new CountDownLatch(1);
            CountDownLatch reprise = new CountDownLatch(1);
            // the database as the rebuild reads it: article 1 and 2 as they were when it started
            SourceIndexation base = sink -> {
                sink.accept(Fixtures.doc("article:1", "Cotation", "Version 1 de l'article."));
                attendre(moitie, reprise);
                sink.accept(Fixtures.doc("article:2", "Cotation bis", "Version 1."));
                sink.accept(Fixtures.doc("article:3", "Cotation ter", "Lu par la reconstruction puis supprimé."));
                for (int i = 0; i < 50; i++) {
                    sink.accept(Fixtures.doc("masse:" + i, "Document " + i, "Volume."));
                }
            };
            CompletableFuture<MoteurRecherche.Bilan> reconstruction = CompletableFuture.supplyAsync(() -> m.reconstruire(List.of(base)));
            assertTrue(moitie.await(10, TimeUnit.SECONDS));

            // meanwhile: the old index answers, with its old content
            assertEquals(Set.of("ancien:1", "article:1", "article:2"), ids(m, "cotation"));
            // live changes: a new item, an update of an item the rebuild reads later (older), a deletion
            m.indexer(Fixtures.doc("nouveau:1", "Cotation nouvelle", "Créé pendant la reconstruction."));
            m.indexer(Fixtures.doc("article:2", "Cotation bis", "Version 2, modifiée pendant la reconstruction."));
            m.supprimer("article:3");
            m.attendreVisibilite();
            assertEquals(Set.of("ancien:1", "article:1", "article:2", "nouveau:1"), ids(m, "cotation"));
            assertEquals(Set.of("article:2"), ids(m, "modifiée"));

            reprise.countDown();
            MoteurRecherche.Bilan bilan = reconstruction.get(30, TimeUnit.SECONDS);
            assertEquals(53, bilan.documents());

            // the new index: the database's items plus every live change, without what the base no longer has
            assertEquals(Set.of("article:1", "article:2", "nouveau:1"), ids(m, "cotation"));
            assertEquals(Set.of("article:2"), ids(m, "modifiée"), "the live update wins over the rebuild's older copy");
            assertEquals(Set.of(), ids(m, "supprimé"), "the live deletion wins over the rebuild's copy");
            assertEquals(50, m.rechercher(Recherche.de("volume"), publique).total());
            assertNotNull(m.reconstruitLe());

            // and it keeps changing live
            m.indexer(Fixtures.doc("apres:1", "Cotation après", "Après la bascule."));
            m.attendreVisibilite();
            assertTrue(ids(m, "cotation").contains("apres:1"));
        }
    }

    @Test
    void aFailedRebuildLeavesTheCurrentIndexServing() {
        try (MoteurRecherche m = Fixtures.moteur()) {
            m.indexer(Fixtures.doc("article:1", "Cotation", "Texte."));
            m.attendreVisibilite();
            SourceIndexation enPanne = sink -> {
                sink.accept(Fixtures.doc("article:9", "Autre", "Texte."));
                throw new IllegalStateException("base indisponible");
            };
            assertThrows(IllegalStateException.class, () -> m.reconstruire(List.of(enPanne)));
            assertEquals(Set.of("article:1"), ids(m, "cotation"));
            m.indexer(Fixtures.doc("article:2", "Cotation deux", "Texte."));
            m.attendreVisibilite();
            assertEquals(Set.of("article:1", "article:2"), ids(m, "cotation"));
            assertFalse(ids(m, "autre").contains("article:9"));
        }
    }

    private static void attendre(CountDownLatch moitie, CountDownLatch reprise) {
        moitie.countDown();
        try {
            if (!reprise.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("reprise jamais donnée");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
