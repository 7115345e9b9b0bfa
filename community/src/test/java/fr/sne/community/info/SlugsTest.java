package fr.sne.community.info;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void frenchTitlesBecomeReadableAddresses() {
        assertEquals("maintenance-programmee-interruption-du-sne-samedi-de-20-h-a-23-h",
                Slugs.de("Maintenance programmée : interruption du SNE samedi de 20 h à 23 h"));
        assertEquals("contrat-d-interface-interfacenuu-02-01", Slugs.de("Contrat d’interface interfaceNuu 02.01"));
        assertEquals("oeuvre-et-ete", Slugs.de("Œuvre et été"));
        assertEquals("cch-r-123-4", Slugs.de("CCH R*123-4"));
        assertEquals("article", Slugs.de("« ! »"));
        String long_ = Slugs.de("un titre très long ".repeat(20));
        assertTrue(long_.length() <= Slugs.LONGUEUR_MAX && !long_.endsWith("-"), long_);
    }
}
