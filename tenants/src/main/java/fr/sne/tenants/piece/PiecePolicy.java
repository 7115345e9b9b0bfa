package fr.sne.tenants.piece;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

import static fr.sne.tenants.identity.Profil.ASSISTANCE_NATIONALE;
import static fr.sne.tenants.identity.Profil.CONSULTANT_DEMANDE;
import static fr.sne.tenants.identity.Profil.CONSULTANT_SENSIBLE;
import static fr.sne.tenants.identity.Profil.CONSULTANT_SIMPLE;
import static fr.sne.tenants.identity.Profil.GESTIONNAIRE_TERRITORIAL;
import static fr.sne.tenants.identity.Profil.GUICHET_ENREGISTREUR;
import static fr.sne.tenants.identity.Profil.GUICHET_MANAGER;

/**
 * Supporting documents (the "dossier unique"): who lists, opens, deposits, qualifies and deletes
 * them. Desks (registering agents and managers) and the "consultant sensible" see everything; the
 * "consultant simple" only the list of non-sensitive documents; the "consultant demande" opens the
 * non-sensitive ones; the territorial manager qualifies and deposits but opens no sensitive one;
 * national support reads non-sensitive ones everywhere; the national administrator has no
 * nominative access. The applicant sees, opens and deposits their own documents, never qualifies
 * or deletes them. A vendor's system (scope "demandes") works like its desk, except for sensitive
 * documents and originals hidden behind a masked version: its data leaves the register for
 * software that knows none of these profiles, so it gets the masked versions and no sensitive type.
 */
@Singleton
public class PiecePolicy {

    private static final Set<Profil> GUICHETS = EnumSet.of(GUICHET_ENREGISTREUR, GUICHET_MANAGER);

    /**
     * @param territoire      the application's territory
     * @param compteDemandeur the portal account the application is linked to, or null: what
     *                        decides for an applicant
     */
    public Decision decider(Actor actor, ActionPiece action, String territoire, Long compteDemandeur) {
        if (actor instanceof Actor.Particulier p) {
            if (compteDemandeur == null || compteDemandeur != p.compteId()) {
                return Decision.INTROUVABLE;
            }
            return action == ActionPiece.QUALIFIER || action == ActionPiece.SUPPRIMER ? Decision.REFUSEE : Decision.AUTORISEE;
        }
        if (actor instanceof Actor.ClientApi client) {
            if (territoire == null || !territoire.equals(client.territoire())) {
                return Decision.INTROUVABLE;
            }
            if (!client.scopes().contains("demandes")) {
                return Decision.REFUSEE;
            }
            return action == ActionPiece.LISTER_SENSIBLE || action == ActionPiece.OUVRIR_SENSIBLE
                    ? Decision.REFUSEE : Decision.AUTORISEE;
        }
        return Perimetre.decider(actor, territoire, profils(action));
    }

    private static Set<Profil> profils(ActionPiece action) {
        return switch (action) {
            case LISTER -> EnumSet.of(GUICHET_ENREGISTREUR, GUICHET_MANAGER, CONSULTANT_SIMPLE, CONSULTANT_DEMANDE,
                    CONSULTANT_SENSIBLE, GESTIONNAIRE_TERRITORIAL, ASSISTANCE_NATIONALE);
            case LISTER_SENSIBLE, OUVRIR_SENSIBLE -> EnumSet.of(GUICHET_ENREGISTREUR, GUICHET_MANAGER, CONSULTANT_SENSIBLE);
            case OUVRIR -> EnumSet.of(GUICHET_ENREGISTREUR, GUICHET_MANAGER, CONSULTANT_DEMANDE, CONSULTANT_SENSIBLE,
                    GESTIONNAIRE_TERRITORIAL, ASSISTANCE_NATIONALE);
            case DEPOSER, QUALIFIER -> EnumSet.of(GUICHET_ENREGISTREUR, GUICHET_MANAGER, GESTIONNAIRE_TERRITORIAL);
            case SUPPRIMER -> EnumSet.copyOf(GUICHETS);
        };
    }
}
