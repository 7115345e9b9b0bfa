package fr.sne.community.forum;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactionTest {

    @Test
    void handlesAreTheLocalPartOfAnAddressOutsideCode() {
        assertEquals(Set.of("gt.isere", "agent.actis"),
                Redaction.pseudos("Bonjour @gt.isere et @Agent.Actis. `@pas.en.code` et\n```\n@pas.non.plus\n```\nmail: x@y.fr"));
    }

    @Test
    void knownHandlesBecomeLinksOthersStayAsTyped() {
        String md = Redaction.remplacer("Merci @gt.isere, pas @inconnu ni `@gt.isere`.",
                p -> p.equals("gt.isere") ? "[@gt.isere](/membres#membre-1)" : null);
        assertEquals("Merci [@gt.isere](/membres#membre-1), pas @inconnu ni `@gt.isere`.", md);
    }

    @Test
    void tagsAreNormalisedAndLimited() {
        assertEquals(List.of("radiation", "délais", "cerfa-14069"), Redaction.tags(" Radiation, délais ;cerfa 14069, radiation"));
        assertEquals(5, Redaction.tags("a,b,c,d,e,f,g").size());
        assertEquals(List.of(), Redaction.tags("  "));
    }

    @Test
    void slowModeWaitsReadInFrench() {
        assertEquals("1 seconde", ForumService.duree(Duration.ofMillis(200)));
        assertEquals("42 secondes", ForumService.duree(Duration.ofSeconds(42)));
        assertEquals("1 min 30 s", ForumService.duree(Duration.ofSeconds(90)));
        assertEquals("2 min", ForumService.duree(Duration.ofSeconds(120)));
        assertEquals("1 h 5 min", ForumService.duree(Duration.ofMinutes(65)));
    }
}
