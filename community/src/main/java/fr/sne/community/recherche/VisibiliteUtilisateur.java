package fr.sne.community.recherche;

import fr.sne.tenants.identity.Actor;

import java.util.Set;

/**
 * A feature's contribution to what a user may see (e.g. the spaces they belong to, their
 * organisation's tickets). The engine unions every bean's tokens with the base ones (public,
 * professional, territories of their habilitations).
 */
public interface VisibiliteUtilisateur {

    Set<String> acces(Actor actor);
}
