package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;

/**
 * Published (Micronaut application event) when a desk validates an online application, inside
 * the validating transaction, once the application is registered: a listener that writes in the
 * database (e.g. scheduling the registration attestation's e-mail in an outbox) commits or rolls
 * back with the validation itself.
 *
 * @param demande         the registered application (number, filing date, the applicant's e-mail and "assisted" flag)
 * @param compteDemandeur the applicant's portal account
 */
public record DemandeValidee(DemandeJson.Demande demande, long compteDemandeur) {
}
