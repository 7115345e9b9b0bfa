package fr.sne.community.agenda;

import fr.sne.community.wiki.Dates;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A calendar event of a space, in Paris local time. An all-day event (a deadline such as the 3DS
 * reporting) uses the dates of {@code debut} and {@code fin} only.
 */
public record EvenementAgenda(long id, long espaceId, String espaceSlug, String espaceNom, UUID uid, String titre, TypeEvenement type,
                              boolean journee, LocalDateTime debut, LocalDateTime fin, String lieu, String lienVisio,
                              String description, Instant modifieLe, int sequence) {

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRANCE);
    private static final DateTimeFormatter MOIS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    public String url() {
        return "/communaute/espaces/" + espaceSlug + "/agenda/" + id;
    }

    public String espaceUrl() {
        return "/communaute/espaces/" + espaceSlug;
    }

    /** When, in words: "mardi 3 décembre 2026, de 14h00 à 16h00" or "lundi 15 décembre 2026 (toute la journée)". */
    public String quand() {
        if (journee) {
            return debut.toLocalDate().equals(fin.toLocalDate())
                    ? JOUR.format(debut) + " (toute la journée)"
                    : "du " + JOUR.format(debut) + " au " + JOUR.format(fin) + " (journées entières)";
        }
        return debut.toLocalDate().equals(fin.toLocalDate())
                ? JOUR.format(debut) + ", de " + HEURE.format(debut) + " à " + HEURE.format(fin)
                : "du " + JOUR.format(debut) + " à " + HEURE.format(debut) + " au " + JOUR.format(fin) + " à " + HEURE.format(fin);
    }

    public String debutIso() {
        return journee ? debut.toLocalDate().toString() : debut.atZone(Dates.PARIS).toOffsetDateTime().toString();
    }

    public String mois() {
        String m = MOIS.format(debut);
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
