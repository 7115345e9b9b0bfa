package fr.sne.core.interfacenuu;

import fr.sne.core.cycle.DemandeRadiation;
import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.annotation.Nullable;

/**
 * What an incoming interfaceNuu document says: its version, file type and number when given,
 * the application as the JSON API's creation/update request (the same service checks it), and
 * the radiation of a RAD file (its motif null when the file asks for a de-radiation).
 */
record DocumentNuu(String versionInterface, @Nullable String typeFichier, @Nullable String numUnique,
                   DemandeJson.Creation creation, @Nullable DemandeRadiation radiation) {

    DocumentNuu(String versionInterface, @Nullable String typeFichier, @Nullable String numUnique,
                DemandeJson.Creation creation) {
        this(versionInterface, typeFichier, numUnique, creation, null);
    }
}
