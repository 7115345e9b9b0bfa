package fr.sne.tenants.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Identity tables read while resolving the actor, before any tenant scope exists. Must run
 * inside a transaction ({@code TenantTransactions.withoutScope}).
 */
@Singleton
class IdentityRepository {

    record UtilisateurRow(long id, String email, String prenom, String nom) {
    }

    private final JdbcOperations jdbc;

    IdentityRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a sign-in: links issuer + sub to the user (found by identity, else by e-mail while not yet linked). */
    Optional<UtilisateurRow> recordSignIn(String issuer, String subject, String email, String prenom, String nom, Instant at) {
        return jdbc.prepareStatement("""
                UPDATE utilisateur
                   SET emetteur = ?, sujet = ?, prenom = coalesce(?, prenom), nom = coalesce(?, nom),
                       derniere_connexion = ?
                 WHERE (emetteur = ? AND sujet = ?) OR (emetteur IS NULL AND lower(email) = lower(?))
                RETURNING id, email, prenom, nom""", ps -> {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            ps.setString(3, prenom);
            ps.setString(4, nom);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, issuer);
            ps.setString(7, subject);
            ps.setString(8, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(utilisateur(rs)) : Optional.<UtilisateurRow>empty();
            }
        });
    }

    /** An applicant's account (FranceConnect-style identity): created at first sign-in, kept up to date. */
    long recordApplicant(String issuer, String subject, String email, String prenom, String nomNaissance,
                         String nomUsage, java.time.LocalDate dateNaissance, Instant at) {
        return jdbc.prepareStatement("""
                INSERT INTO compte_demandeur (emetteur, sujet, email, prenom, nom_naissance, nom_usage, date_naissance, derniere_connexion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (emetteur, sujet) DO UPDATE
                   SET email = excluded.email, prenom = excluded.prenom, nom_naissance = excluded.nom_naissance,
                       nom_usage = excluded.nom_usage, date_naissance = coalesce(excluded.date_naissance, compte_demandeur.date_naissance),
                       derniere_connexion = excluded.derniere_connexion
                RETURNING id""", ps -> {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            ps.setString(3, email);
            ps.setString(4, prenom);
            ps.setString(5, nomNaissance);
            ps.setString(6, nomUsage);
            ps.setObject(7, dateNaissance);
            ps.setTimestamp(8, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A new account; empty when the e-mail already belongs to an account linked to another identity. */
    Optional<UtilisateurRow> createUser(String issuer, String subject, String email, String prenom, String nom, Instant at) {
        return jdbc.prepareStatement("""
                INSERT INTO utilisateur (email, emetteur, sujet, prenom, nom, derniere_connexion) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id, email, prenom, nom""", ps -> {
            ps.setString(1, email);
            ps.setString(2, issuer);
            ps.setString(3, subject);
            ps.setString(4, prenom);
            ps.setString(5, nom);
            ps.setTimestamp(6, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(utilisateur(rs)) : Optional.<UtilisateurRow>empty();
            }
        });
    }

    Optional<Actor.Particulier> findApplicant(String issuer, String subject) {
        return jdbc.prepareStatement("""
                SELECT id, email, prenom, coalesce(nom_usage, nom_naissance) FROM compte_demandeur
                 WHERE emetteur = ? AND sujet = ?""", ps -> {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Actor.Particulier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<Actor.Particulier>empty();
            }
        });
    }

    Optional<UtilisateurRow> findByIdentity(String issuer, String subject) {
        return jdbc.prepareStatement(
                "SELECT id, email, prenom, nom FROM utilisateur WHERE emetteur = ? AND sujet = ?", ps -> {
                    ps.setString(1, issuer);
                    ps.setString(2, subject);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(utilisateur(rs)) : Optional.<UtilisateurRow>empty();
                    }
                });
    }

    /** The user's active habilitations, through the one function allowed to read them without a scope. */
    List<Habilitation> activeHabilitations(long utilisateurId) {
        return jdbc.prepareStatement("""
                SELECT id, profil, guichet, guichet_nom, territoire, territoire_nom
                  FROM sne_habilitations_de(?) WHERE statut = 'ACTIVE'""", ps -> {
            ps.setLong(1, utilisateurId);
            List<Habilitation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Habilitation(rs.getLong("id"), Profil.valueOf(rs.getString("profil")),
                            rs.getString("guichet"), rs.getString("guichet_nom"),
                            rs.getString("territoire"), rs.getString("territoire_nom")));
                }
            }
            return result;
        });
    }

    Optional<Actor.ClientApi> activeApiClient(String clientId) {
        return jdbc.prepareStatement(
                "SELECT client_id, guichet, territoire, scopes FROM sne_client_api_actif(?)", ps -> {
                    ps.setString(1, clientId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Actor.ClientApi>empty();
                        }
                        Array scopes = rs.getArray("scopes");
                        return Optional.of(new Actor.ClientApi(rs.getString("client_id"), rs.getString("guichet"),
                                rs.getString("territoire"), Arrays.asList((String[]) scopes.getArray())));
                    }
                });
    }

    private static UtilisateurRow utilisateur(ResultSet rs) throws SQLException {
        return new UtilisateurRow(rs.getLong("id"), rs.getString("email"), rs.getString("prenom"), rs.getString("nom"));
    }
}
