package fr.sne.community.assistance.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The support team's business hours: opening hours per day of the week (a day without hours is
 * closed) and holidays, in Paris time. Service levels count only these hours.
 */
public record CalendrierOuvre(Map<DayOfWeek, Plage> horaires, Set<LocalDate> feries, ZoneId zone) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Ten years of closed days at most: guards against a calendar without any opening hours. */
    private static final int JOURS_MAX = 3660;

    /** The opening hours of one day. */
    public record Plage(LocalTime ouverture, LocalTime fermeture) {
        public Plage {
            if (!fermeture.isAfter(ouverture)) {
                throw new IllegalArgumentException("La fermeture doit suivre l’ouverture");
            }
        }
    }

    public CalendrierOuvre {
        horaires = Map.copyOf(horaires);
        feries = Set.copyOf(feries);
    }

    public boolean ouvert(LocalDate jour) {
        return horaires.containsKey(jour.getDayOfWeek()) && !feries.contains(jour);
    }

    /** The instant when {@code duree} business time has elapsed after {@code debut}. */
    public Instant echeance(Instant debut, Duration duree) {
        Duration reste = duree;
        ZonedDateTime curseur = debut.atZone(zone);
        LocalDate jour = curseur.toLocalDate();
        for (int i = 0; i < JOURS_MAX; i++, jour = jour.plusDays(1)) {
            if (!ouvert(jour)) {
                continue;
            }
            Plage plage = horaires.get(jour.getDayOfWeek());
            ZonedDateTime ouverture = jour.atTime(plage.ouverture()).atZone(zone);
            ZonedDateTime fermeture = jour.atTime(plage.fermeture()).atZone(zone);
            ZonedDateTime depart = curseur.isAfter(ouverture) ? curseur : ouverture;
            if (!depart.isBefore(fermeture)) {
                continue;
            }
            Duration disponible = Duration.between(depart, fermeture);
            if (reste.compareTo(disponible) <= 0) {
                return depart.plus(reste).toInstant();
            }
            reste = reste.minus(disponible);
        }
        throw new IllegalStateException("Aucune heure ouvrée dans le calendrier de l’assistance");
    }

    /** The business time between two instants (zero when {@code fin} is not after {@code debut}). */
    public Duration ouvre(Instant debut, Instant fin) {
        if (!fin.isAfter(debut)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime a = debut.atZone(zone);
        ZonedDateTime b = fin.atZone(zone);
        for (LocalDate jour = a.toLocalDate(); !jour.isAfter(b.toLocalDate()); jour = jour.plusDays(1)) {
            if (!ouvert(jour)) {
                continue;
            }
            Plage plage = horaires.get(jour.getDayOfWeek());
            ZonedDateTime ouverture = jour.atTime(plage.ouverture()).atZone(zone);
            ZonedDateTime fermeture = jour.atTime(plage.fermeture()).atZone(zone);
            ZonedDateTime depart = a.isAfter(ouverture) ? a : ouverture;
            ZonedDateTime arrivee = b.isBefore(fermeture) ? b : fermeture;
            if (arrivee.isAfter(depart)) {
                total = total.plus(Duration.between(depart, arrivee));
            }
        }
        return total;
    }
}
