package fr.sne.tenants.web;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.csrf.CsrfConfiguration;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * Checks the double-submit CSRF token once the form is bound (the framework's body-reading
 * filter misbehaves on error responses with this Micronaut version, so its filter is off and
 * only its sign-in cookie is used).
 */
@Singleton
@InterceptorBean(ProtectionCsrf.class)
class CsrfInterceptor implements MethodInterceptor<Object, Object> {

    private static final Set<HttpMethod> SURES = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final CsrfConfiguration configuration;

    CsrfInterceptor(CsrfConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        if (request == null || SURES.contains(request.getMethod())) {
            return context.proceed();
        }
        String attendu = request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue).orElse(null);
        String recu = request.getHeaders().get(configuration.getHeaderName());
        if (recu == null) {
            for (Object argument : context.getParameterValues()) {
                if (argument instanceof Map<?, ?> form && form.get(configuration.getFieldName()) instanceof String token) {
                    recu = token;
                }
            }
        }
        // multipart forms (file uploads) bind the field as a parameter of its own name
        if (recu == null && context.getParameters().get(configuration.getFieldName()) != null
                && context.getParameters().get(configuration.getFieldName()).getValue() instanceof String token) {
            recu = token;
        }
        if (attendu == null || attendu.isEmpty() || recu == null
                || !MessageDigest.isEqual(attendu.getBytes(StandardCharsets.UTF_8), recu.getBytes(StandardCharsets.UTF_8))) {
            throw new Refus(HttpStatus.FORBIDDEN,
                    "Le formulaire a expiré ou ne provient pas de ce site : rechargez la page et recommencez.");
        }
        return context.proceed();
    }
}
