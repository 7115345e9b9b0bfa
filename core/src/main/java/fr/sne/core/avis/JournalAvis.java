package fr.sne.core.avis;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notice's sending leaves behind, in the transaction that records it: for a notice that
 * left (e-mail or SMS accepted, letter printed) the system event {@code AVIREN} in the shared
 * history with its GDM movement; for every outcome the audit row.
 */
@Singleton
class JournalAvis {

    /** The notice-sending job, as the audit and the history name it. */
    static final Actor SYSTEME = new Actor.Systeme("avis-renouvellement");
    static final String OBJET = "AVIS_RENOUVELLEMENT";

    private final Journal journal;
    private final AuditTrail audit;

    JournalAvis(Journal journal, AuditTrail audit) {
        this.journal = journal;
        this.audit = audit;
    }

    /** A notice left: event, movement and audit. */
    void parti(Actor actor, String territoire, String numero, long envoi, NatureAvis nature, Canal canal,
               LocalDate echeance, EtatEnvoi avant, EtatEnvoi apres, Map<String, ?> details) {
        journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.AVIS_RENOUVELLEMENT,
                TextesAvis.commentaire(nature, canal, echeance));
        journal.mouvement(territoire, numero, "EVT", List.of(CatalogueEvenements.AVIS_RENOUVELLEMENT));
        changement(actor, territoire, numero, envoi, nature, canal, echeance, avant, apres, details);
    }

    /** Any other outcome (cancelled, uncertain, failed): the audit row. */
    void changement(Actor actor, String territoire, String numero, long envoi, NatureAvis nature, Canal canal,
                    LocalDate echeance, EtatEnvoi avant, EtatEnvoi apres, Map<String, ?> details) {
        Map<String, Object> apresDetails = new LinkedHashMap<>();
        apresDetails.put("envoi", envoi);
        apresDetails.put("nature", nature.name());
        apresDetails.put("canal", canal.name());
        apresDetails.put("echeance", echeance.toString());
        apresDetails.put("etat", apres.name());
        apresDetails.putAll(details);
        audit.changement(actor, TypeAction.MODIFICATION, territoire, OBJET, numero, Map.of("envoi", envoi, "etat", avant.name()),
                apresDetails);
    }
}
