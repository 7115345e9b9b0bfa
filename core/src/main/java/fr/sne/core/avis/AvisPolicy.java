package fr.sne.core.avis;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renewal notices. On an application's page they are shown with the application (its reading
 * rule has already been applied by the page). Renewal letters are printed by those who send
 * letters: a desk's registering agents and manager print their desk's batch (the applications it
 * registered); the territorial manager sees every waiting letter of the territory and prints any
 * batch, among which the territory's own (applications registered through the portal's national
 * desk). Consultants and national profiles print nothing.
 */
@Singleton
public class AvisPolicy {

    /** The batch of the territory (applications of the portal's desk), as forms name it. */
    public static final String PILE_TERRITOIRE = "territoire";

    private static final Set<Profil> COURRIERS = EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.GESTIONNAIRE_TERRITORIAL);
    private static final Pattern CODE_GUICHET = Pattern.compile("[0-9A-Z]{5}");

    /** Which letters an actor handles: a territory, and one desk of it or (null) all of them. */
    public record Portee(String territoire, String guichet) {
    }

    /** The actor's letters, or 403 for a profile that prints none. */
    public Portee portee(Actor actor) {
        Habilitation h = Perimetre.habilitation(actor)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Aucune habilitation active"));
        if (h.territoire() == null || !Perimetre.decider(actor, h.territoire(), COURRIERS).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Votre profil ne permet pas d’imprimer les courriers de renouvellement.");
        }
        return new Portee(h.territoire(), h.profil().portee() == Profil.Portee.GUICHET ? h.guichet() : null);
    }

    /**
     * The batch to print, as its desk (null: the territory's batch): a desk's people print their
     * own desk's only; the territorial manager names the batch.
     */
    public String pile(Portee portee, String demandee) {
        if (portee.guichet() != null) {
            if (demandee != null && !demandee.isBlank() && !demandee.equals(portee.guichet())) {
                throw new Refus(HttpStatus.FORBIDDEN, "Vous imprimez les courriers de votre guichet seulement.");
            }
            return portee.guichet();
        }
        if (demandee == null || demandee.isBlank() || PILE_TERRITOIRE.equals(demandee)) {
            return null;
        }
        if (!CODE_GUICHET.matcher(demandee).matches()) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Lot de courriers inconnu.");
        }
        return demandee;
    }
}
