package fr.sne.tenants.audit;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.EnumSet;

/** The audit trail is read by the territory's GT, and nationally by administrators and assistance. */
@Singleton
public class AuditPolicy {

    public Decision decider(Actor actor, ActionAudit action, String territoire) {
        return Perimetre.decider(actor, territoire, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL,
                Profil.ASSISTANCE_NATIONALE, Profil.GESTIONNAIRE_TERRITORIAL));
    }
}
