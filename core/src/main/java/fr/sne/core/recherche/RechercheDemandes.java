package fr.sne.core.recherche;

import fr.sne.core.demande.Cles;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finding applications of a territory on their indexed columns, one page at a time, and
 * exporting every result as CSV or XLSX streamed from a database cursor. Each query is scoped
 * twice: {@code territoire = ?} in the SQL and a read-only transaction in that territory (RLS).
 * Pages and exports are audited (reads of nominative data).
 */
@Singleton
public class RechercheDemandes {

    /**
     * Counting stops here: "more than 1 000, refine or export" tells as much, and stays cheap
     * (a popular commune counted to 10 000 took 170–200 ms on 200 000 applications, to 1 000 20 ms).
     */
    static final long PLAFOND_COMPTE = 1_000;
    /** An export holds at most what one spreadsheet sheet can (header included). */
    public static final long LIMITE_EXPORT = TableurXlsx.LIGNES_MAX - 1;
    private static final Pattern CODE_COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Logger LOG = LoggerFactory.getLogger(RechercheDemandes.class);

    private final TenantTransactions transactions;
    private final RechercheRepository repository;
    private final RecherchePolicy policy;
    private final AuditTrail audit;
    private final Geographie geographie;
    private final Territoires territoires;
    private final Executor executeur;
    private final Clock clock;

    RechercheDemandes(TenantTransactions transactions, RechercheRepository repository, RecherchePolicy policy, AuditTrail audit,
                      Geographie geographie, Territoires territoires, @Named(TaskExecutors.BLOCKING) Executor executeur,
                      Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.geographie = geographie;
        this.territoires = territoires;
        this.executeur = executeur;
        this.clock = clock;
    }

    /**
     * The territory the actor searches in, after the permission check: a territorial profile's
     * own; for a national profile the one it names, or empty while it has not chosen one.
     */
    public Optional<String> territoire(Actor actor, String choisi) {
        var h = Perimetre.habilitation(actor).orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Aucune habilitation active"));
        String territoire = h.scope().national() ? choisi : h.territoire();
        Acces.exiger(policy.decider(actor, ActionRecherche.RECHERCHER, territoire));
        if (territoire != null && h.scope().national() && transactions.withoutScope(() -> territoires.trouver(territoire)).isEmpty()) {
            throw new Refus(HttpStatus.NOT_FOUND, "Territoire inconnu");
        }
        return Optional.ofNullable(territoire);
    }

    /** Whether the actor works nationally (and so names a territory). */
    public static boolean national(Actor actor) {
        return Perimetre.habilitation(actor).map(h -> h.scope().national()).orElse(false);
    }

    /** Every territory, for a national profile's choice. */
    public List<Territoire> territoires() {
        return transactions.withoutScope(territoires::lister);
    }

    /** The territory's desks (code → label), for the desk filter. */
    public Map<String, String> guichets(String territoire) {
        return transactions.inScope(Scope.territoireReadOnly(territoire), () -> repository.guichets(territoire));
    }

    /**
     * The INSEE code of a typed commune: a code as it is (if it exists), or a name of the
     * territory (case and accents ignored); otherwise an error under {@code commune}.
     */
    public Optional<String> commune(String territoire, String saisie, Map<String, String> erreurs) {
        if (saisie == null) {
            return Optional.empty();
        }
        String texte = saisie.strip().toUpperCase(java.util.Locale.ROOT);
        if (CODE_COMMUNE.matcher(texte).matches()) {
            if (transactions.withoutScope(() -> geographie.communeExiste(texte))) {
                return Optional.of(texte);
            }
            erreurs.put("commune", "Aucune commune n’a le code INSEE " + texte + ".");
            return Optional.empty();
        }
        List<String> departements = transactions.withoutScope(() -> territoires.trouver(territoire))
                .map(Territoire::departements).orElse(List.of());
        List<Commune> trouvees = transactions.withoutScope(() -> geographie.rechercher(saisie, 50)).stream()
                .filter(c -> departements.contains(c.departement())).toList();
        List<Commune> exactes = trouvees.stream().filter(c -> Cles.cle(c.nom()).equals(Cles.cle(saisie))).toList();
        if (exactes.size() == 1) {
            return Optional.of(exactes.getFirst().code());
        }
        if (exactes.isEmpty() && trouvees.size() == 1) {
            return Optional.of(trouvees.getFirst().code());
        }
        if (trouvees.isEmpty()) {
            erreurs.put("commune", "Aucune commune du territoire ne s’appelle « " + saisie.strip() + " » : indiquez son code INSEE.");
        } else {
            List<Commune> choix = exactes.isEmpty() ? trouvees : exactes;
            erreurs.put("commune", "Plusieurs communes correspondent (" + choix.stream().limit(5)
                    .map(c -> c.nom() + " : " + c.code()).collect(Collectors.joining(", "))
                    + (choix.size() > 5 ? "…" : "") + ") : indiquez le code INSEE.");
        }
        return Optional.empty();
    }

