package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides which {@link Acces} tokens an actor holds; the engine turns them
 * into a filter inside every query, so results, counts and facets agree with it.
 * <ul>
 *     <li>everybody: {@link Acces#PUBLIC};</li>
 *     <li>a professional with at least one active habilitation: {@link Acces#PROFESSIONNEL} and the
 *     territory of each habilitation (national profiles: every territory). An account without
 *     habilitation (first sign-in, request pending) sees what the public sees;</li>
 *     <li>a vendor's system: professional content and its desk's territory;</li>
 *     <li>plus every feature's {@link VisibiliteUtilisateur} tokens (spaces, tickets...).</li>
 * </ul>
 */
@Singleton
public class VisibiliteRecherche {

    private final List<VisibiliteUtilisateur> contributions;

    public VisibiliteRecherche(List<VisibiliteUtilisateur> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    public Visibilite de(Actor actor) {
        Set<String> jetons = new HashSet<>();
        jetons.add(Acces.PUBLIC);
        boolean tousTerritoires = false;
        switch (actor) {
            case Actor.Professionnel p when !p.habilitations().isEmpty() -> {
                jetons.add(Acces.PROFESSIONNEL);
                for (Habilitation h : p.habilitations()) {
                    if (h.profil().portee() == Profil.Portee.NATIONALE) {
                        tousTerritoires = true;
                    } else if (h.territoire() != null) {
                        jetons.add(Acces.territoire(h.territoire()));
                    }
                }
            }
            case Actor.ClientApi c -> {
                jetons.add(Acces.PROFESSIONNEL);
                if (c.territoire() != null) {
                    jetons.add(Acces.territoire(c.territoire()));
                }
            }
            default -> {
                // anonymous visitors, applicants, accounts without habilitation, the platform's jobs
            }
        }
        for (VisibiliteUtilisateur contribution : contributions) {
            Set<String> autres = contribution.acces(actor);
            if (autres != null) {
                autres.stream().filter(j -> j != null && !j.isBlank()).forEach(jetons::add);
            }
        }
        return new Visibilite(jetons, tousTerritoires);
    }
}
