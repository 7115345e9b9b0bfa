package fr.sne.community.notification;

import fr.sne.community.espace.ActionEspace;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspacePolicy;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.espace.RoleEspace;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a notification may reach: a person is notified only while they see the space, decided by
 * {@link EspacePolicy} on their current active habilitations (read, as at sign-in, through
 * {@code sne_habilitations_de}) and their explicit role in the space. Runs inside the caller's
 * transaction.
 */
@Singleton
public class Destinataires {

    private final JdbcOperations jdbc;
    private final EspaceRepository espaces;

    Destinataires(JdbcOperations jdbc, EspaceRepository espaces) {
        this.jdbc = jdbc;
        this.espaces = espaces;
    }

    /** The person as the space policy sees them now; empty for a deactivated or unknown account. */
    public Optional<Actor.Professionnel> professionnel(long utilisateurId) {
        Optional<Actor.Professionnel> sans = jdbc.prepareStatement(
                "SELECT id, email, prenom, nom FROM utilisateur WHERE id = ? AND actif", ps -> {
                    ps.setLong(1, utilisateurId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Actor.Professionnel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of(), null))
                                : Optional.<Actor.Professionnel>empty();
                    }
                });
        return sans.map(p -> new Actor.Professionnel(p.utilisateurId(), p.email(), p.prenom(), p.nom(), habilitations(utilisateurId), null));
    }

    /** Whether the person sees the space now. */
    public boolean voit(Actor.Professionnel p, Espace espace) {
        Optional<RoleEspace> role = Optional.ofNullable(espaces.rolesDe(p.utilisateurId()).get(espace.id()));
        return EspacePolicy.decider(p, espace, role, ActionEspace.VOIR).autorisee();
    }

    /** Every active account (the audience of an important news item, before the space policy filters it). */
    public List<Long> tousActifs() {
        return jdbc.prepareStatement("SELECT id FROM utilisateur WHERE actif ORDER BY id", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    private List<Habilitation> habilitations(long utilisateurId) {
        return jdbc.prepareStatement("""
                SELECT id, profil, guichet, guichet_nom, territoire, territoire_nom
                  FROM sne_habilitations_de(?) WHERE statut = 'ACTIVE'""", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Habilitation> liste = new ArrayList<>();
                while (rs.next()) {
                    liste.add(new Habilitation(rs.getLong(1), Profil.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
                return liste;
            }
        });
    }
}
