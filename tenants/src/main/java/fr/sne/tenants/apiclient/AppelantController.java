package fr.sne.tenants.apiclient;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Probleme;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.sql.ResultSet;
import java.util.List;

/** Who the API sees: lets a vendor check its token and desk before synchronising. */
@Controller("/api/v1.0/appelant")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AppelantController {

    @Serdeable
    record Guichet(String code, String nom, String type) {
    }

    @Serdeable
    record Appelant(String clientId, String territoire, Guichet guichet, List<String> scopes) {
    }

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    AppelantController(TenantTransactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Client d'API appelant", description = "Le client authentifié par son jeton, son guichet et son territoire.",
            security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> appelant(HttpRequest<?> request) {
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return Probleme.of(HttpStatus.FORBIDDEN, "Accès refusé",
                    "Cette ressource est réservée aux clients d'API.").response();
        }
        // Read through the client's territory scope: RLS lets only that territory's desks through.
        Guichet guichet = transactions.inScope(Scope.territoireReadOnly(client.territoire()), () ->
                jdbc.prepareStatement("SELECT code, nom, type FROM guichet WHERE code = ?", ps -> {
                    ps.setString(1, client.guichet());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new Guichet(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
                    }
                }));
        return HttpResponse.ok(new Appelant(client.clientId(), client.territoire(), guichet, client.scopes()));
    }
}
