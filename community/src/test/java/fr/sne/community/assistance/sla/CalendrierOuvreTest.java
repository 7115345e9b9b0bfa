package fr.sne.community.assistance.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Business hours: Monday to Friday 9:00-17:00 Paris time, 14 July 2026 (a Tuesday) a holiday. */
class CalendrierOuvreTest {

    private static final CalendrierOuvre.Plage JOURNEE = new CalendrierOuvre.Plage(LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final CalendrierOuvre CALENDRIER = new CalendrierOuvre(Map.of(
            DayOfWeek.MONDAY, JOURNEE, DayOfWeek.TUESDAY, JOURNEE, DayOfWeek.WEDNESDAY, JOURNEE,
            DayOfWeek.THURSDAY, JOURNEE, DayOfWeek.FRIDAY, JOURNEE), Set.of(LocalDate.of(2026, 7, 14)), CalendrierOuvre.PARIS);

    private static Instant paris(int mois, int jour, int heure, int minute) {
        return LocalDateTime.of(2026, mois, jour, heure, minute).atZone(CalendrierOuvre.PARIS).toInstant();
    }

    @Test
    void dansLaJournee() {
        assertEquals(paris(7, 8, 14, 0), CALENDRIER.echeance(paris(7, 8, 10, 0), Duration.ofHours(4)));
    }

    @Test
    void reporteAuLendemainApresLaFermeture() {
        // Wednesday 16:00 + 4 h: one hour on Wednesday, three on Thursday from 9:00
        assertEquals(paris(7, 9, 12, 0), CALENDRIER.echeance(paris(7, 8, 16, 0), Duration.ofHours(4)));
    }

    @Test
    void creeHorsDesHeuresOuvrees() {
        // Wednesday 20:30 and Thursday 6:00: the clock starts Thursday 9:00
        assertEquals(paris(7, 9, 10, 0), CALENDRIER.echeance(paris(7, 8, 20, 30), Duration.ofHours(1)));
        assertEquals(paris(7, 9, 10, 0), CALENDRIER.echeance(paris(7, 9, 6, 0), Duration.ofHours(1)));
    }

    @Test
    void sauteLeWeekEnd() {
        // Friday 3 July 16:00 + 2 h: one hour on Friday, the next on Monday 6 July
        assertEquals(paris(7, 6, 10, 0), CALENDRIER.echeance(paris(7, 3, 16, 0), Duration.ofHours(2)));
        // created on Saturday: starts Monday 9:00
        assertEquals(paris(7, 6, 17, 0), CALENDRIER.echeance(paris(7, 4, 11, 0), Duration.ofHours(8)));
    }

    @Test
    void sauteLesJoursFeries() {
        // Monday 13 July 16:00 + 2 h: Monday 1 h, Tuesday 14 July is a holiday, Wednesday 10:00
        assertEquals(paris(7, 15, 10, 0), CALENDRIER.echeance(paris(7, 13, 16, 0), Duration.ofHours(2)));
    }

    @Test
    void dureeOuvreeEntreDeuxInstants() {
        // Friday 3 July 15:00 -> Monday 6 July 11:00: 2 h + 2 h
        assertEquals(Duration.ofHours(4), CALENDRIER.ouvre(paris(7, 3, 15, 0), paris(7, 6, 11, 0)));
        // across the holiday: Monday 16:00 -> Wednesday 10:00 = 1 h + 0 + 1 h
        assertEquals(Duration.ofHours(2), CALENDRIER.ouvre(paris(7, 13, 16, 0), paris(7, 15, 10, 0)));
        assertEquals(Duration.ZERO, CALENDRIER.ouvre(paris(7, 4, 9, 0), paris(7, 5, 18, 0)), "a weekend counts nothing");
    }

    @Test
    void changementDHeure() {
        // Friday 23 October 2026 16:00 + 2 h: the clocks go back on Sunday 25, Monday 9:00 is still 9:00
        Instant debut = LocalDateTime.of(2026, 10, 23, 16, 0).atZone(CalendrierOuvre.PARIS).toInstant();
        assertEquals(LocalDateTime.of(2026, 10, 26, 10, 0).atZone(CalendrierOuvre.PARIS).toInstant(),
                CALENDRIER.echeance(debut, Duration.ofHours(2)));
    }

    @Test
    void niveauxDesCibles() {
        ObjectifSla objectif = new ObjectifSla(Duration.ofHours(4), Duration.ofHours(16));
        Instant cree = paris(7, 8, 9, 0);
        // 2 h elapsed of 4: in time
        EtatSla etat = EtatSla.de(CALENDRIER, objectif, cree, null, null, paris(7, 8, 11, 0));
        assertEquals(EtatSla.Niveau.RESPECTE, etat.premiereReponse().niveau());
        // 3 h 30 of 4: close to the deadline
        assertEquals(EtatSla.Niveau.PROCHE, EtatSla.de(CALENDRIER, objectif, cree, null, null, paris(7, 8, 12, 30)).premiereReponse().niveau());
        // 13:01: breached, and the queue shows the worst
        EtatSla depasse = EtatSla.de(CALENDRIER, objectif, cree, null, null, paris(7, 8, 13, 1));
        assertEquals(EtatSla.Niveau.DEPASSE, depasse.premiereReponse().niveau());
        assertEquals(EtatSla.Niveau.DEPASSE, depasse.pire());
        // answered at 12:00: met, whatever the time now; resolution due Thursday 17:00
        EtatSla repondu = EtatSla.de(CALENDRIER, objectif, cree, paris(7, 8, 12, 0), null, paris(7, 9, 12, 0));
        assertEquals(EtatSla.Niveau.ATTEINT, repondu.premiereReponse().niveau());
        assertEquals(paris(7, 9, 17, 0), repondu.resolution().echeance());
        // the night does not count: Wednesday 16:00 created, Thursday 8:00 still only one hour elapsed
        assertEquals(EtatSla.Niveau.RESPECTE, EtatSla.de(CALENDRIER, objectif, paris(7, 8, 16, 0), null, null, paris(7, 9, 8, 0))
                .premiereReponse().niveau());
        assertEquals(EtatSla.Niveau.ATTEINT_EN_RETARD,
                EtatSla.de(CALENDRIER, objectif, cree, paris(7, 8, 14, 0), null, paris(7, 8, 15, 0)).premiereReponse().niveau());
    }
}
