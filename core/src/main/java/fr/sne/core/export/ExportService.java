package fr.sne.core.export;

import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Export requests of API clients: creation (one running per client), status, download. */
@Singleton
class ExportService {

    /** The client already has an export waiting or running. */
    static final class DejaEnCours extends RuntimeException {
        private final String id;

        DejaEnCours(String id) {
            super("Export déjà en cours", null, false, false);
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** The export's file: a stream to close, and its size. */
    record Fichier(InputStream contenu, long taille) {
    }

    private final TenantTransactions transactions;
    private final ExportRepository exports;
    private final ValidationExport validation;
    private final ObjectStorage stockage;
    private final AuditTrail audit;
    private final Clock clock;

    ExportService(TenantTransactions transactions, ExportRepository exports, ValidationExport validation, ObjectStorage stockage,
                  AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.exports = exports;
        this.validation = validation;
        this.stockage = stockage;
        this.audit = audit;
        this.clock = clock;
    }

    Export creer(Actor.ClientApi client, DemandeExport demande) {
        String t = client.territoire();
        ValidationExport.Parametres p = validation.valider(t, demande);
        UUID id = UUID.randomUUID();
        try {
            return transactions.inScope(Scope.territoire(t), () -> {
                exports.enCours(t, client.clientId()).ifPresent(autre -> {
                    throw new DejaEnCours(autre.toString());
                });
                exports.inserer(t, id, client.clientId(), client.guichet(), p, clock.instant());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("entites", p.entites().stream().map(Enum::name).toList());
                details.put("etat", p.etat());
                details.put("departements", p.departements());
                details.put("communes", p.communes());
                audit.changement(client, TypeAction.EXPORT, t, "EXPORT", id.toString(), null, details);
                return exports.trouver(t, id, client.clientId()).orElseThrow();
            });
        } catch (RuntimeException e) {
            // two requests at once: the partial unique index lets only one through
            if (violationUnicite(e)) {
                String autre = transactions.inScope(Scope.territoireReadOnly(t), () -> exports.enCours(t, client.clientId()))
                        .map(UUID::toString).orElse(null);
                throw new DejaEnCours(autre);
            }
            throw e;
        }
    }

    Optional<Export> consulter(Actor.ClientApi client, UUID id) {
        String t = client.territoire();
        return transactions.inScope(Scope.territoireReadOnly(t), () -> exports.trouver(t, id, client.clientId()));
    }

    /** The finished export's file; the download is audited (nominative data leave the register). */
    Fichier telecharger(Actor.ClientApi client, Export e) throws Exception {
        InputStream in = stockage.lire(e.cleObjet());
        audit.lecture(client, TypeAction.EXPORT, e.territoire(), "EXPORT", e.id().toString(),
                Map.of("taille", e.taille(), "nombreDemandes", e.nombreDemandes()));
        return new Fichier(in, e.taille());
    }

    private static boolean violationUnicite(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
