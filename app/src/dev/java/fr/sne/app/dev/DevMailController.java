package fr.sne.app.dev;

import fr.sne.devservices.CaughtMail;
import fr.sne.devservices.EmbeddedMailServer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Development only: the mails the embedded SMTP server caught (exists only with that server). */
@Controller("/dev/mails")
@Requires(beans = EmbeddedMailServer.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class DevMailController {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("d MMMM yyyy à HH:mm:ss", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final EmbeddedMailServer mailServer;

    DevMailController(EmbeddedMailServer mailServer) {
        this.mailServer = mailServer;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        List<Map<String, Object>> mails = mailServer.mails().stream().map(DevMailController::view).toList();
        return new ModelAndView<>("dev/courriels", new HashMap<>(Map.of("mails", mails)));
    }

    @Get("/{id}")
    HttpResponse<?> show(@PathVariable int id) {
        return mailServer.mails().stream().filter(m -> m.id() == id).findFirst()
                .<HttpResponse<?>>map(m -> HttpResponse.ok(
                        new ModelAndView<>("dev/courriel", new HashMap<>(Map.of("mail", view(m))))))
                .orElseGet(HttpResponse::notFound);
    }

    private static Map<String, Object> view(CaughtMail m) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", m.id());
        view.put("from", m.from());
        view.put("to", m.to());
        view.put("subject", m.subject());
        view.put("sentAt", m.sentAt() == null ? "" : FORMAT.format(m.sentAt()));
        view.put("body", m.body());
        return view;
    }
}
