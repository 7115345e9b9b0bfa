package fr.sne.community.info;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who writes and who reads on the information site. Writing: national administrators
 * everywhere; a territorial manager only their territory's local pages (another territory's page
 * is not found); the platform itself (demo and corpus loaders, the scheduled publication job).
 * Reading: public articles for everybody, professionals' articles for signed-in professionals
 * holding a habilitation, a territory's pages for the professionals of that territory (and the
 * national roles).
 */
@Singleton
public class ArticlePolicy {

    private static final Set<Profil> AUTEURS = EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL, Profil.GESTIONNAIRE_TERRITORIAL);

    /**
     * @param territoire the article's territory; null for national content (GERER: ignored)
     */
    public Decision decider(Actor actor, ActionArticle action, String territoire) {
        if (actor instanceof Actor.Systeme) {
            return Decision.AUTORISEE;
        }
        return switch (action) {
            case GERER -> Perimetre.decider(actor, null, AUTEURS);
            case REDIGER -> territoire == null
                    ? Perimetre.decider(actor, null, EnumSet.of(Profil.ADMINISTRATEUR_NATIONAL))
                    : Perimetre.decider(actor, territoire, AUTEURS);
        };
    }

    /** What a person may read, and the scope their reading runs in. */
    public Lecteur lecteur(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p) || p.habilitations().isEmpty()) {
            return Lecteur.PUBLIC;
        }
        Set<String> territoires = new LinkedHashSet<>();
        boolean national = false;
        Optional<Habilitation> active = p.habilitationActive();
        // the active habilitation's territory first: lists are read in its scope
        active.map(Habilitation::territoire).ifPresent(territoires::add);
        for (Habilitation h : p.habilitations()) {
            if (h.profil().portee() == Profil.Portee.NATIONALE) {
                national = true;
            } else if (h.territoire() != null) {
                territoires.add(h.territoire());
            }
        }
        boolean activeNationale = active.map(h -> h.profil().portee() == Profil.Portee.NATIONALE).orElse(false);
        return new Lecteur(true, national || activeNationale, Set.copyOf(territoires),
                activeNationale ? null : active.map(Habilitation::territoire).orElse(null));
    }
}
