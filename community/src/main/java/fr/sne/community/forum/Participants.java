package fr.sne.community.forum;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspacePolicy;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.espace.RoleEspace;
import fr.sne.community.espace.Sql;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Professionals other than the one signed in: who a handle (@gt.isere, the local part of their
 * e-mail) designates, and whether they see a space (mentions, replies by mail).
 */
@Singleton
class Participants {

    /** Someone a handle designates. */
    record Personne(long id, String email, String pseudo) {
    }

    private final TenantTransactions transactions;
    private final EspaceRepository espaces;
    private final Sql sql;

    Participants(TenantTransactions transactions, EspaceRepository espaces, Sql sql) {
        this.transactions = transactions;
        this.espaces = espaces;
        this.sql = sql;
    }

    static String pseudo(String email) {
        int arobase = email.indexOf('@');
        return (arobase < 0 ? email : email.substring(0, arobase)).toLowerCase(Locale.ROOT);
    }

    /** The people these handles designate (a handle shared by two addresses designates nobody). */
    List<Personne> parPseudos(Collection<String> pseudos) {
        if (pseudos.isEmpty()) {
            return List.of();
        }
        List<String> cles = pseudos.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList();
        List<Personne> trouves = transactions.withoutScope(() -> sql.liste(
                "SELECT id, email FROM utilisateur WHERE lower(split_part(email, '@', 1)) = ANY(?)",
                rs -> new Personne(rs.getLong(1), rs.getString(2), pseudo(rs.getString(2))), cles));
        return trouves.stream().filter(p -> trouves.stream().filter(q -> q.pseudo().equals(p.pseudo())).count() == 1).toList();
    }

    /** The professional as the policy sees them (active habilitations), or empty for an unknown user. */
    Optional<Actor.Professionnel> acteur(long utilisateurId) {
        return transactions.withoutScope(() -> sql.un("SELECT email, prenom, nom FROM utilisateur WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, utilisateurId)
                .map(u -> new Actor.Professionnel(utilisateurId, u[0], u[1], u[2], sql.liste("""
                        SELECT id, profil, guichet, guichet_nom, territoire, territoire_nom
                          FROM sne_habilitations_de(?) WHERE statut = 'ACTIVE'""",
                        rs -> new Habilitation(rs.getLong("id"), Profil.valueOf(rs.getString("profil")), rs.getString("guichet"),
                                rs.getString("guichet_nom"), rs.getString("territoire"), rs.getString("territoire_nom")),
                        utilisateurId), null)));
    }

    /** Whether this user may do {@code action} in the space. */
    boolean peut(long utilisateurId, Espace espace, ActionEspace action) {
        Optional<Actor.Professionnel> acteur = acteur(utilisateurId);
        if (acteur.isEmpty()) {
            return false;
        }
        Optional<RoleEspace> role = transactions.inScope(Scope.nationalReadOnly(),
                () -> Optional.ofNullable(espaces.rolesDe(utilisateurId).get(espace.id())));
        return EspacePolicy.decider(acteur.get(), espace, role, action).autorisee();
    }
}
