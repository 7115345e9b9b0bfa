package fr.sne.community.agenda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcsTest {

    static final UUID UID = UUID.fromString("6f1c1e58-2a55-4d57-9a43-3f1f2f0d1a11");

    static EvenementAgenda evenement(boolean journee, String titre, String description) {
        return new EvenementAgenda(7, 3, "isere", "Guichets de l'Isère", UID, titre, journee ? TypeEvenement.ECHEANCE : TypeEvenement.WEBINAIRE,
                journee, LocalDateTime.of(2026, 12, 3, 14, 0), LocalDateTime.of(2026, journee ? 12 : 12, journee ? 4 : 3, journee ? 0 : 16, 0),
                "Salle 2, bâtiment B; étage 3", "", description, Instant.parse("2026-11-20T09:30:00Z"), 0);
    }

    @Test
    void linesEndWithCrlfAndAreFoldedAt75OctetsWithoutCuttingACharacter() {
        String longTitre = "Webinaire : la cotation, les critères, l’ordre de priorité — ".repeat(4) + "éééééé";
        String ics = Ics.calendrier("SNE", List.of(new Ics.Entree(evenement(false, longTitre, "x"), null)), "https://sne.test");
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        for (String ligne : ics.split("\r\n")) {
            assertTrue(ligne.getBytes(StandardCharsets.UTF_8).length <= 75, "line too long: " + ligne);
        }
        // unfolding gives back the escaped summary
        String deplie = ics.replace("\r\n ", "");
        assertTrue(deplie.contains("SUMMARY:" + Ics.texte(longTitre) + "\r\n"), deplie);
    }

    @Test
    void textValuesAreEscaped() {
        assertEquals("a\\, b\\; c\\\\ d\\ne", Ics.texte("a, b; c\\ d\r\ne"));
        String ics = Ics.calendrier("SNE", List.of(new Ics.Entree(evenement(false, "Titre", "Ligne 1\nLigne 2"), Reponse.OUI)), "https://sne.test")
                .replace("\r\n ", "");
        assertTrue(ics.contains("LOCATION:Salle 2\\, bâtiment B\\; étage 3\r\n"));
        assertTrue(ics.contains("DESCRIPTION:Votre réponse : Oui\\n\\nLigne 1\\nLigne 2\\n\\nEspace « Guichets de l'Isère » : https://sne.test/communaute/espaces/isere/agenda/7\r\n"), ics);
    }

    @Test
    void timedEventsUseParisTimeWithItsTimezoneAndAStableUidAndStamp() {
        String ics = Ics.calendrier("SNE", List.of(new Ics.Entree(evenement(false, "T", ""), null)), "");
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
        assertTrue(ics.contains("DTSTART;TZID=Europe/Paris:20261203T140000\r\n"));
        assertTrue(ics.contains("DTEND;TZID=Europe/Paris:20261203T160000\r\n"));
        assertTrue(ics.contains("UID:6f1c1e58-2a55-4d57-9a43-3f1f2f0d1a11@sne-communaute\r\n"));
        assertTrue(ics.contains("DTSTAMP:20261120T093000Z\r\n"));
        assertEquals(ics, Ics.calendrier("SNE", List.of(new Ics.Entree(evenement(false, "T", ""), null)), ""), "same feed at each fetch");
    }

    @Test
    void allDayEventsAreDatesWithAnExclusiveEnd() {
        String ics = Ics.calendrier("SNE", List.of(new Ics.Entree(evenement(true, "Déclaration 3DS", ""), null)), "");
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20261203\r\n"));
        assertTrue(ics.contains("DTEND;VALUE=DATE:20261205\r\n"), "4 December included: ends on the 5th");
    }
}
