package fr.sne.community.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.community.abonnement.AbonnementRepository;
import fr.sne.community.abonnement.AbonnementRepository.Correspondance;
import fr.sne.community.abonnement.Cible;
import fr.sne.community.abonnement.PreferencesCourriel;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fan-out: turns each event of the outbox into notifications, one transaction per event
 * (claimed with {@code FOR UPDATE SKIP LOCKED}, so two runners never take the same one; a replay
 * never doubles a notification, unique on event and person). Recipients: the subscribers of the
 * event's targets, the people mentioned, the topic's author for a reply, everybody for an
 * important news item; never the event's author; only people who see the space now. Then the
 * immediate mails are sent. Persistent job, every few seconds.
 */
@Singleton
public class Repartition implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(Repartition.class);
    /** The fan-out reads and writes the events and notifications of every space. */

    /** What one run did. */
    public record Bilan(int evenements, int notifications, int courriels) {
    }

    private final TenantTransactions transactions;
    private final NotificationRepository repository;
    private final AbonnementRepository abonnements;
    private final EspaceRepository espaces;
    private final Destinataires destinataires;
    private final EnvoiImmediat envoi;
    private final Clock clock;

    Repartition(TenantTransactions transactions, NotificationRepository repository, AbonnementRepository abonnements,
                EspaceRepository espaces, Destinataires destinataires, EnvoiImmediat envoi, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.abonnements = abonnements;
        this.espaces = espaces;
        this.destinataires = destinataires;
        this.envoi = envoi;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("repartition-notifications", Schedules.fixedDelay(Duration.ofSeconds(5)))
                .execute((instance, context) -> {
                    Bilan bilan = executer();
                    if (bilan.evenements() + bilan.courriels() > 0) {
                        LOG.info("Notifications : {} événement(s) réparti(s), {} notification(s), {} courriel(s) immédiat(s)",
                                bilan.evenements(), bilan.notifications(), bilan.courriels());
                    }
                });
    }

    /** Fans out every waiting event, then sends the due immediate mails; callable from tests. */
    public Bilan executer() {
        int evenements = 0;
        int notifications = 0;
        while (true) {
            Optional<Integer> n = transactions.inScope(Scope.nationalEcriture(), () -> repository.reclamer().map(this::repartir));
            if (n.isEmpty()) {
                break;
            }
            evenements++;
            notifications += n.get();
        }
        return new Bilan(evenements, notifications, envoi.envoyer());
    }

    /** One event, inside its transaction: the notifications, the author's automatic Suivi, done. */
    private int repartir(NotificationRepository.Evenement e) {
        var maintenant = clock.instant();
        Optional<Espace> espace = espaces.parId(e.espaceId());
        int ecrites = 0;
        if (espace.isPresent()) {
            Set<Cible> cibles = cibles(e);
            Map<Long, List<Correspondance>> parPersonne = abonnements.aCibles(cibles).stream()
                    .collect(Collectors.groupingBy(Correspondance::utilisateurId));
            Optional<Long> auteurSujet = e.sujetId() == null ? Optional.empty() : repository.auteurDuSujet(e.sujetId());
            Set<Long> candidats = new LinkedHashSet<>(parPersonne.keySet());
            candidats.addAll(e.mentionnes());
            auteurSujet.ifPresent(candidats::add);
            if (e.type() == EvenementCommunaute.Type.ACTUALITE_IMPORTANTE) {
                candidats.addAll(destinataires.tousActifs());
            }
            if (e.auteurId() != null) {
                candidats.remove(e.auteurId());
            }
            for (long id : candidats) {
                Optional<Actor.Professionnel> personne = destinataires.professionnel(id);
                if (personne.isEmpty() || !destinataires.voit(personne.get(), espace.get())) {
                    continue;
                }
                PreferencesCourriel prefs = abonnements.preferences(id);
                Optional<ReglesNotification.Decision> d = ReglesNotification.decider(e.type(), parPersonne.getOrDefault(id, List.of()),
                        e.mentionnes().contains(id), auteurSujet.map(a -> a == id).orElse(false), prefs.courriels());
                if (d.isPresent() && repository.inserer(e, id, d.get(), maintenant)) {
                    ecrites++;
                }
            }
            // creating or replying to a topic: its author follows it (Suivi) unless they chose otherwise
            if (e.auteurId() != null && e.sujetId() != null
                    && (e.type() == EvenementCommunaute.Type.SUJET || e.type() == EvenementCommunaute.Type.REPONSE)) {
                abonnements.suivreParDefaut(e.auteurId(), Cible.sujet(e.sujetId()), e.titre(), e.url(), maintenant);
            }
        }
        repository.marquerTraite(e.id(), maintenant);
        return ecrites;
    }

    static Set<Cible> cibles(NotificationRepository.Evenement e) {
        List<Cible> cibles = new ArrayList<>();
        cibles.add(Cible.espace(e.espaceId()));
        if (e.categorieId() != null) {
            cibles.add(Cible.categorie(e.categorieId()));
        }
        if (e.sujetId() != null) {
            cibles.add(Cible.sujet(e.sujetId()));
        }
        e.tags().forEach(t -> Cible.lire("tag:" + t).ifPresent(cibles::add));
        return Set.copyOf(cibles);
    }
}
