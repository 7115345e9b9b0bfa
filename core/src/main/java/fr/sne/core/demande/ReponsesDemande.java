package fr.sne.core.demande;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.sne.tenants.web.Probleme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The contract's answers about applications that do not depend on the body's format (JSON or
 * interfaceNuu XML): content negotiation, ETag and If-Match, Idempotency-Key, 400, 409, 412 and
 * 428 problems. One place, so both formats behave the same.
 */
public final class ReponsesDemande {

    /** The contract's 409: a problem document naming the probable duplicates. */
    @Serdeable
    public record ProblemeDoublons(String type, String title, int status, String detail, List<String> doublons) {
    }

    /** The contract's 412: the current version and who changed what since the caller's. */
    @Serdeable
    public record ProblemeVersion(String type, String title, int status, String detail, @Nullable Integer versionActuelle,
                                  List<VersionPerimee.Ecriture> modifications) {
    }

    /**
     * The answer to an update (PUT) in JSON: the application as the contract has it, plus the parts
     * held back for a decision ({@code changementsEnAttente}: e.g. a major change of name waiting
     * for validation; empty when everything was written).
     */
    @Serdeable
    public record DemandeModifiee(@JsonUnwrapped DemandeJson.Demande demande,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) List<ControleModification.Retenue> changementsEnAttente) {
    }

    /** Header of every update's answer (JSON or XML): how many changes wait for a decision. */
    public static final String CHANGEMENTS_EN_ATTENTE = "SNE-Changements-En-Attente";

    private ReponsesDemande() {
    }

    /** The update's JSON body. */
    public static DemandeModifiee modifiee(DemandeService.Modification m) {
        return new DemandeModifiee(m.demande(), m.retenues());
    }

    /** Adds the {@link #CHANGEMENTS_EN_ATTENTE} header to an update's answer. */
    public static <T> MutableHttpResponse<T> enAttente(MutableHttpResponse<T> reponse, DemandeService.Modification m) {
        return reponse.header(CHANGEMENTS_EN_ATTENTE, Integer.toString(m.retenues().size()));
    }

    /**
     * JSON unless the caller's preferred type is XML: {@code *}{@code /*}, no Accept header, or
     * JSON before XML all get JSON, as the contract says.
     */
    public static boolean xmlPrefere(HttpRequest<?> request) {
        Collection<MediaType> acceptes = request.accept();
        return !acceptes.isEmpty() && MediaType.APPLICATION_XML.equals(acceptes.iterator().next().getName());
    }

    public static String etag(DemandeJson.Demande d) {
        return "\"" + d.numeroUnique() + "-" + d.version() + "\"";
    }

    /** The version named by an If-Match value ({@code "<numero>-<version>"}, weak or strong), if it is one of ours. */
    public static Optional<Integer> version(String numero, String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"") || !v.startsWith("\"" + numero + "-")) {
            return Optional.empty();
        }
        String n = v.substring(numero.length() + 2, v.length() - 1);
        return n.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(n)) : Optional.empty();
    }

    /** The refusal of a malformed Idempotency-Key, if it is one. */
    public static Optional<MutableHttpResponse<?>> cleInvalide(HttpRequest<?> request, @Nullable String cle) {
        if (cle != null && (cle.isBlank() || cle.length() > 200)) {
            return Optional.of(new Probleme("about:blank", "Requête invalide", 400,
                    "L'en-tête Idempotency-Key compte 1 à 200 caractères.", request.getPath(),
                    List.of(new Probleme.Anomalie("FORMAT", "Idempotency-Key", "1 à 200 caractères."))).response());
        }
        return Optional.empty();
    }

    /** Creation through the API is for vendors' systems only. */
    public static MutableHttpResponse<?> reserveAuxClients() {
        return Probleme.of(HttpStatus.FORBIDDEN, "Accès refusé", "Cette ressource est réservée aux clients d'API.").response();
    }

    public static MutableHttpResponse<?> invalide(HttpRequest<?> request, List<Probleme.Anomalie> anomalies) {
        return new Probleme("about:blank", "Demande invalide", 400, "La demande contient des anomalies : voir « anomalies ».",
                request.getPath(), anomalies).response();
    }

    public static MutableHttpResponse<?> doublons(DoublonsProbables e, String champConfirmation) {
        return HttpResponse.status(HttpStatus.CONFLICT).contentType(Probleme.MEDIA_TYPE)
                .body(new ProblemeDoublons("about:blank", "Doublon probable", 409,
                        "Une demande active du territoire a les mêmes nom de naissance, prénoms et date de naissance. "
                                + "Pour enregistrer quand même, renseignez « " + champConfirmation + " » avec le motif.",
                        e.numeros()));
    }

    public static MutableHttpResponse<?> ifMatchRequis() {
        return Probleme.of(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
                "Indiquez dans If-Match l'ETag de la version lue (GET), pour ne jamais écraser une modification.").response();
    }

    public static MutableHttpResponse<?> precondition(String numero, @Nullable Integer actuelle,
                                                      List<VersionPerimee.Ecriture> ecritures) {
        return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).contentType(Probleme.MEDIA_TYPE)
                .body(new ProblemeVersion("about:blank", "Version périmée", 412,
                        "La demande " + numero + " a été modifiée depuis votre lecture : relisez-la (GET) puis appliquez "
                                + "vos modifications à la version actuelle.", actuelle, ecritures));
    }
}
