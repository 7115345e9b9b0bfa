package fr.sne.core.avis;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of the notices (e-mail, SMS) and of their record, in French: the deadline, what to
 * do (renew online or at any registering desk) and what happens otherwise.
 */
@Singleton
class TextesAvis {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MOIS_ANNEE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter COURTE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH'h'mm");

    /** The e-mail of a notice. */
    record Message(String objet, String texte) {
    }

    private final String portail;

    TextesAvis(@Value("${sne.portail.adresse:www.demande-logement-social.gouv.fr}") String portail) {
        this.portail = portail;
    }

    /** Where applicants renew online. */
    String portail() {
        return portail;
    }

    Message courriel(AvisRepository.AEnvoyer a) {
        String echeance = date(a.echeance());
        String salutation = nomComplet(a.prenoms(), a.nom());
        return new Message("Renouvelez votre demande de logement social avant le " + echeance, """
                Bonjour%s,

                Votre demande de logement social n° %s doit être renouvelée avant le %s.

                Pour la renouveler, et garder ainsi son numéro unique et son ancienneté :
                - en ligne, sur %s, rubrique « Mes demandes », avec votre compte ;
                - ou auprès de n’importe quel guichet enregistreur de votre département (mairie, bailleur social…).

                Profitez-en pour mettre à jour votre situation (ressources, composition du foyer, coordonnées).

                Sans renouvellement à cette date, votre demande sera radiée et ne sera plus proposée aux \
                commissions d’attribution.

                Ce message est envoyé automatiquement ; merci de ne pas y répondre.
                """.formatted(salutation.isEmpty() ? "" : " " + salutation, numeroLisible(a.numero()), echeance, portail));
    }

    String sms(AvisRepository.AEnvoyer a) {
        return "Logement social : renouvelez votre demande n° %s avant le %s sur %s ou auprès d'un guichet, sinon elle sera radiée."
                .formatted(numeroLisible(a.numero()), COURTE.format(a.echeance()), portail);
    }

    /** The system event's comment (shown in the application's history, to the applicant too). */
    static String commentaire(NatureAvis nature, Canal canal, LocalDate echeance) {
        return "%s (%s) : renouvellement à faire avant le %s".formatted(nature.getLibelle(),
                canal.getLibelle().toLowerCase(Locale.FRENCH), COURTE.format(echeance));
    }

    /** "1er janvier 2026", "12 mai 2026". */
    static String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MOIS_ANNEE.format(date);
    }

    static String dateCourte(LocalDate date) {
        return date == null ? null : COURTE.format(date);
    }

    /** "12/05/2026 à 14h05" (Paris time). */
    static String horodatage(Instant instant) {
        if (instant == null) {
            return null;
        }
        return COURTE.format(instant.atZone(PARIS)) + " à " + HEURE.format(instant.atZone(PARIS));
    }

    /** "038 1125 000123 38001". */
    static String numeroLisible(String numero) {
        if (numero == null || numero.length() != 18) {
            return numero;
        }
        return numero.substring(0, 3) + " " + numero.substring(3, 7) + " " + numero.substring(7, 13) + " " + numero.substring(13);
    }

    /** "Élodie MARTIN" (first names, then the name in capitals), or empty. */
    static String nomComplet(String prenoms, String nom) {
        return ((prenoms == null ? "" : prenoms.strip()) + " "
                + (nom == null ? "" : nom.strip().toUpperCase(Locale.FRENCH))).strip();
    }
}
