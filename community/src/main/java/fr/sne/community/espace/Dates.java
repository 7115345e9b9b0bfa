package fr.sne.community.espace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the spaces' pages show them (Paris time), put in the models as {@code dates}. */
public final class Dates {

    public static final Dates INSTANCE = new Dates();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Europe/Paris"));

    private Dates() {
    }

    public String texte(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }
}
