package fr.sne.app.dev;

import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Development only: the SMS the default run's operator ({@link BoiteSms}) received, newest first. */
@Controller("/dev/sms")
@Requires(beans = BoiteSms.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DevSmsController {

    private static final int AFFICHES = 200;
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("d MMMM yyyy à HH:mm:ss", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    DevSmsController(TenantTransactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Get
    ModelAndView<Map<String, Object>> list() {
        List<Map<String, Object>> sms = transactions.inScope(Scope.nationalReadOnly(), () -> jdbc.prepareStatement("""
                SELECT territoire, destinataire, texte, recu_le, cle_idempotence FROM boite_sms
                 ORDER BY recu_le DESC, id DESC LIMIT ?""", ps -> {
            ps.setInt(1, AFFICHES);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> list = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> m = new HashMap<>();
                    m.put("territoire", rs.getString(1));
                    m.put("destinataire", rs.getString(2));
                    m.put("texte", rs.getString(3));
                    m.put("recuLe", FORMAT.format(rs.getTimestamp(4).toInstant()));
                    m.put("cle", rs.getString(5));
                    list.add(m);
                }
                return list;
            }
        }));
        return new ModelAndView<>("dev/sms", new HashMap<>(Map.of("sms", sms, "affiches", AFFICHES)));
    }
}
