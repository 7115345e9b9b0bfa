package fr.sne.community.info;

import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way community features (information site, forums, wiki, support tickets) take an
 * attached file: format and size checked, text extracted for search, bytes stored first under
 * {@code <territoire|national>/<dossier>/<id>/<uuid>}; the caller then writes its row (an orphan
 * object, if that fails, is harmless: nothing points to it).
 */
@Singleton
public class DepotPieces {

    private static final Logger LOG = LoggerFactory.getLogger(DepotPieces.class);

    /** A stored file, ready for the feature's row. */
    public record Depot(String nom, String typeMime, long taille, String cleObjet, String texte) {
    }

    private final ObjectStorage stockage;
    private final TexteDesPieces textes;

    DepotPieces(ObjectStorage stockage, TexteDesPieces textes) {
        this.stockage = stockage;
        this.textes = textes;
    }

    /** A file sent from a page: a refused file is a 422 with the message next to the field; storage down is a 503. */
    public Depot deposer(String territoire, String dossier, long id, String nomFichier, Path fichier) {
        Formulaire erreurs = new Formulaire();
        FormatsPieces.Format format = FormatsPieces.verifier(nomFichier, fichier, erreurs);
        erreurs.verifier();
        return stocker(territoire, dossier, id, nomFichier, fichier, format)
                .orElseThrow(() -> new Refus(HttpStatus.SERVICE_UNAVAILABLE, "Le fichier n’a pas pu être enregistré : réessayez dans quelques instants."));
    }

    /** A file received by mail: nothing to answer next to a field, so a refused or unstored file is only left out. */
    public Optional<Depot> deposerSiAccepte(String territoire, String dossier, long id, String nomFichier, Path fichier) {
        Formulaire erreurs = new Formulaire();
        FormatsPieces.Format format = FormatsPieces.verifier(nomFichier, fichier, erreurs);
        if (format == null || !erreurs.valide()) {
            return Optional.empty();
        }
        return stocker(territoire, dossier, id, nomFichier, fichier, format);
    }

    private Optional<Depot> stocker(String territoire, String dossier, long id, String nomFichier, Path fichier, FormatsPieces.Format format) {
        String cle = (territoire == null ? "national" : territoire) + "/" + dossier + "/" + id + "/" + UUID.randomUUID();
        String texte = textes.extraire(fichier, format);
        try {
            stockage.deposer(cle, fichier, format.typeMime());
        } catch (Exception e) {
            LOG.warn("Dépôt d'une pièce ({} {}) impossible : {}", dossier, id, e.toString());
            return Optional.empty();
        }
        return Optional.of(new Depot(FormatsPieces.nomPropre(nomFichier), format.typeMime(), FormatsPieces.taille(fichier), cle, texte));
    }
}
