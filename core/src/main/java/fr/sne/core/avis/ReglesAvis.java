package fr.sne.core.avis;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When notices are due and through which channels (DOMAIN "Renewal"): the first one two months
 * before the deadline, by e-mail and SMS for an applicant who uses the online services (a portal
 * account) and has a digital contact, by post otherwise; a registered letter one month before.
 */
final class ReglesAvis {

    /** A French mobile number: 06/07 (overseas 0639, 069x included), +33 or 0033, or an overseas +262/590/594/596/269 6…. */
    private static final Pattern MOBILE = Pattern.compile("(0[67][0-9]{8})|((\\+|00)33[67][0-9]{8})|((\\+|00)(262|269|590|594|596)6[0-9]{8})");
    private static final Pattern COURRIEL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SEPARATEURS = Pattern.compile("[\\s.\\-()]");

    private ReglesAvis() {
    }

    /** The deadline lies within two months (and is still ahead). */
    static boolean premierAvisDu(LocalDate echeance, LocalDate aujourdhui) {
        return echeance.isAfter(aujourdhui) && !echeance.isAfter(aujourdhui.plusMonths(2));
    }

    /** The deadline lies within one month (and is still ahead). */
    static boolean dernierAvisDu(LocalDate echeance, LocalDate aujourdhui) {
        return echeance.isAfter(aujourdhui) && !echeance.isAfter(aujourdhui.plusMonths(1));
    }

    /**
     * The first notice's channels: e-mail (when there is an address) and SMS (when there is a
     * mobile number) for an applicant with a portal account; a postal letter when that leaves
     * nothing.
     */
    static Set<Canal> canauxPremierAvis(boolean compteEnLigne, String mel, String telPortable) {
        Set<Canal> canaux = EnumSet.noneOf(Canal.class);
        if (compteEnLigne) {
            if (courriel(mel) != null) {
                canaux.add(Canal.COURRIEL);
            }
            if (mobile(telPortable) != null) {
                canaux.add(Canal.SMS);
            }
        }
        if (canaux.isEmpty()) {
            canaux.add(Canal.COURRIER);
        }
        return canaux;
    }

    /** The e-mail address, trimmed, or null when there is none that could be one. */
    static String courriel(String mel) {
        if (mel == null || mel.isBlank()) {
            return null;
        }
        String m = mel.strip();
        return COURRIEL.matcher(m).matches() ? m : null;
    }

    /** The mobile number without separators, or null when the number is not a mobile's. */
    static String mobile(String telephone) {
        if (telephone == null) {
            return null;
        }
        String t = SEPARATEURS.matcher(telephone).replaceAll("");
        return MOBILE.matcher(t).matches() ? t : null;
    }

    /** The desk whose batch prints a letter: the registering desk; the territory's batch for the portal's desk. */
    static String guichetCourrier(String guichetEnregistreur, String guichetPortail) {
        return guichetPortail.equals(guichetEnregistreur) ? null : guichetEnregistreur;
    }

    /** 5 minutes, then 20, 80, 320: about 7 hours over {@link EnvoiAvis#TENTATIVES_MAX} attempts. */
    static Duration delai(int tentatives) {
        return Duration.ofMinutes(5L << (2 * Math.max(0, Math.min(tentatives - 1, 4))));
    }
}
