package fr.sne.core.evenement;

import fr.sne.core.demande.DemandeJson;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The derived indicators of one application ({@link IndicateursDerives}), for professionals. */
@Singleton
public class IndicateursDemande {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * @param delaiMois              the territory's "délai anormalement long"
     * @param delaiAtteintLe         the day the application's age reaches it
     * @param delaiAnormalementLong  an active application whose age reached it, or will within 3 months
     * @param attributionsSansBail   conditional attributions no lease followed
     */
    public record Indicateurs(int delaiMois, LocalDate delaiAtteintLe, boolean delaiAtteint, boolean delaiAnormalementLong,
                              long attributionsSansBail, boolean attributionsMultiples) {
    }

    private final TenantTransactions transactions;
    private final EvenementRepository evenements;
    private final GestionPartageePolicy policy;
    private final Territoires territoires;
    private final Clock clock;

    IndicateursDemande(TenantTransactions transactions, EvenementRepository evenements, GestionPartageePolicy policy,
                       Territoires territoires, Clock clock) {
        this.transactions = transactions;
        this.evenements = evenements;
        this.policy = policy;
        this.territoires = territoires;
        this.clock = clock;
    }

    /** The indicators of an application the actor may read the priority data of (counts only: not audited as a read). */
    public Indicateurs pour(Actor actor, DemandeJson.Demande demande) {
        Acces.exiger(policy.decider(actor, ActionGestionPartagee.CONSULTER_PRIORITE, demande.territoire()));
        LocalDate aujourdhui = LocalDate.now(clock.withZone(PARIS));
        return transactions.inScope(Scope.lecture(EvenementService.scope(actor)), () -> {
            int delai = territoires.trouver(demande.territoire()).map(Territoire::delaiAnormalementLongMois).orElseThrow();
            List<Evenement> liste = evenements.lister(demande.territoire(), demande.numeroUnique());
            long sansBail = IndicateursDerives.attributionsSousConditionSansBail(liste);
            LocalDate atteintLe = IndicateursDerives.delaiAtteintLe(demande.dateDepot(), delai);
            boolean actif = "ACTIVE".equals(demande.etat());
            return new Indicateurs(delai, atteintLe, !atteintLe.isAfter(aujourdhui),
                    actif && IndicateursDerives.delaiAnormalementLong(demande.dateDepot(), aujourdhui, delai),
                    sansBail, sansBail >= IndicateursDerives.ATTRIBUTIONS_MULTIPLES);
        });
    }
}
