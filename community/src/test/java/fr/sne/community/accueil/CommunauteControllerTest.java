package fr.sne.community.accueil;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommunauteControllerTest {

    private static Nouveaute n(String titre, long espace, long secondes) {
        return new Nouveaute("Sujet", titre, "", "/x", espace, "Espace", Instant.ofEpochSecond(secondes));
    }

    @Test
    void sourcesAreMergedNewestFirstWithinTheReadersSpaces() {
        SourceNouveautes forum = (espaces, limite) -> List.of(n("sujet récent", 1, 30), n("sujet ancien", 1, 10));
        SourceNouveautes wiki = (espaces, limite) -> List.of(n("page", 2, 20), n("page d'un espace invisible", 3, 40));
        SourceNouveautes enPanne = (espaces, limite) -> {
            throw new IllegalStateException("panne");
        };
        List<Nouveaute> fusion = CommunauteController.fusionner(List.of(forum, wiki, enPanne), Set.of(1L, 2L), 3);
        assertEquals(List.of("sujet récent", "page", "sujet ancien"), fusion.stream().map(Nouveaute::titre).toList());
        assertEquals(List.of(), CommunauteController.fusionner(List.of(forum), Set.of(), 3));
    }
}
