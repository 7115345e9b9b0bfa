package fr.sne.core.cycle;

import fr.sne.tenants.web.Probleme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field-level checks of a radiation asked by a desk: every anomaly at once, in French,
 * each naming its JSON path (the API's {@code anomalies}, the form's errors next to fields).
 */
final class ValidationRadiation {

    static final Set<String> CONTINGENTS = Set.of("COLTER", "COLACT", "PPRIOR", "PFONCT", "AUTRES", "AUCUN");
    static final Set<String> TYPES_LOGEMENT = Set.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9P");
    private static final BigDecimal SURFACE_MAX = new BigDecimal("9999.99");
    private static final BigDecimal LOYER_MAX = new BigDecimal("999999.99");

    private ValidationRadiation() {
    }

    /** An RPLS identifier as stored: trimmed, upper case. */
    static String rpls(String saisie) {
        return saisie == null || saisie.isBlank() ? null : saisie.strip().toUpperCase(Locale.ROOT);
    }

    static List<Probleme.Anomalie> anomalies(DemandeRadiation d, LocalDate aujourdhui) {
        List<Probleme.Anomalie> a = new ArrayList<>();
        MotifRadiation motif = null;
        if (vide(d.motif())) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "motif", "Indiquez le motif de la radiation."));
        } else {
            motif = MotifRadiation.de(d.motif().strip()).orElse(null);
            if (motif == null) {
                a.add(new Probleme.Anomalie("VALEUR_INCONNUE", "motif",
                        "Motif inconnu : RADATT, RADABA, RADIRR ou RADCON."));
            } else if (motif == MotifRadiation.RADREN) {
                a.add(new Probleme.Anomalie("MOTIF_SYSTEME", "motif", "Le motif RADREN (non-renouvellement) est réservé au "
                        + "système : il s’applique automatiquement le lendemain de l’échéance d’une demande non renouvelée."));
                motif = null;
            }
        }
        if (motif == MotifRadiation.RADIRR) {
            if (vide(d.sousMotif())) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", "sousMotif",
                        "Pour une irrecevabilité, indiquez le sous-motif : IRRSEJ (irrégularité de séjour) ou IRRRES "
                                + "(ressources supérieures au plafond)."));
            } else if (MotifRadiation.SousMotif.de(d.sousMotif().strip()).isEmpty()) {
                a.add(new Probleme.Anomalie("VALEUR_INCONNUE", "sousMotif", "Sous-motif inconnu : IRRSEJ ou IRRRES."));
            }
        } else if (motif != null && !vide(d.sousMotif())) {
            a.add(new Probleme.Anomalie("NON_APPLICABLE", "sousMotif", "Le sous-motif ne s’applique qu’au motif RADIRR."));
        }
        if (motif == MotifRadiation.RADABA) {
            // the contract's body is {"motif": "RADABA"}: without a date, the letter is taken as received today
            if (d.dateRenonciation() != null && d.dateRenonciation().isAfter(aujourdhui)) {
                a.add(new Probleme.Anomalie("DATE_FUTURE", "dateRenonciation",
                        "La date du courrier de renonciation ne peut pas être postérieure à aujourd’hui."));
            }
        } else if (motif != null && d.dateRenonciation() != null) {
            a.add(new Probleme.Anomalie("NON_APPLICABLE", "dateRenonciation",
                    "La date de renonciation ne s’applique qu’au motif RADABA."));
        }
        if (motif == MotifRadiation.RADATT) {
            attribution(d.attribution(), aujourdhui, a);
        } else if (motif != null && d.attribution() != null) {
            a.add(new Probleme.Anomalie("NON_APPLICABLE", "attribution", "L’attribution ne s’applique qu’au motif RADATT."));
        }
        if (d.commentaire() != null && d.commentaire().strip().length() > 1000) {
            a.add(new Probleme.Anomalie("TROP_LONG", "commentaire", "Le commentaire compte 1000 caractères au plus."));
        }
        return a;
    }

    private static void attribution(DemandeRadiation.Attribution at, LocalDate aujourdhui, List<Probleme.Anomalie> a) {
        if (at == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution", "Une radiation pour attribution (RADATT) décrit "
                    + "l’attribution : date de signature du bail, logement (identifiant RPLS ou description) et contingent."));
            return;
        }
        if (at.dateSignatureBail() == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.dateSignatureBail", "Indiquez la date de signature du bail."));
        } else if (at.dateSignatureBail().isAfter(aujourdhui)) {
            a.add(new Probleme.Anomalie("DATE_FUTURE", "attribution.dateSignatureBail",
                    "La radiation pour attribution suit la signature du bail : sa date ne peut pas être postérieure à aujourd’hui."));
        }
        String rpls = rpls(at.rpls());
        if (rpls != null && !rpls.matches("[0-9A-Z]{10}")) {
            a.add(new Probleme.Anomalie("FORMAT", "attribution.rpls",
                    "L’identifiant RPLS du logement compte exactement 10 caractères (chiffres ou lettres)."));
        }
        if (rpls == null) {
            DemandeRadiation.Logement l = at.logement();
            if (l == null || (vide(l.adresse()) && vide(l.type()) && l.surface() == null && l.loyer() == null)) {
                a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.rpls", "Indiquez l’identifiant RPLS du logement "
                        + "(10 caractères) ou, à défaut, son adresse, son type, sa surface et son loyer."));
            } else {
                logement(l, a);
            }
        } else if (at.logement() != null) {
            logement(at.logement(), a);
        }
        if (vide(at.contingent())) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.contingent",
                    "Indiquez le contingent du réservataire désignataire (AUCUN pour un logement hors contingent)."));
        } else if (!CONTINGENTS.contains(at.contingent().strip())) {
            a.add(new Probleme.Anomalie("VALEUR_INCONNUE", "attribution.contingent",
                    "Contingent inconnu : COLTER, COLACT, PPRIOR, PFONCT, AUTRES ou AUCUN."));
        }
        if (at.reservataire() != null && at.reservataire().strip().length() > 200) {
            a.add(new Probleme.Anomalie("TROP_LONG", "attribution.reservataire", "Le réservataire compte 200 caractères au plus."));
        }
        if (at.dateCommission() != null) {
            if (at.dateCommission().isAfter(aujourdhui)) {
                a.add(new Probleme.Anomalie("DATE_FUTURE", "attribution.dateCommission",
                        "La date de la commission d’attribution ne peut pas être postérieure à aujourd’hui."));
            } else if (at.dateSignatureBail() != null && at.dateCommission().isAfter(at.dateSignatureBail())) {
                a.add(new Probleme.Anomalie("INCOHERENT", "attribution.dateCommission",
                        "La commission d’attribution précède la signature du bail."));
            }
        }
    }

    private static void logement(DemandeRadiation.Logement l, List<Probleme.Anomalie> a) {
        if (vide(l.adresse())) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.logement.adresse", "Indiquez l’adresse du logement."));
        } else if (l.adresse().strip().length() > 300) {
            a.add(new Probleme.Anomalie("TROP_LONG", "attribution.logement.adresse", "L’adresse compte 300 caractères au plus."));
        }
        if (vide(l.type())) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.logement.type", "Indiquez le type du logement (T1 à T9P)."));
        } else if (!TYPES_LOGEMENT.contains(l.type().strip())) {
            a.add(new Probleme.Anomalie("VALEUR_INCONNUE", "attribution.logement.type", "Type inconnu : T1 à T8, ou T9P."));
        }
        if (l.surface() == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.logement.surface", "Indiquez la surface habitable en m²."));
        } else if (l.surface().signum() <= 0 || l.surface().compareTo(SURFACE_MAX) > 0 || l.surface().scale() > 2) {
            a.add(new Probleme.Anomalie("VALEUR_INVALIDE", "attribution.logement.surface",
                    "La surface est un nombre positif de m², deux décimales au plus."));
        }
        if (l.loyer() == null) {
            a.add(new Probleme.Anomalie("OBLIGATOIRE", "attribution.logement.loyer", "Indiquez le loyer mensuel hors charges."));
        } else if (l.loyer().signum() < 0 || l.loyer().compareTo(LOYER_MAX) > 0 || l.loyer().scale() > 2) {
            a.add(new Probleme.Anomalie("VALEUR_INVALIDE", "attribution.logement.loyer",
                    "Le loyer est un montant positif en euros, deux décimales au plus."));
        }
    }

    static boolean vide(String s) {
        return s == null || s.isBlank();
    }
}
