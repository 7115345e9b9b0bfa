package fr.sne.core.interfacenuu;

import jakarta.inject.Singleton;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The published XSD of interfaceNuu 02.01 (the project's own description of what it accepts
 * and produces), compiled once. The compiled schema is immutable and thread-safe.
 */
@Singleton
class SchemaNuu {

    static final String ESPACE_DE_NOMS = "http://nuu.application.i2/";
    static final String FICHIER = "interfaceNuu-02.01.xsd";

    private final byte[] xsd;
    private final Schema schema;

    SchemaNuu() {
        try (InputStream in = SchemaNuu.class.getResourceAsStream(FICHIER)) {
            if (in == null) {
                throw new IllegalStateException("Schéma introuvable : " + FICHIER);
            }
            this.xsd = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // the JDK's own implementation, whatever else the classpath carries; nothing fetched from outside
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(new StreamSource(new ByteArrayInputStream(xsd), FICHIER));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("Schéma interfaceNuu invalide", e);
        }
    }

    Schema schema() {
        return schema;
    }

    /** The XSD as published (a copy: callers may not change ours). */
    byte[] octets() {
        return xsd.clone();
    }
}
