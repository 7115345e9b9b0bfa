package fr.sne.core.interfacenuu;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.annotation.Nullable;

/**
 * What an incoming interfaceNuu document says: its version, file type and number when given,
 * and the application as the JSON API's creation/update request (the same service checks it).
 */
record DocumentNuu(String versionInterface, @Nullable String typeFichier, @Nullable String numUnique,
                   DemandeJson.Creation creation) {
}
