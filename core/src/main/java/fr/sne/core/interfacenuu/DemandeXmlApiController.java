package fr.sne.core.interfacenuu;

import fr.sne.core.cycle.CycleService;
import fr.sne.core.cycle.DemandeRadiation;
import fr.sne.core.cycle.RadiationInvalide;
import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.DoublonsProbables;
import fr.sne.core.demande.ReponsesDemande;
import fr.sne.core.demande.VersionPerimee;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Actors;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendors' API for applications in interfaceNuu XML (contract v1.0): the same creation and
 * full update as the JSON side, the document mapped to the same model and checked by the same
 * service; the answer in XML when the caller prefers it. Reading in XML is the JSON side's route
 * serving {@link EcritureNuu} as a {@code FormatDemande}. Errors are problem+json in French
 * whatever the request's format.
 */
@Controller("/api/v1.0/demandes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DemandeXmlApiController {

    private static final Logger LOG = LoggerFactory.getLogger(DemandeXmlApiController.class);
    private static final String NUM_UNIQUE = CheminsNuu.BASE + "/numUnique";
    private static final String RADIATION = CheminsNuu.BASE + "/radiation";
    private static final String TYPE_FICHIER = "/interfaceNuu/entete/typeFichier/@code";

    private final DemandeService service;
    private final LecteurXml lecteur;
    private final EcritureNuu ecriture;
    private final CycleService cycle;

    DemandeXmlApiController(DemandeService service, LecteurXml lecteur, EcritureNuu ecriture, CycleService cycle) {
        this.service = service;
        this.cycle = cycle;
        this.lecteur = lecteur;
        this.ecriture = ecriture;
    }

    @Post
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    // documented with the JSON operation of the same path and method (one operation in the OpenAPI document)
    @Operation(security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> creer(HttpRequest<?> request, @Nullable @Body InputStream corps,
                          @Nullable @Header("Idempotency-Key") String cle) {
        // read first, as for the update: an unread body would stall the connection
        DocumentNuu document;
        try {
            document = lire(request, corps);
        } catch (XmlRefuse e) {
            return refus(request, e);
        }
        if (!(Actors.of(request) instanceof Actor.ClientApi client)) {
            return ReponsesDemande.reserveAuxClients();
        }
        Optional<MutableHttpResponse<?>> cleInvalide = ReponsesDemande.cleInvalide(request, cle);
        if (cleInvalide.isPresent()) {
            return cleInvalide.get();
        }
        String type = document.typeFichier() == null ? "CRE" : document.typeFichier();
        switch (type) {
            case "REN", "RAD", "CRS" -> {
                return surDemandeExistante(request, client, type, document);
            }
            case "MOD" -> {
                return ReponsesDemande.invalide(request, List.of(new Probleme.Anomalie("TYPE_FICHIER", TYPE_FICHIER,
                        "Un fichier MOD modifie une demande : envoyez-le par PUT /api/v1.0/demandes/{numeroUnique} avec If-Match.")));
            }
            default -> {
                // CRE, or an unknown type refused below
            }
        }
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (document.numUnique() != null) {
            anomalies.add(new Probleme.Anomalie("NUMERO_ATTRIBUE_PAR_LE_REGISTRE", NUM_UNIQUE,
                    "Le numéro unique est attribué par le registre à l'enregistrement : ne l'envoyez pas à la création "
                            + "(pour modifier la demande " + document.numUnique() + ", utilisez PUT)."));
        }
        if (!"CRE".equals(type)) {
            anomalies.add(new Probleme.Anomalie("TYPE_FICHIER", TYPE_FICHIER, "Type de fichier inconnu (reçu : « " + type
                    + " ») : CRE, CRS, REN ou RAD par POST, MOD par PUT."));
        }
        if (!anomalies.isEmpty()) {
            return ReponsesDemande.invalide(request, anomalies);
        }
        try {
            DemandeJson.Demande d = service.creer(client, document.creation(), cle).demande();
            return HttpResponse.created(URI.create("/api/v1.0/demandes/" + d.numeroUnique()))
                    .header(HttpHeaders.ETAG, ReponsesDemande.etag(d))
                    .contentType(ReponsesDemande.xmlPrefere(request) ? EcritureNuu.TYPE_XML : MediaType.APPLICATION_JSON)
                    .body(corpsReponse(request, d));
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, CheminsNuu.enXml(e.anomalies(), document.creation()));
        } catch (DoublonsProbables e) {
            return ReponsesDemande.doublons(e, "confirmationNonDoublon");
        }
    }

    @Put("/{numeroUnique}")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @Operation(security = @SecurityRequirement(name = "bearer"))
    HttpResponse<?> modifier(HttpRequest<?> request, @PathVariable String numeroUnique, @Nullable @Body InputStream corps,
                             @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        // the body is read before answering anything: an answer that leaves it unread on a kept-alive
        // connection would stall the client's next request on that connection
        DocumentNuu document;
        try {
            document = lire(request, corps);
        } catch (XmlRefuse e) {
            return refus(request, e);
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return ReponsesDemande.ifMatchRequis();
        }
        Optional<Integer> version = ReponsesDemande.version(numeroUnique, ifMatch);
        if (version.isEmpty()) {
            return ReponsesDemande.precondition(numeroUnique, null, List.of());
        }
        List<Probleme.Anomalie> anomalies = new ArrayList<>();
        if (document.numUnique() != null && !document.numUnique().equals(numeroUnique)) {
            anomalies.add(new Probleme.Anomalie("NUMERO_DIFFERENT", NUM_UNIQUE, "Le numéro unique du document ("
                    + document.numUnique() + ") n'est pas celui de la demande modifiée (" + numeroUnique + ")."));
        }
        typeFichier(document, "MOD", "la modification (PUT)", anomalies);
        if (!anomalies.isEmpty()) {
            return ReponsesDemande.invalide(request, anomalies);
        }
        try {
            DemandeService.Modification m = service.modification(Actors.of(request), numeroUnique, version.get(), document.creation());
            DemandeJson.Demande d = m.demande();
            // the interfaceNuu document stays as the format has it; held-back changes are told by the header
            Object corpsModifie = ReponsesDemande.xmlPrefere(request) ? ecriture.ecrire(d) : ReponsesDemande.modifiee(m);
            return ReponsesDemande.enAttente(HttpResponse.ok(corpsModifie), m)
                    .contentType(ReponsesDemande.xmlPrefere(request) ? EcritureNuu.TYPE_XML : MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ETAG, ReponsesDemande.etag(d));
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, CheminsNuu.enXml(e.anomalies(), document.creation()));
        } catch (VersionPerimee e) {
            return ReponsesDemande.precondition(numeroUnique, e.versionActuelle(), e.ecritures());
        }
    }

    /**
     * REN, RAD and CRS files act on the application numbered by numUnique, as the JSON routes
     * …/renouvellement, …/radiation and …/separation do, with the same checks.
     */
    private HttpResponse<?> surDemandeExistante(HttpRequest<?> request, Actor.ClientApi client, String type, DocumentNuu document) {
        String numero = document.numUnique();
        if (numero == null) {
            return ReponsesDemande.invalide(request, List.of(new Probleme.Anomalie("NUMERO_REQUIS", NUM_UNIQUE,
                    "Un fichier " + type + " porte le numéro unique de la demande " + ("CRS".equals(type) ? "d'origine (celle du "
                            + "ménage avant la séparation)" : "concernée") + " dans numUnique.")));
        }
        try {
            switch (type) {
                case "REN" -> cycle.renouveler(client, numero, null);
                case "RAD" -> {
                    DemandeRadiation r = document.radiation();
                    if (r == null) {
                        return ReponsesDemande.invalide(request, List.of(new Probleme.Anomalie("RADIATION_REQUISE", RADIATION,
                                "Un fichier RAD porte l'élément radiation avec son motif (RADATT, RADABA, RADIRR ou RADCON).")));
                    }
                    if (r.motif() == null) {
                        // an empty motif asks for a de-radiation: a desk's decision, never an API client's
                        service.consulter(client, numero); // unknown or another territory's: 404, as everywhere
                        return new Probleme("about:blank", "Dé-radiation refusée", 403, "Un fichier RAD sans motif demande la "
                                + "dé-radiation de la demande " + numero + " : seul un agent de guichet habilité peut rétablir une "
                                + "demande radiée, depuis l'application du registre, en indiquant pourquoi. Les clients de l'API "
                                + "ne peuvent pas dé-radier.", request.getPath(), List.of()).response();
                    }
                    cycle.radier(client, numero, r, null);
                }
                default -> {
                    DemandeJson.Demande d = service.separer(client, numero, service.consulter(client, numero).version(),
                            origine -> document.creation()).demande();
                    return HttpResponse.created(URI.create("/api/v1.0/demandes/" + d.numeroUnique()))
                            .header(HttpHeaders.ETAG, ReponsesDemande.etag(d))
                            .contentType(ReponsesDemande.xmlPrefere(request) ? EcritureNuu.TYPE_XML : MediaType.APPLICATION_JSON)
                            .body(corpsReponse(request, d));
                }
            }
        } catch (RadiationInvalide e) {
            return new Probleme("about:blank", "Radiation invalide", 400, "La radiation contient des anomalies : voir « anomalies ».",
                    request.getPath(), e.anomalies().stream().map(a -> new Probleme.Anomalie(a.code(), RADIATION + "/" + a.champ()
                    .replace('.', '/'), a.message())).toList()).response();
        } catch (DemandeInvalide e) {
            return ReponsesDemande.invalide(request, CheminsNuu.enXml(e.anomalies(), document.creation()));
        } catch (DoublonsProbables e) {
            return ReponsesDemande.doublons(e, "confirmationNonDoublon");
        } catch (VersionPerimee e) {
            return ReponsesDemande.precondition(numero, e.versionActuelle(), e.ecritures());
        }
        DemandeJson.Demande d = service.consulter(client, numero);
        return HttpResponse.ok(corpsReponse(request, d)).header(HttpHeaders.ETAG, ReponsesDemande.etag(d))
                .contentType(ReponsesDemande.xmlPrefere(request) ? EcritureNuu.TYPE_XML : MediaType.APPLICATION_JSON);
    }

    /** Size first (a Content-Length above the limit is refused unread), then the secure parse and the mapping. */
    private DocumentNuu lire(HttpRequest<?> request, InputStream corps) {
        return LectureNuu.lire(lecteur.lire(corps, request.getContentLength()));
    }

    private static void typeFichier(DocumentNuu document, String attendu, String operation, List<Probleme.Anomalie> anomalies) {
        if (document.typeFichier() != null && !document.typeFichier().equals(attendu)) {
            anomalies.add(new Probleme.Anomalie("TYPE_FICHIER", TYPE_FICHIER, "Le type de fichier de "
                    + operation + " est " + attendu + " (reçu : « " + document.typeFichier() + " »)."));
        }
    }

    private Object corpsReponse(HttpRequest<?> request, DemandeJson.Demande d) {
        return ReponsesDemande.xmlPrefere(request) ? ecriture.ecrire(d) : d;
    }

    private static MutableHttpResponse<?> refus(HttpRequest<?> request, XmlRefuse e) {
        if (e.status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            LOG.info("Document interfaceNuu refusé sur {} : trop volumineux", request.getPath());
            return new Probleme("about:blank", "Contenu trop volumineux", e.status(), e.detail(), request.getPath(),
                    List.of()).response();
        }
        return new Probleme("about:blank", "Document interfaceNuu refusé", e.status(), e.detail(), request.getPath(),
                e.anomalies()).response();
    }
}
