package fr.sne.core.avis;

import fr.sne.core.attestation.AttestationService;
import fr.sne.core.attestation.ContenuAttestation;
import fr.sne.documents.pdf.GabaritsPdf;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The renewal letters (simple first notices by post and registered last notices): one batch per
 * desk — the applications it registered — and one for the territory — those registered through
 * the portal's desk. Printing a batch marks its letters printed in one statement (two people
 * printing at once never get the same letter), records each as a notice sent (event
 * {@code AVIREN}, movement, audit), and gives one PDF/A to print, one letter a page, with the
 * applicant's address in the envelope window; a batch can be downloaded again.
 */
@Singleton
public class CourriersAvisService {

    /** Letters per batch: one PDF stays printable in one go. */
    static final int TAILLE_LOT = 500;
    private static final int AFFICHES = 500;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A waiting letter as the list shows it. */
    public record Courrier(String numero, String numeroLisible, String demandeur, String commune, boolean adresseComplete,
                           String nature, String canal, boolean recommande, String echeance, String pile, String depuis) {
    }

    /** A waiting batch: its form value, its name and its size. */
    public record Pile(String valeur, String libelle, int nombre) {
    }

    /** A printed batch. */
    public record Lot(String id, String imprimeLe, String imprimePar, String pile, int nombre) {
    }

    /** The page: waiting letters (the first {@value #AFFICHES}), the batches waiting and the latest printed. */
    public record FileAttente(AvisPolicy.Portee portee, List<Courrier> courriers, int total, List<Pile> piles, List<Lot> lots) {
    }

    /** A printed batch's id and size; {@code nombre} 0 when nothing was waiting. */
    public record Impression(UUID lot, int nombre, int restants) {
    }

    /** One letter of the PDF: the applicant's attestation content (address, desk), its kind and deadline. */
    public record Lettre(ContenuAttestation a, boolean recommande, String echeance, String dateLettre, String portail) {
    }

    private final TenantTransactions transactions;
    private final AvisRepository avis;
    private final AvisPolicy policy;
    private final AttestationService attestations;
    private final GabaritsPdf gabarits;
    private final TextesAvis textes;
    private final JournalAvis journal;
    private final AuditTrail audit;
    private final Clock clock;

    CourriersAvisService(TenantTransactions transactions, AvisRepository avis, AvisPolicy policy,
                         AttestationService attestations, GabaritsPdf gabarits, TextesAvis textes, JournalAvis journal,
                         AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.avis = avis;
        this.policy = policy;
        this.attestations = attestations;
        this.gabarits = gabarits;
        this.textes = textes;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
    }

