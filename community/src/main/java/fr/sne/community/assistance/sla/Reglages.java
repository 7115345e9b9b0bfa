package fr.sne.community.assistance.sla;

import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.Priorite;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** National administrators change opening hours, holidays, targets and the closing delay (audited). */
@Singleton
public class Reglages {

    private static final String OBJET = "reglage_assistance";

    private final TenantTransactions transactions;
    private final ReglagesAssistance reglages;
    private final AuditTrail audit;

    Reglages(TenantTransactions transactions, ReglagesAssistance reglages, AuditTrail audit) {
        this.transactions = transactions;
        this.reglages = reglages;
        this.audit = audit;
    }

    /** What the settings page shows. */
    public record Etat(Map<DayOfWeek, CalendrierOuvre.Plage> horaires, java.util.List<ReglagesAssistance.Ferie> feries,
                       java.util.List<ReglagesAssistance.LigneSla> objectifs, int joursAvantCloture) {
    }

    public Etat lire(Actor actor) {
        exiger(actor);
        return transactions.inScope(Scope.nationalReadOnly(), () -> new Etat(reglages.horaires(), reglages.feries(), reglages.lignesSla(),
                reglages.joursAvantCloture()));
    }

    /** Opening hours by day: blank opening and closing for a closed day. */
    public void horaires(Actor actor, Map<DayOfWeek, String[]> saisie) {
        exiger(actor);
        Formulaire erreurs = new Formulaire();
        Map<DayOfWeek, CalendrierOuvre.Plage> plages = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek jour : DayOfWeek.values()) {
            String[] v = saisie.getOrDefault(jour, new String[]{null, null});
            String o = Formulaire.texte(v[0]);
            String f = Formulaire.texte(v[1]);
            if (o == null && f == null) {
                continue;
            }
            try {
                LocalTime ouverture = LocalTime.parse(o == null ? "" : o);
                LocalTime fermeture = LocalTime.parse(f == null ? "" : f);
                if (!fermeture.isAfter(ouverture)) {
                    erreurs.erreur("fermeture-" + jour.getValue(), "La fermeture doit suivre l’ouverture.");
                } else {
                    plages.put(jour, new CalendrierOuvre.Plage(ouverture, fermeture));
                }
            } catch (DateTimeParseException e) {
                erreurs.erreur("ouverture-" + jour.getValue(), "Saisissez deux heures, par exemple 09:00 et 17:00, ou laissez les deux vides.");
            }
        }
        if (erreurs.valide() && plages.isEmpty()) {
            erreurs.erreur("ouverture-1", "L’assistance doit être ouverte au moins un jour.");
        }
        erreurs.verifier();
        transactions.inScope(Scope.nationalEcriture(), () -> {
            for (DayOfWeek jour : DayOfWeek.values()) {
                reglages.definirHoraire(jour, plages.get(jour));
            }
            audit.changement(actor, TypeAction.MODIFICATION, null, OBJET, "horaires", null, Map.of("horaires", plages.toString()));
            return null;
        });
    }

    public void ajouterFerie(Actor actor, String jour, String libelle) {
        exiger(actor);
        Formulaire erreurs = new Formulaire();
        LocalDate date = null;
        try {
            date = LocalDate.parse(jour == null ? "" : jour.strip());
        } catch (DateTimeParseException e) {
            erreurs.erreur("jour", "Saisissez une date valide, par exemple 2026-12-25.");
        }
        String l = Formulaire.texte(libelle);
        if (l == null || l.length() > 120) {
            erreurs.erreur("libelle", "Nommez le jour férié (120 caractères au plus).");
        }
        erreurs.verifier();
        LocalDate d = date;
        transactions.inScope(Scope.nationalEcriture(), () -> {
            reglages.ajouterFerie(d, l);
            audit.changement(actor, TypeAction.CREATION, null, OBJET, "ferie:" + d, null, Map.of("libelle", l));
            return null;
        });
    }

    public void retirerFerie(Actor actor, String jour) {
        exiger(actor);
        LocalDate d;
        try {
            d = LocalDate.parse(jour == null ? "" : jour.strip());
        } catch (DateTimeParseException e) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Date invalide");
        }
        transactions.inScope(Scope.nationalEcriture(), () -> {
            reglages.retirerFerie(d);
            audit.changement(actor, TypeAction.SUPPRESSION, null, OBJET, "ferie:" + d, null, null);
            return null;
        });
    }

    public void cloture(Actor actor, String jours) {
        exiger(actor);
        int n;
        try {
            n = Integer.parseInt(jours == null ? "" : jours.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 90) {
            throw new Formulaire.Invalide(new Formulaire().erreur("jours", "Saisissez un nombre de jours entre 1 et 90."));
        }
        int valeur = n;
        transactions.inScope(Scope.nationalEcriture(), () -> {
            reglages.definirJoursAvantCloture(valeur);
            audit.changement(actor, TypeAction.MODIFICATION, null, OBJET, "jours_avant_cloture", null, Map.of("jours", valeur));
            return null;
        });
    }

    /** A target in business hours for a priority (all types, or one type). */
    public void objectif(Actor actor, String typeId, String priorite, String premiereReponseHeures, String resolutionHeures) {
        exiger(actor);
        Formulaire erreurs = new Formulaire();
        Priorite p = Priorite.parCode(priorite);
        if (p == null) {
            erreurs.erreur("priorite", "Choisissez la priorité.");
        }
        Integer premiere = heures(premiereReponseHeures, "premiereReponse", erreurs);
        Integer resolution = heures(resolutionHeures, "resolution", erreurs);
        if (premiere != null && resolution != null && resolution < premiere) {
            erreurs.erreur("resolution", "La résolution ne peut pas être attendue avant la première réponse.");
        }
        Long type = null;
        if (typeId != null && !typeId.isBlank()) {
            try {
                type = Long.valueOf(typeId.strip());
            } catch (NumberFormatException e) {
                erreurs.erreur("type", "Choisissez un type de la liste.");
            }
        }
        Long typeChoisi = type;
        if (typeChoisi != null && !transactions.inScope(Scope.nationalReadOnly(), () -> reglages.typeExiste(typeChoisi))) {
            erreurs.erreur("type", "Choisissez un type de la liste.");
        }
        erreurs.verifier();
        transactions.inScope(Scope.nationalEcriture(), () -> {
            reglages.definirObjectif(typeChoisi, p, premiere, resolution);
            audit.changement(actor, TypeAction.MODIFICATION, null, OBJET, "sla:" + (typeChoisi == null ? "defaut" : typeChoisi) + ":" + p, null,
                    Map.of("premiereReponseMinutes", premiere, "resolutionMinutes", resolution));
            return null;
        });
    }

    private static Integer heures(String s, String champ, Formulaire erreurs) {
        try {
            double h = Double.parseDouble(s == null ? "" : s.strip().replace(',', '.'));
            if (h > 0 && h <= 2000) {
                return (int) Math.round(h * 60);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        erreurs.erreur(champ, "Saisissez un nombre d’heures ouvrées entre 0,25 et 2 000.");
        return null;
    }

    private static void exiger(Actor actor) {
        if (!AssistancePolicy.administrer(actor).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Les horaires et délais de l’assistance sont réglés par les administrateurs nationaux.");
        }
    }

}
