package fr.sne.community.assistance.sla;

import fr.sne.community.assistance.Ticket;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tickets' service levels now (the injected clock), from the settings in the database. */
@Singleton
public class NiveauxDeService {

    private final TenantTransactions transactions;
    private final ReglagesAssistance reglages;
    private final Clock clock;

    NiveauxDeService(TenantTransactions transactions, ReglagesAssistance reglages, Clock clock) {
        this.transactions = transactions;
        this.reglages = reglages;
        this.clock = clock;
    }

    /** The state of each ticket, by id (settings read once). */
    public Map<Long, EtatSla> etats(Collection<Ticket> tickets) {
        record Reglages(CalendrierOuvre calendrier, Map<Long, Map<fr.sne.community.assistance.Priorite, ObjectifSla>> objectifs) {
        }
        Reglages r = transactions.inScope(Scope.nationalReadOnly(), () -> new Reglages(reglages.calendrier(), reglages.objectifs()));
        Instant maintenant = clock.instant();
        Map<Long, EtatSla> etats = new LinkedHashMap<>();
        for (Ticket t : tickets) {
            ObjectifSla objectif = ReglagesAssistance.objectif(r.objectifs(), t.typeId(), t.priorite());
            // a closed ticket without resolution date (closed by hand) counts as resolved when closed
            Instant resolu = t.resoluLe() != null ? t.resoluLe() : t.termineLe();
            etats.put(t.id(), EtatSla.de(r.calendrier(), objectif, t.creeLe(), t.premiereReponseLe(), resolu, maintenant));
        }
        return etats;
    }
}