    /** The actor's waiting letters (names and communes of applicants: the read is audited). */
    public FileAttente file(Actor actor) {
        AvisPolicy.Portee portee = policy.portee(actor);
        AvisRepository.Selection selection = selection(portee);
        FileAttente file = transactions.inScope(Scope.territoireReadOnly(portee.territoire()), () -> {
            List<Pile> piles = avis.piles(selection).stream().map(CourriersAvisService::pile).toList();
            return new FileAttente(portee, avis.aImprimer(selection, AFFICHES).stream().map(CourriersAvisService::courrier).toList(),
                    piles.stream().mapToInt(Pile::nombre).sum(), piles,
                    avis.lots(selection, 10).stream().map(CourriersAvisService::lot).toList());
        });
        if (!file.courriers().isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, portee.territoire(), "COURRIERS_RENOUVELLEMENT", portee.guichet(),
                    Map.of("nombre", file.courriers().size()));
        }
        return file;
    }

    /**
     * Takes the waiting letters of one batch (up to {@value #TAILLE_LOT}) into a new printed
     * batch, recording each as a notice sent by the actor, in one transaction.
     */
    public Impression imprimer(Actor actor, String pileDemandee) {
        AvisPolicy.Portee portee = policy.portee(actor);
        String guichet = policy.pile(portee, pileDemandee);
        UUID lot = UUID.randomUUID();
        String par = actor instanceof Actor.Professionnel p ? p.email() : "inconnu";
        Instant maintenant = clock.instant();
        LocalDate aujourdhui = maintenant.atZone(PARIS).toLocalDate();
        return transactions.inScope(Scope.territoire(portee.territoire()), () -> {
            List<AvisRepository.Imprime> imprimes = avis.marquerImprimes(portee.territoire(), guichet, lot, par, maintenant,
                    aujourdhui, TAILLE_LOT);
            for (AvisRepository.Imprime i : imprimes) {
                journal.parti(actor, portee.territoire(), i.numero(), i.id(), i.nature(), i.canal(), i.echeance(),
                        EtatEnvoi.A_IMPRIMER, EtatEnvoi.IMPRIME, Map.of("lot", lot.toString()));
            }
            int restants = avis.piles(new AvisRepository.Selection(portee.territoire(), false, guichet)).stream()
                    .mapToInt(AvisRepository.Pile::nombre).sum();
            return new Impression(lot, imprimes.size(), restants);
        });
    }

    /** The PDF of a batch within the actor's reach: each letter on its own page; 404 otherwise. */
    public byte[] pdf(Actor actor, UUID lot) {
        AvisPolicy.Portee portee = policy.portee(actor);
        List<AvisRepository.Courrier> courriers = transactions.inScope(Scope.territoireReadOnly(portee.territoire()),
                () -> avis.duLot(selection(portee), lot));
        if (courriers.isEmpty()) {
            throw new Refus(HttpStatus.NOT_FOUND, "Aucun lot de courriers de renouvellement " + lot + " pour votre guichet.");
        }
        audit.lecture(actor, TypeAction.EXPORT, portee.territoire(), "LOT_COURRIERS_RENOUVELLEMENT", lot.toString(),
                Map.of("nombre", courriers.size()));
        List<Lettre> lettres = new ArrayList<>();
        for (AvisRepository.Courrier c : courriers) {
            String date = TextesAvis.date((c.imprimeLe() == null ? clock.instant() : c.imprimeLe()).atZone(PARIS).toLocalDate());
            attestations.lire(portee.territoire(), c.numero()).map(attestations::contenu).ifPresent(a ->
                    lettres.add(new Lettre(a, c.canal() == Canal.RECOMMANDE, TextesAvis.date(c.echeance()), date, textes.portail())));
        }
        return gabarits.pdfA("avis-renouvellement", Map.of("lettres", lettres, "nombre", lettres.size()));
    }

    private static AvisRepository.Selection selection(AvisPolicy.Portee portee) {
        return new AvisRepository.Selection(portee.territoire(), portee.guichet() == null, portee.guichet());
    }

    private static String nomPile(String guichet, String guichetNom) {
        return guichet == null ? "Demandes en ligne (lot du territoire)"
                : (guichetNom == null ? "Guichet " + guichet : guichetNom) + " (" + guichet + ")";
    }

    private static Pile pile(AvisRepository.Pile p) {
        return new Pile(p.guichet() == null ? AvisPolicy.PILE_TERRITOIRE : p.guichet(), nomPile(p.guichet(), p.guichetNom()),
                p.nombre());
    }

    private static Courrier courrier(AvisRepository.Courrier c) {
        String nom = TextesAvis.nomComplet(c.prenoms(), c.nom());
        String commune = ((c.codePostal() == null ? "" : c.codePostal() + " ") + (c.commune() == null ? "" : c.commune())).strip();
        return new Courrier(c.numero(), TextesAvis.numeroLisible(c.numero()), nom.isEmpty() ? "—" : nom,
                commune.isEmpty() ? "—" : commune, c.adresseComplete(), c.nature().getLibelle(), c.canal().getLibelle(),
                c.canal() == Canal.RECOMMANDE, TextesAvis.dateCourte(c.echeance()), nomPile(c.guichet(), c.guichetNom()),
                TextesAvis.horodatage(c.depuis()));
    }

    private static Lot lot(AvisRepository.Lot l) {
        return new Lot(l.id().toString(), TextesAvis.horodatage(l.imprimeLe()), l.imprimePar(), nomPile(l.guichet(), l.guichetNom()),
                l.nombre());
    }
}
