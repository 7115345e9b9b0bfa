package fr.sne.core.demande;

/**
 * A representation of an application other than JSON, provided by another package (the
 * interfaceNuu XML): the JSON side serves it on reading when the caller prefers its media type,
 * without depending on the package that knows the format.
 */
public interface FormatDemande {

    /** The media type it is served as (e.g. {@code application/xml}). */
    String typeMedia();

    /** The complete document for this application. */
    byte[] ecrire(DemandeJson.Demande demande);
}
