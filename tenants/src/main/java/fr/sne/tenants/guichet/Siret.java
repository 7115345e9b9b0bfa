package fr.sne.tenants.guichet;

import java.util.Optional;

/**
 * SIREN (9 digits) and SIRET (14 digits) checks: the Luhn key, except for La Poste (SIREN
 * 356000000), whose establishments' SIRET are valid when the sum of their digits is a multiple of 5.
 */
public final class Siret {

    static final String SIREN_LA_POSTE = "356000000";

    private Siret() {
    }

    /** Spaces and dots removed, or empty when the value is not 14 digits. */
    public static Optional<String> normaliser(String saisie) {
        if (saisie == null) {
            return Optional.empty();
        }
        String chiffres = saisie.replaceAll("[\\s.]", "");
        return chiffres.matches("\\d{14}") ? Optional.of(chiffres) : Optional.empty();
    }

    public static boolean sirenValide(String siren) {
        return siren != null && siren.matches("\\d{9}") && luhn(siren);
    }

    public static boolean siretValide(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(SIREN_LA_POSTE)) {
            // the head office follows Luhn; the other establishments the sum-of-digits rule
            return luhn(siret) || siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return sirenValide(siret.substring(0, 9)) && luhn(siret);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
