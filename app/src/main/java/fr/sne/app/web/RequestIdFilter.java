package fr.sne.app.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * puts it in the logging context of every line the request writes and returns it in the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestIdFilter implements Ordered {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "sne.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of("requestId", id)));
    }

    @ResponseFilter
    void expose(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    static String of(HttpRequest<?> request) {
        return request == null ? null : request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
