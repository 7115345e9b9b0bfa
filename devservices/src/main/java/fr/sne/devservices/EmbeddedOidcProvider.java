package fr.sne.devservices;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenID Connect provider for development and tests (mock-oauth2-server), issuer
 * {@code http://localhost:<port>/sne}. Its login page lists the demo personas (one click signs
 * in, with ProConnect/FranceConnect-style claims) and it answers client-credentials requests with
 * a token whose {@code sub}, {@code client_id} and {@code azp} are the client id.
 */
public final class EmbeddedOidcProvider implements AutoCloseable {

    public static final String ISSUER_ID = "sne";

    private final MockOAuth2Server server;
    private final String issuer;

    private EmbeddedOidcProvider(MockOAuth2Server server, String issuer) {
        this.server = server;
        this.issuer = issuer;
    }

    /** Starts on loopback; {@code port} 0 picks a free port. */
    public static EmbeddedOidcProvider start(int port, Path workDirectory) throws IOException {
        Files.createDirectories(workDirectory);
        Path loginPage = workDirectory.resolve("connexion.html");
        Files.writeString(loginPage, LoginPage.html(Persona.ALL), StandardCharsets.UTF_8);
        OAuth2Config config = new OAuth2Config(true, loginPage.toString(), null, false,
                new OAuth2TokenProvider(), Set.of(new SneTokenCallback()), new NettyWrapper());
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), port);
        int actualPort = server.baseUrl().port();
        return new EmbeddedOidcProvider(server, "http://localhost:" + actualPort + "/" + ISSUER_ID);
    }

    public String issuer() {
        return issuer;
    }

    /** For tests: a client-credentials-like token valid for {@code seconds} (negative: already expired). */
    public String jetonClient(String clientId, long seconds) {
        return server.issueToken(ISSUER_ID, clientId, new DefaultOAuth2TokenCallback(ISSUER_ID, clientId, "JWT",
                List.of(), Map.of("client_id", clientId, "azp", clientId), seconds)).serialize();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Adds {@code client_id}/{@code azp} to client-credentials tokens, as Keycloak does. */
    static final class SneTokenCallback extends DefaultOAuth2TokenCallback {
        SneTokenCallback() {
            super(ISSUER_ID, "anonyme", "JWT", List.of(), Map.of(), 3600);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest tokenRequest) {
            Map<String, Object> claims = new HashMap<>(super.addClaims(tokenRequest));
            if (GrantType.CLIENT_CREDENTIALS.equals(tokenRequest.getAuthorizationGrant().getType())) {
                String clientId = tokenRequest.getClientAuthentication() != null
                        ? tokenRequest.getClientAuthentication().getClientID().getValue()
                        : tokenRequest.getClientID().getValue();
                claims.put("client_id", clientId);
                claims.put("azp", clientId);
            }
            return claims;
        }
    }
}
