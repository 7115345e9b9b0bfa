package fr.sne.documents.analyse;

/** The synchronous check of an uploaded file, before anything is stored. */
public sealed interface Controle {

    /** The file may be stored. */
    record Accepte(FormatPiece format) implements Controle {
    }

    /** The file is refused; {@code message} is shown as is to the person who sent it (French). */
    record Refuse(Motif motif, String message) implements Controle {
    }

    /**
     * Why a file is refused; the API maps them to 415, 413 and 422, and
     * {@code ANTIVIRUS_INDISPONIBLE} (clamd configured but not answering: nothing is stored
     * unchecked) to 503.
     */
    enum Motif { FORMAT_NON_ACCEPTE, TROP_VOLUMINEUX, PROTEGE_PAR_MOT_DE_PASSE, ILLISIBLE, VIRUS, ANTIVIRUS_INDISPONIBLE }
}
