package fr.sne.community.wiki;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiensWikiTest {

    @Test
    void linksLeadToExistingPagesOrToTheirCreation() {
        String md = LiensWiki.resoudre("Voir [[Délai de réponse]] et [[Page absente]].", "isere", Set.of("delai-de-reponse")::contains);
        assertEquals("Voir [Délai de réponse](/communaute/espaces/isere/wiki/delai-de-reponse) et "
                + "[Page absente (page à créer)](/communaute/espaces/isere/wiki/nouvelle?titre=Page+absente).", md);
    }

    @Test
    void targetsAreSlugs() {
        assertEquals(Set.of("cotation", "mode-operatoire-radiation"), LiensWiki.cibles("[[Cotation]] [[Mode opératoire : radiation]]"));
    }
}
