package fr.sne.core.attestation;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The postal queue of attestations: desks print their letters, territorial managers those of
 * the whole territory, as one PDF per batch. Printing a batch marks its letters printed (audited);
 * a batch can be downloaded again.
 */
@Singleton
public class CourrierService {

    /** Letters per batch: one PDF stays printable in one go. */
    static final int TAILLE_LOT = 500;
    private static final int AFFICHES = 500;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH'h'mm").withZone(PARIS);

    /** A waiting letter as the list shows it. */
    public record Courrier(String numero, String numeroLisible, String demandeur, String commune, boolean adresseComplete,
                           String guichet, String motif, String raison, String depuis) {
    }

    /** A printed batch. */
    public record Lot(String id, String imprimeLe, String imprimePar, int nombre) {
    }

    /** The queue page: waiting letters (the first {@value #AFFICHES}), their total and the latest batches. */
    public record FileAttente(AttestationPolicy.PorteeCourriers portee, List<Courrier> courriers, int total, List<Lot> lots) {
    }

    /** A printed batch's id and size; {@code nombre} 0 when nothing was waiting. */
    public record Impression(UUID lot, int nombre, int restants) {
    }

    private final TenantTransactions transactions;
    private final EnvoiRepository envois;
    private final AttestationService attestations;
    private final AttestationPolicy policy;
    private final AuditTrail audit;

    CourrierService(TenantTransactions transactions, EnvoiRepository envois, AttestationService attestations,
                    AttestationPolicy policy, AuditTrail audit) {
        this.transactions = transactions;
        this.envois = envois;
        this.attestations = attestations;
        this.policy = policy;
        this.audit = audit;
    }

    /** The actor's waiting letters (names and communes of applicants: the read is audited). */
    public FileAttente file(Actor actor) {
        AttestationPolicy.PorteeCourriers portee = policy.portee(actor);
        FileAttente file = transactions.inScope(Scope.territoireReadOnly(portee.territoire()), () -> new FileAttente(portee,
                envois.aImprimer(portee, AFFICHES).stream().map(CourrierService::courrier).toList(),
                envois.nombreAImprimer(portee), envois.lots(portee, 10).stream().map(CourrierService::lot).toList()));
        if (!file.courriers().isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, portee.territoire(), "COURRIERS_ATTESTATION", portee.guichet(),
                    Map.of("nombre", file.courriers().size()));
        }
        return file;
    }

    /**
     * Takes the waiting letters (up to {@value #TAILLE_LOT}) into a new batch, marked printed by
     * the actor, with the audit row, in one transaction.
     */
    public Impression imprimer(Actor actor) {
        AttestationPolicy.PorteeCourriers portee = policy.portee(actor);
        UUID lot = UUID.randomUUID();
        String par = actor instanceof Actor.Professionnel p ? p.email() : "inconnu";
        return transactions.inScope(Scope.territoire(portee.territoire()), () -> {
            List<String> numeros = envois.marquerImprimes(portee, lot, par, TAILLE_LOT);
            if (!numeros.isEmpty()) {
                audit.changement(actor, TypeAction.MODIFICATION, portee.territoire(), "LOT_COURRIERS", lot.toString(), null,
                        Map.of("nombre", numeros.size(), "numeros", numeros,
                                "guichet", portee.guichet() == null ? "tous" : portee.guichet()));
            }
            return new Impression(lot, numeros.size(), envois.nombreAImprimer(portee));
        });
    }

    /** The PDF of a batch within the actor's reach: each letter on its own page; 404 otherwise. */
    public byte[] pdf(Actor actor, UUID lot) {
        AttestationPolicy.PorteeCourriers portee = policy.portee(actor);
        List<EnvoiRepository.Courrier> lettres = transactions.inScope(Scope.territoireReadOnly(portee.territoire()),
                () -> envois.duLot(portee, lot));
        if (lettres.isEmpty()) {
            throw new Refus(HttpStatus.NOT_FOUND, "Aucun lot de courriers " + lot + " pour votre guichet.");
        }
        audit.lecture(actor, TypeAction.EXPORT, portee.territoire(), "LOT_COURRIERS", lot.toString(),
                Map.of("nombre", lettres.size()));
        List<ContenuAttestation> contenus = new ArrayList<>();
        for (EnvoiRepository.Courrier c : lettres) {
            attestations.lire(portee.territoire(), c.numero()).map(attestations::contenu).ifPresent(contenus::add);
        }
        return attestations.lettres(contenus);
    }

    private static Courrier courrier(EnvoiRepository.Courrier c) {
        String nom = ((c.prenoms() == null ? "" : c.prenoms().strip()) + " "
                + (c.nom() == null ? "" : c.nom().strip().toUpperCase(java.util.Locale.FRENCH))).strip();
        String commune = ((c.codePostal() == null ? "" : c.codePostal() + " ") + (c.commune() == null ? "" : c.commune())).strip();
        return new Courrier(c.numero(), Format.numero(c.numero()), nom.isEmpty() ? "—" : nom, commune.isEmpty() ? "—" : commune,
                c.adresseComplete(), c.guichetNom() == null ? c.guichet() : c.guichetNom() + " (" + c.guichet() + ")",
                c.motif().getLibelle(), c.raison().getLibelle(), horodatage(c.depuis()));
    }

    private static Lot lot(EnvoiRepository.Lot l) {
        return new Lot(l.id().toString(), horodatage(l.imprimeLe()), l.imprimePar(), l.nombre());
    }

    private static String horodatage(Instant instant) {
        return Format.date(instant.atZone(PARIS).toLocalDate()) + " à " + HEURE.format(instant);
    }
}
