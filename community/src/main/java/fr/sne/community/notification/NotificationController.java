package fr.sne.community.notification;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.ProtectionCsrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The notifications page: unread first, mark one or all read. */
@Controller("/communaute/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ProtectionCsrf
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class NotificationController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Get
    ModelAndView<Map<String, Object>> liste(HttpRequest<?> request, @Nullable @QueryValue String message) {
        Actor.Professionnel actor = Acces.professionnel(request);
        List<Notification> liste = notifications.lister(actor);
        Map<String, Object> model = new HashMap<>();
        model.put("currentNav", "communaute");
        model.put("nonLues", liste.stream().filter(n -> !n.lue()).toList());
        model.put("lues", liste.stream().filter(Notification::lue).toList());
        model.put("dates", liste.stream().collect(java.util.stream.Collectors.toMap(n -> n.id(), n -> DATE.format(n.creeLe()))));
        model.put("message", "lues".equals(message) ? "Toutes vos notifications sont marquées comme lues." : null);
        return new ModelAndView<>("communaute/notifications/liste", model);
    }

    @Post("/{id}/lue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> lue(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        notifications.marquerLues(Acces.professionnel(request), id);
        return HttpResponse.seeOther(URI.create("/communaute/notifications"));
    }

    @Post("/lues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> toutesLues(HttpRequest<?> request, @Body Map<String, String> form) {
        notifications.marquerLues(Acces.professionnel(request), null);
        return HttpResponse.seeOther(URI.create("/communaute/notifications?message=lues"));
    }
}
