package fr.sne.community.info;

import fr.sne.tenants.tenancy.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A reader of the information site, as {@link ArticlePolicy#lecteur} sees them.
 *
 * @param professionnel signed in with at least one habilitation: reads professionals' articles
 * @param national      holds a national profile: opens any territory's local page
 * @param territoires   the territories of their habilitations (the active one first): their local pages
 * @param territoireActif the active habilitation's territory: lists show its local pages; null otherwise
 */
public record Lecteur(boolean professionnel, boolean national, Set<String> territoires, String territoireActif) {

    public static final Lecteur PUBLIC = new Lecteur(false, false, Set.of(), null);

    /** The local pages a list shows: the active territory's only. */
    public Set<String> territoiresDesListes() {
        return territoireActif == null ? Set.of() : Set.of(territoireActif);
    }

    /** The scope a list is read in: the active territory's, national for national roles, none for the public. */
    public Scope scopeListes() {
        if (national) {
            return Scope.nationalReadOnly();
        }
        return territoireActif == null ? null : Scope.territoireReadOnly(territoireActif);
    }

    /** The scopes in which a page is looked for, in order (none: the public's, without a scope). */
    public List<Scope> scopesPages() {
        List<Scope> scopes = new ArrayList<>();
        if (national) {
            scopes.add(Scope.nationalReadOnly());
            return scopes;
        }
        territoires.forEach(t -> scopes.add(Scope.territoireReadOnly(t)));
        return scopes;
    }

    /** Whether this reader may open an article of this audience and territory (once published). */
    public boolean peutLire(Audience audience, String territoire) {
        return switch (audience) {
            case PUBLIC -> true;
            case PROFESSIONNELS -> professionnel;
            case TERRITOIRE -> national || territoires.contains(territoire);
        };
    }
}
