package fr.sne.core.attestation;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

/**
 * Attestations are read with the application (its rule: {@code DemandePolicy} CONSULTER,
 * applied by {@code DemandeService.consulter}). The postal queue is printed by those who send
 * letters: a desk's registering agents and manager (their desk's letters) and the territorial
 * manager (the whole territory). Consultants and national profiles have no postal queue.
 */
@Singleton
public class AttestationPolicy {

    private static final Set<Profil> COURRIERS = EnumSet.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.GESTIONNAIRE_TERRITORIAL);

    /** Which letters an actor handles: a territory, and one desk of it or (null) all of them. */
    public record PorteeCourriers(String territoire, String guichet) {
    }

    public Decision courriers(Actor actor, String territoire) {
        return Perimetre.decider(actor, territoire, COURRIERS);
    }

    /** The actor's postal queue, or 403 for a profile that has none. */
    public PorteeCourriers portee(Actor actor) {
        Habilitation h = Perimetre.habilitation(actor)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Aucune habilitation active"));
        if (h.territoire() == null || !courriers(actor, h.territoire()).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Votre profil ne permet pas d’imprimer les courriers d’attestation.");
        }
        return new PorteeCourriers(h.territoire(), h.profil().portee() == Profil.Portee.GUICHET ? h.guichet() : null);
    }
}
