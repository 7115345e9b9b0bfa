package fr.sne.community.agenda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar (RFC 5545) feed written by hand: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), text values escaped, a stable UID per event, DTSTAMP in
 * UTC, local times with TZID=Europe/Paris and its VTIMEZONE, all-day events as VALUE=DATE.
 */
public final class Ics {

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> VTIMEZONE = List.of(
            "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE");

    /** One event of the feed, with the reader's answer if any (per-user feed). */
    public record Entree(EvenementAgenda evenement, Reponse reponse) {
    }

    private Ics() {
    }

    /** The whole calendar; {@code base} is the site's address for the events' links. */
    public static String calendrier(String nom, List<Entree> entrees, String base) {
        StringBuilder out = new StringBuilder();
        ligne(out, "BEGIN:VCALENDAR");
        ligne(out, "VERSION:2.0");
        ligne(out, "PRODID:-//SNE//Communaute//FR");
        ligne(out, "CALSCALE:GREGORIAN");
        ligne(out, "METHOD:PUBLISH");
        ligne(out, "X-WR-CALNAME:" + texte(nom));
        ligne(out, "X-WR-TIMEZONE:Europe/Paris");
        VTIMEZONE.forEach(l -> ligne(out, l));
        for (Entree entree : entrees) {
            evenement(out, entree, base);
        }
        ligne(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void evenement(StringBuilder out, Entree entree, String base) {
        EvenementAgenda e = entree.evenement();
        ligne(out, "BEGIN:VEVENT");
        ligne(out, "UID:" + e.uid() + "@sne-communaute");
        // the last change, not the fetch time: the feed is the same at each fetch until an event changes
        ligne(out, "DTSTAMP:" + UTC.format(e.modifieLe()));
        ligne(out, "LAST-MODIFIED:" + UTC.format(e.modifieLe()));
        ligne(out, "SEQUENCE:" + e.sequence());
        if (e.journee()) {
            ligne(out, "DTSTART;VALUE=DATE:" + DATE.format(e.debut().toLocalDate()));
            // DTEND of an all-day event is exclusive: the day after the last one
            ligne(out, "DTEND;VALUE=DATE:" + DATE.format(e.fin().toLocalDate().plusDays(1)));
            ligne(out, "TRANSP:TRANSPARENT");
        } else {
            ligne(out, "DTSTART;TZID=Europe/Paris:" + LOCAL.format(e.debut()));
            ligne(out, "DTEND;TZID=Europe/Paris:" + LOCAL.format(e.fin()));
            ligne(out, "TRANSP:" + (entree.reponse() == Reponse.NON ? "TRANSPARENT" : "OPAQUE"));
        }
        ligne(out, "SUMMARY:" + texte(e.titre()));
        ligne(out, "CATEGORIES:" + texte(e.type().libelle()));
        StringBuilder description = new StringBuilder();
        if (entree.reponse() != null) {
            description.append("Votre réponse : ").append(entree.reponse().libelle()).append("\n\n");
        }
        description.append(e.description() == null ? "" : e.description().strip());
        if (!e.lienVisio().isBlank()) {
            description.append("\n\nVisioconférence : ").append(e.lienVisio());
        }
        description.append("\n\nEspace « ").append(e.espaceNom()).append(" » : ").append(base).append(e.url());
        ligne(out, "DESCRIPTION:" + texte(description.toString().strip()));
        String lieu = !e.lieu().isBlank() ? e.lieu() : e.lienVisio();
        if (!lieu.isBlank()) {
            ligne(out, "LOCATION:" + texte(lieu));
        }
        ligne(out, "URL:" + base + e.url());
        ligne(out, "END:VEVENT");
    }

    /** A TEXT value: backslash, semicolon, comma and line ends escaped (RFC 5545, 3.3.11). */
    static String texte(String valeur) {
        if (valeur == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(valeur.length() + 8);
        String v = valeur.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line folded at 75 octets: continuation lines start with one space. */
    static void ligne(StringBuilder out, String contenu) {
        int octets = 0;
        int limite = 75;
        for (int i = 0; i < contenu.length(); ) {
            int cp = contenu.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limite) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    static String local(LocalDateTime t) {
        return LOCAL.format(t);
    }

    static String utc(Instant i) {
        return UTC.format(i);
    }
}