    /** One page of results, audited with the numbers shown. */
    public Resultats rechercher(Actor actor, Criteres c) {
        String territoire = c.territoire();
        Acces.exiger(policy.decider(actor, ActionRecherche.RECHERCHER, territoire));
        Requete r = Requete.de(c, aujourdhui(), c.delaiAnormalementLong() == null ? 0 : delai(territoire));
        long decalage = (long) (c.page() - 1) * c.parPage();
        Resultats resultats = trop(() -> transactions.inScope(Scope.territoireReadOnly(territoire), () -> {
            repository.borner(DUREE_PAGE);
            long total = repository.compter(r, PLAFOND_COMPTE);
            List<LigneDemande> lignes = decalage < PLAFOND_COMPTE ? repository.page(r, c.parPage(), decalage) : List.of();
            Set<String> codes = new LinkedHashSet<>();
            lignes.forEach(l -> codes.addAll(l.communesSouhaitees()));
            return new Resultats(lignes, total, PLAFOND_COMPTE, c.page(), c.parPage(), repository.nomsCommunes(codes));
        }));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recherche", "DEMANDES");
        details.put("criteres", c.resume());
        details.put("page", c.page());
        details.put("numeros", resultats.lignes().stream().map(LigneDemande::numeroUnique).toList());
        audit.lecture(actor, TypeAction.LECTURE, territoire, "DEMANDE", null, details);
        return resultats;
    }

    /**
     * Every result (up to {@link #LIMITE_EXPORT}) as a spreadsheet, streamed: a producer reads the
     * cursor in a read-only transaction of the territory and writes each row into a bounded pipe
     * the response reads. The export is audited before the first byte leaves.
     */
    public InputStream exporter(Actor actor, Criteres c, FormatExport format) {
        String territoire = c.territoire();
        Acces.exiger(policy.decider(actor, ActionRecherche.EXPORTER, territoire));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.name());
        details.put("criteres", c.resume());
        audit.lecture(actor, TypeAction.EXPORT, territoire, "DEMANDE", null, details);
        Requete r = Requete.de(c, aujourdhui(), c.delaiAnormalementLong() == null ? 0 : delai(territoire));
        Tuyau tuyau = new Tuyau();
        executeur.execute(() -> {
            try {
                FormatExport.Tableur tableur = format.ouvrir(tuyau.sortie());
                tableur.ligne(ColonnesExport.ENTETE, true);
                long lignes = transactions.inScope(Scope.territoireReadOnly(territoire), () -> {
                    repository.borner(DUREE_LOT_EXPORT);
                    return repository.parcourir(r, LIMITE_EXPORT, l -> tableur.ligne(ColonnesExport.valeurs(l), false));
                });
                tableur.close();
                LOG.info("Export {} du territoire {} : {} demandes", format, territoire, lignes);
            } catch (Exception e) {
                // the response is already under way: it ends short, and the reader sees an I/O error
                LOG.warn("Export {} du territoire {} interrompu : {}", format, territoire, e.toString());
                tuyau.echouer(e);
            }
        });
        return tuyau.entree();
    }

    /** A page that takes longer than this is refused: the criteria are too broad for the plan found. */
    static final java.time.Duration DUREE_PAGE = java.time.Duration.ofSeconds(15);
    /** Each round trip of an export's cursor (the first one sorts). */
    static final java.time.Duration DUREE_LOT_EXPORT = java.time.Duration.ofMinutes(2);

    /** Thrown when PostgreSQL cancelled a search that ran too long. */
    public static final class RechercheTropLongue extends RuntimeException {
        RechercheTropLongue(Throwable cause) {
            super("Recherche trop longue", cause, false, false);
        }
    }

    /** Runs the work; a statement cancelled by statement_timeout (SQLSTATE 57014) becomes {@link RechercheTropLongue}. */
    private static <T> T trop(java.util.function.Supplier<T> travail) {
        try {
            return travail.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                    throw new RechercheTropLongue(e);
                }
            }
            throw e;
        }
    }

    /** The territory's "délai anormalement long", in months (read by the filter of that name). */
    private int delai(String territoire) {
        return transactions.withoutScope(() -> territoires.trouver(territoire)).map(Territoire::delaiAnormalementLongMois)
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Territoire inconnu"));
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }
}
