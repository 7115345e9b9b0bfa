package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A feature's check of an update, run by {@link DemandeService#modification} inside the update's
 * transaction, after validation and before anything is written: it may hold parts of the
 * requested content back (anti-fraud: a major change of name waits for a manager's validation)
 * and record them in the same transaction. The application never knows which features check it.
 */
public interface ControleModification {

    /**
     * @param avant    the application as stored, read in the update's transaction
     * @param demandee the content the actor asked for (already validated)
     * @return the content to write now, and what was held back
     */
    Resultat controler(Actor actor, DemandeJson.Demande avant, DemandeJson.Contenu demandee);

    /** The content to write and the parts held back (empty when everything is written). */
    record Resultat(DemandeJson.Contenu contenu, List<Retenue> retenues) {
        public Resultat {
            retenues = List.copyOf(retenues);
        }
    }

    /**
     * A part of an update held back until someone decides, as the API and pages tell it.
     *
     * @param id      the held-back change's id in its feature
     * @param champs  the JSON paths held back, e.g. {@code demandeur.nomNaissance}
     * @param message what it means, in French
     */
    @Serdeable
    record Retenue(long id, List<String> champs, String message) {
    }
}
