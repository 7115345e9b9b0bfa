package fr.sne.core.attestation;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.documents.pdf.GabaritsPdf;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registration attestations as PDF/A documents, from the templates of frontend-templates.
 * <ul>
 * <li>professionals and vendors' systems: {@link #telecharger}, with the application's reading
 * rule (404 outside the territory, 403 for a profile that may not read it) and its audit;</li>
 * <li>the applicant's portal: {@link #pourDemandeur}, once the portal has checked that the
 * application is the signed-in applicant's;</li>
 * <li>the sending job and the postal batches: {@link #rendre}.</li>
 * </ul>
 */
@Singleton
public class AttestationService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantTransactions transactions;
    private final DemandeService demandes;
    private final AttestationRepository repository;
    private final Redaction redaction;
    private final Territoires territoires;
    private final GabaritsPdf gabarits;
    private final AuditTrail audit;
    private final Clock clock;

    AttestationService(TenantTransactions transactions, DemandeService demandes, AttestationRepository repository,
                       Redaction redaction, Territoires territoires, GabaritsPdf gabarits, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.demandes = demandes;
        this.repository = repository;
        this.redaction = redaction;
        this.territoires = territoires;
        this.gabarits = gabarits;
        this.audit = audit;
        this.clock = clock;
    }

    /** The attestation of an application the actor may read (the read is audited); 404/403 otherwise. */
    public byte[] telecharger(Actor actor, String numero, TypeAttestation type) {
        return rendre(demandes.consulter(actor, numero), type);
    }

    /**
     * The attestation for the applicant on the portal. The caller has already checked that the
     * application belongs to this signed-in applicant; the read is audited here.
     */
    public byte[] pourDemandeur(Actor.Particulier demandeur, DemandeJson.Demande demande, TypeAttestation type) {
        audit.lecture(demandeur, TypeAction.LECTURE, demande.territoire(), "DEMANDE", demande.numeroUnique(),
                Map.of("document", "ATTESTATION_" + type.name()));
        return rendre(demande, type);
    }

    /** Renders an application already read and authorised by the caller (no check, no audit here). */
    public byte[] rendre(DemandeJson.Demande demande, TypeAttestation type) {
        return rendre(contenu(demande), type);
    }

    byte[] rendre(ContenuAttestation contenu, TypeAttestation type) {
        return gabarits.pdfA(type.gabarit(), Map.of("a", contenu));
    }

    /** One PDF of letters: each one the address block and the simplified attestation, on its own page. */
    byte[] lettres(List<ContenuAttestation> lettres) {
        return gabarits.pdfA("courriers", Map.of("lettres", lettres, "nombre", Format.nombre(lettres.size())));
    }

    /** The worded content of an application's attestation, with its territory's reference data (letters reuse it). */
    public ContenuAttestation contenu(DemandeJson.Demande d) {
        Redaction.References references = transactions.inScope(Scope.territoireReadOnly(d.territoire()), () -> references(d));
        return redaction.rediger(d, references, LocalDate.now(clock.withZone(PARIS)));
    }

    /** An application read by the platform itself (sending job, postal batches), in its territory. */
    public Optional<DemandeJson.Demande> lire(String territoire, String numero) {
        return transactions.inScope(Scope.territoireReadOnly(territoire), () -> repository.demande(territoire, numero));
    }

    private Redaction.References references(DemandeJson.Demande d) {
        DemandeJson.Contenu c = d.contenu();
        List<String> souhaitees = c.logementRecherche() == null || c.logementRecherche().communesSouhaitees() == null
                ? List.of() : c.logementRecherche().communesSouhaitees();
        List<String> communes = new ArrayList<>(souhaitees);
        if (c.demandeur() != null && c.demandeur().adresse() != null && c.demandeur().adresse().communeInsee() != null) {
            communes.add(c.demandeur().adresse().communeInsee());
        }
        AttestationRepository.GuichetLu guichet = repository.guichet(d.guichetEnregistreur())
                .orElse(new AttestationRepository.GuichetLu(d.guichetEnregistreur(), "Guichet " + d.guichetEnregistreur(),
                        null, null, null, null));
        return new Redaction.References(territoires.trouver(d.territoire()).orElseThrow(), guichet,
                repository.commission(d.territoire()), repository.patrimoine(d.territoire(), souhaitees),
                repository.communes(communes));
    }
}
