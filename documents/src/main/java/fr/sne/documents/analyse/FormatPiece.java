package fr.sne.documents.analyse;

/** The only formats the register accepts, decided from the content, never from the file name. */
public enum FormatPiece {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    HEIC("image/heic", "heic"),
    TIFF("image/tiff", "tif");

    private final String typeMime;
    private final String extension;

    FormatPiece(String typeMime, String extension) {
        this.typeMime = typeMime;
        this.extension = extension;
    }

    public String typeMime() {
        return typeMime;
    }

    public String extension() {
        return extension;
    }
}
