package fr.sne.tenants.apiclient;

import fr.sne.tenants.web.Refus;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registering vendors' systems: the OIDC client id is attached to one desk of the territory. */
@Singleton
public class ClientApiService {

    public static final List<String> SCOPES = List.of("demandes", "mouvements", "exports");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,100}");
    private static final String SELECT = """
            SELECT c.client_id, c.guichet, g.nom AS guichet_nom, c.territoire, c.libelle, c.scopes, c.actif
              FROM client_api c JOIN guichet g ON g.code = c.guichet""";

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final ClientApiPolicy policy;
    private final AuditTrail audit;
    private final Annuaire annuaire;

    ClientApiService(TenantTransactions transactions, JdbcOperations jdbc, ClientApiPolicy policy, AuditTrail audit,
                     Annuaire annuaire) {
        this.annuaire = annuaire;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    public List<ClientApi> lister(Actor actor) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionClientApi.CONSULTER, scope.territoire()));
        return transactions.inScope(Scope.lecture(scope), () -> jdbc.prepareStatement(
                SELECT + " ORDER BY c.territoire, c.client_id", ps -> liste(ps.executeQuery())));
    }

    /** Registers a client on a desk of the actor's territory; the desk must be visible in that scope. */
    public void creer(Actor actor, String clientId, String guichet, String libelle) {
        Scope scope = Acces.scope(actor);
        String territoire = scope.national() ? null : scope.territoire();
        Formulaire form = new Formulaire();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            form.erreur("clientId", "L’identifiant compte 3 à 100 caractères : lettres, chiffres, point, tiret ou souligné.");
        }
        if (libelle != null && libelle.length() > 200) {
            form.erreur("libelle", "Le libellé ne doit pas dépasser 200 caractères.");
        }
        if (guichet == null) {
            form.erreur("guichet", "Choisissez le guichet pour lequel le logiciel agira.");
        }
        form.verifier();
        String territoireGuichet = territoire != null ? territoire : territoireDuGuichet(guichet);
        if (territoireGuichet == null) {
            throw new Formulaire.Invalide(new Formulaire().erreur("guichet", "Choisissez un guichet actif d’un territoire."));
        }
        Acces.exiger(policy.decider(actor, ActionClientApi.CREER, territoireGuichet));
        transactions.inScope(Scope.territoire(territoireGuichet), () -> {
            Optional<String> visible = jdbc.prepareStatement("SELECT territoire FROM guichet WHERE code = ? AND actif", ps -> {
                ps.setString(1, guichet);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            });
            if (visible.isEmpty()) {
                throw new Formulaire.Invalide(new Formulaire().erreur("guichet", "Choisissez un guichet actif de votre territoire."));
            }
            boolean cree = jdbc.prepareStatement("""
                    INSERT INTO client_api (client_id, guichet, territoire, libelle, scopes) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (client_id) DO NOTHING""", ps -> {
                ps.setString(1, clientId);
                ps.setString(2, guichet);
                ps.setString(3, territoireGuichet);
                ps.setString(4, libelle);
                ps.setArray(5, ps.getConnection().createArrayOf("text", SCOPES.toArray()));
                return ps.executeUpdate() == 1;
            });
            if (!cree) {
                throw new Formulaire.Invalide(new Formulaire().erreur("clientId", "Cet identifiant de client est déjà utilisé."));
            }
            audit.changement(actor, TypeAction.CREATION, territoireGuichet, "CLIENT_API", clientId, null,
                    Map.of("guichet", guichet, "libelle", libelle == null ? "" : libelle));
            return null;
        });
    }

    public void activer(Actor actor, String clientId, boolean actif) {
        Scope scope = Acces.scope(actor);
        ClientApi client = transactions.inScope(Scope.lecture(scope), () -> jdbc.prepareStatement(
                        SELECT + " WHERE c.client_id = ?", ps -> {
                            ps.setString(1, clientId);
                            return liste(ps.executeQuery());
                        })).stream().findFirst()
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Client d’API introuvable"));
        Acces.exiger(policy.decider(actor, ActionClientApi.DESACTIVER, client.territoire()));
        transactions.inScope(Scope.territoire(client.territoire()), () -> {
            int n = jdbc.prepareStatement("UPDATE client_api SET actif = ?, modifie_le = now() WHERE client_id = ? AND actif <> ?", ps -> {
                ps.setBoolean(1, actif);
                ps.setString(2, clientId);
                ps.setBoolean(3, actif);
                return ps.executeUpdate();
            });
            if (n == 1) {
                audit.changement(actor, TypeAction.MODIFICATION, client.territoire(), "CLIENT_API", clientId,
                        Map.of("actif", client.actif()), Map.of("actif", actif));
            }
            return null;
        });
    }

    private String territoireDuGuichet(String guichet) {
        return transactions.withoutScope(() -> annuaire.guichet(guichet)).map(Annuaire.Entree::territoire).orElse(null);
    }

    private static List<ClientApi> liste(ResultSet rs) throws SQLException {
        try (rs) {
            List<ClientApi> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new ClientApi(rs.getString("client_id"), rs.getString("guichet"), rs.getString("guichet_nom"),
                        rs.getString("territoire"), rs.getString("libelle"),
                        Arrays.asList((String[]) rs.getArray("scopes").getArray()), rs.getBoolean("actif")));
            }
            return list;
        }
    }

}
