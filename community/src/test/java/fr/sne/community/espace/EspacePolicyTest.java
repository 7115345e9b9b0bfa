package fr.sne.community.espace;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who sees, takes part in, moderates and manages which space. */
class EspacePolicyTest {

    private static final Actor.Professionnel GT_ISERE = pro(1, new Habilitation(1, Profil.GESTIONNAIRE_TERRITORIAL, null, null, "038", "Isère"));
    private static final Actor.Professionnel AGENT_GARD = pro(2, new Habilitation(2, Profil.GUICHET_ENREGISTREUR, "30001", "Logis", "030", "Gard"));
    private static final Actor.Professionnel ADMIN = pro(3, new Habilitation(3, Profil.ADMINISTRATEUR_NATIONAL, null, null, null, null));
    private static final Actor.Professionnel SANS_HABILITATION = pro(4);

    private static final Espace ENTRAIDE = espace(Visibilite.PROFESSIONNELS, null, null, false);
    private static final Espace GT_NATIONAL = espace(Visibilite.PROFIL, null, Profil.GESTIONNAIRE_TERRITORIAL, false);
    private static final Espace ISERE = espace(Visibilite.TERRITOIRE, "038", null, false);
    private static final Espace INVITES = espace(Visibilite.INVITATION, null, null, false);
    private static final Espace ARCHIVE = espace(Visibilite.PROFESSIONNELS, null, null, true);

    @Test
    void la_visibilite_decide_qui_connait_l_espace() {
        assertEquals(Decision.AUTORISEE, voir(AGENT_GARD, ENTRAIDE));
        assertEquals(Decision.AUTORISEE, voir(GT_ISERE, GT_NATIONAL));
        assertEquals(Decision.INTROUVABLE, voir(AGENT_GARD, GT_NATIONAL));
        assertEquals(Decision.AUTORISEE, voir(GT_ISERE, ISERE));
        assertEquals(Decision.INTROUVABLE, voir(AGENT_GARD, ISERE));
        assertEquals(Decision.INTROUVABLE, voir(GT_ISERE, INVITES));
        assertEquals(Decision.AUTORISEE, EspacePolicy.decider(GT_ISERE, INVITES, Optional.of(RoleEspace.MEMBRE), ActionEspace.VOIR));
        assertEquals(Decision.AUTORISEE, voir(ADMIN, INVITES));
        assertEquals(Decision.INTROUVABLE, voir(SANS_HABILITATION, ENTRAIDE));
        assertEquals(Decision.INTROUVABLE, voir(new Actor.Anonyme(), ENTRAIDE));
    }

    @Test
    void roles_pour_participer_moderer_et_gerer() {
        assertEquals(Decision.AUTORISEE, EspacePolicy.decider(AGENT_GARD, ENTRAIDE, Optional.empty(), ActionEspace.PARTICIPER));
        assertEquals(Decision.REFUSEE, EspacePolicy.decider(AGENT_GARD, ARCHIVE, Optional.empty(), ActionEspace.PARTICIPER));
        assertEquals(Decision.REFUSEE, EspacePolicy.decider(AGENT_GARD, ENTRAIDE, Optional.empty(), ActionEspace.MODERER));
        assertEquals(Decision.AUTORISEE, EspacePolicy.decider(AGENT_GARD, ENTRAIDE, Optional.of(RoleEspace.MODERATEUR), ActionEspace.MODERER));
        assertEquals(Decision.REFUSEE, EspacePolicy.decider(AGENT_GARD, ENTRAIDE, Optional.of(RoleEspace.MODERATEUR), ActionEspace.GERER));
        assertEquals(Decision.AUTORISEE, EspacePolicy.decider(GT_ISERE, INVITES, Optional.of(RoleEspace.PROPRIETAIRE), ActionEspace.GERER));
        assertEquals(Decision.AUTORISEE, EspacePolicy.decider(ADMIN, ISERE, Optional.empty(), ActionEspace.GERER));
    }

    private static Decision voir(Actor actor, Espace espace) {
        return EspacePolicy.decider(actor, espace, Optional.empty(), ActionEspace.VOIR);
    }

    private static Actor.Professionnel pro(long id, Habilitation... habilitations) {
        return new Actor.Professionnel(id, "u" + id + "@sne.test", "P", "N" + id, List.of(habilitations), null);
    }

    private static Espace espace(Visibilite visibilite, String territoire, Profil profil, boolean archive) {
        return new Espace(visibilite.ordinal() + 10L, territoire, "e", "Espace", "", visibilite, profil, archive, Instant.EPOCH, 1);
    }
}
