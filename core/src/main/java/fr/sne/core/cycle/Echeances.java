package fr.sne.core.cycle;

import java.time.LocalDate;

/**
 * The calendar of an application's life, in one place (the purge's SQL, V16
 * {@code sne_purger_demande}, applies the same periods):
 * <ul>
 * <li>valid one year from filing or from the last renewal;</li>
 * <li>radiated (RADREN) once its deadline has passed, i.e. the day after it;</li>
 * <li>renewable online by the applicant from three months before the deadline;</li>
 * <li>after a RADREN, reactivated by a renewal with the same number and seniority until 18
 * months after the missed deadline (the SPTA specification's tolerance);</li>
 * <li>radiated data kept one year after the radiation, and for RADREN not before the end of
 * the reactivation window, then purged.</li>
 * </ul>
 */
public final class Echeances {

    /** How long before the deadline an applicant may renew online. */
    public static final int FENETRE_DEMANDEUR_MOIS = 3;
    /** How long after the missed deadline a RADREN may be reactivated. */
    public static final int REACTIVATION_MOIS = 18;
    /** The least time a de-radiated application has left to be renewed. */
    public static final int SURSIS_DERADIATION_MOIS = 1;

    private Echeances() {
    }

    /** The deadline after a renewal (or a filing) on {@code jour}. */
    public static LocalDate prochaine(LocalDate jour) {
        return jour.plusYears(1);
    }

    /** The deadline has passed: the application is due for radiation (RADREN). */
    public static boolean depassee(LocalDate echeance, LocalDate aujourdhui) {
        return aujourdhui.isAfter(echeance);
    }

    /** The first day an applicant may renew online. */
    public static LocalDate ouvertureDemandeur(LocalDate echeance) {
        return echeance.minusMonths(FENETRE_DEMANDEUR_MOIS);
    }

    public static boolean ouverteAuDemandeur(LocalDate echeance, LocalDate aujourdhui) {
        return !aujourdhui.isBefore(ouvertureDemandeur(echeance));
    }

    /** The last day a RADREN application may be reactivated by a renewal. */
    public static LocalDate finReactivation(LocalDate echeanceManquee) {
        return echeanceManquee.plusMonths(REACTIVATION_MOIS);
    }

    public static boolean reactivable(LocalDate echeanceManquee, LocalDate aujourdhui) {
        return !aujourdhui.isAfter(finReactivation(echeanceManquee));
    }

    /** The first day a radiated application may be purged. */
    public static LocalDate purge(MotifRadiation motif, LocalDate dateRadiation, LocalDate echeance) {
        LocalDate unAn = dateRadiation.plusYears(1);
        if (motif != MotifRadiation.RADREN) {
            return unAn;
        }
        LocalDate apresReactivation = finReactivation(echeance).plusDays(1);
        return unAn.isAfter(apresReactivation) ? unAn : apresReactivation;
    }

    /** The deadline of a de-radiated application: unchanged, but at least a month ahead. */
    public static LocalDate apresDeradiation(LocalDate echeance, LocalDate aujourdhui) {
        LocalDate sursis = aujourdhui.plusMonths(SURSIS_DERADIATION_MOIS);
        return echeance.isBefore(sursis) ? sursis : echeance;
    }
}
