package fr.sne.community.wiki;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as French readers read them, in metropolitan time (the community's time). */
public final class Dates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(PARIS);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(PARIS);

    private Dates() {
    }

    public static String heure(Instant instant) {
        return instant == null ? "" : HEURE.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }
}
