package fr.sne.core.export;

/**
 * The kinds of data an export may hold (contract v1.0). CERFA: one interfaceNuu document per
 * application; the others one XML file each (PJ: the documents' descriptions, never their bytes,
 * which are downloaded one by one). COTA and DRM have no data in this product yet: their file is
 * present, well-formed and empty.
 */
enum Entite {
    CERFA(null, null),
    DALO("dalo.xml", "dalo"),
    EVT("evenements.xml", "evenements"),
    CONT("contingents.xml", "contingents"),
    ATTRIB("attributions.xml", "attributions"),
    PRIO("priorites.xml", "priorites"),
    COTA("cotations.xml", "cotations"),
    PJ("pieces.xml", "pieces"),
    DRM("drm.xml", "drm");

    private final String fichier;
    private final String racine;

    Entite(String fichier, String racine) {
        this.fichier = fichier;
        this.racine = racine;
    }

    /** The file's name in the archive (null: CERFA, one file per application). */
    String fichier() {
        return fichier;
    }

    /** The root element of its file. */
    String racine() {
        return racine;
    }

    /** Entities with no data in this product yet (their file is empty). */
    boolean sansDonnees() {
        return this == COTA || this == DRM;
    }
}
