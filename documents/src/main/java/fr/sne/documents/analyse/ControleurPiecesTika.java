package fr.sne.documents.analyse;

import fr.sne.documents.analyse.Controle.Motif;
import fr.sne.documents.analyse.Controle.Refuse;
import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.IIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The synchronous check of an upload, cheapest and least exposed first: size, format from the
 * magic bytes, antivirus (before any parser touches the file), then whether the file opens.
 */
@Singleton
final class ControleurPiecesTika implements ControleurPieces {

    private static final Logger LOG = LoggerFactory.getLogger(ControleurPiecesTika.class);

    static final String VIDE = "Ce fichier est vide : vérifiez le document puis déposez-le à nouveau.";
    static final String FORMAT = "Ce type de fichier n'est pas accepté : déposez un document PDF ou une photo "
            + "au format JPEG, PNG, HEIC ou TIFF.";
    static final String PROTEGE = "Ce fichier est protégé par un mot de passe : enregistrez-le sans mot de passe "
            + "puis déposez-le à nouveau.";
    static final String PDF_ILLISIBLE = "Ce fichier PDF est endommagé ou incomplet et ne peut pas être ouvert : "
            + "enregistrez-le à nouveau puis déposez-le.";
    static final String ILLISIBLE = "Ce fichier est endommagé ou incomplet et ne peut pas être ouvert : "
            + "enregistrez-le à nouveau puis déposez-le.";
    static final String IMAGE_ILLISIBLE = "Cette image est endommagée ou incomplète et ne peut pas être ouverte : "
            + "enregistrez-la ou reprenez la photo, puis déposez-la à nouveau.";
    static final String VIRUS = "Ce fichier contient un virus ou un programme malveillant : il n'a pas été enregistré. "
            + "Déposez une copie saine du document.";
    static final String ANTIVIRUS_INDISPONIBLE = "La vérification antivirus de ce fichier est momentanément impossible : "
            + "il n'a pas été enregistré. Réessayez dans quelques minutes.";

    private static final int FIN_PDF = 2048;

    private final PiecesConfiguration configuration;
    private final TikaEngine tika;
    private final Optional<ClamdClient> antivirus;

    ControleurPiecesTika(PiecesConfiguration configuration, TikaEngine tika) {
        this.configuration = configuration;
        this.tika = tika;
        this.antivirus = configuration.antivirusActif()
                ? Optional.of(new ClamdClient(configuration.clamdHost(), configuration.clamdPort(), configuration.clamdTimeout()))
                : Optional.empty();
    }

    @Override
    public Controle controler(Path fichier) {
        try {
            long taille = Files.size(fichier);
            if (taille == 0) {
                return new Refuse(Motif.ILLISIBLE, VIDE);
            }
            if (taille > configuration.tailleMax()) {
                return new Refuse(Motif.TROP_VOLUMINEUX, "Ce fichier dépasse la taille maximale de "
                        + Images.megaOctets(configuration.tailleMax()) + " : réduisez-le (par exemple en le numérisant "
                        + "à une résolution plus faible) puis déposez-le à nouveau.");
            }
            Optional<FormatPiece> format = tika.format(fichier);
            if (format.isEmpty()) {
                return new Refuse(Motif.FORMAT_NON_ACCEPTE, FORMAT);
            }
            Optional<Refuse> virus = antivirus.flatMap(clamd -> verifierAntivirus(clamd, fichier));
            if (virus.isPresent()) {
                return virus.get();
            }
            Optional<Refuse> lisible = switch (format.get()) {
                case PDF -> verifierPdf(fichier);
                case JPEG, PNG, TIFF -> verifierImage(fichier, format.get());
                case HEIC -> Heif.lisible(Files.readAllBytes(fichier))
                        ? Optional.empty() : Optional.of(new Refuse(Motif.ILLISIBLE, IMAGE_ILLISIBLE));
            };
            return lisible.<Controle>map(r -> r).orElse(new Controle.Accepte(format.get()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a hostile or broken file must give a refusal, never an error page
            LOG.info("Pièce illisible ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            return new Refuse(Motif.ILLISIBLE, ILLISIBLE);
        }
    }

    private static Optional<Refuse> verifierAntivirus(ClamdClient clamd, Path fichier) {
        return switch (clamd.verifier(fichier)) {
            case ClamdClient.Verdict.Sain s -> Optional.empty();
            case ClamdClient.Verdict.Infecte infecte -> {
                LOG.warn("Pièce refusée par l'antivirus : {}", infecte.signature());
                yield Optional.of(new Refuse(Motif.VIRUS, VIRUS));
            }
            case ClamdClient.Verdict.Indisponible indisponible -> {
                LOG.error("Antivirus (clamd) indisponible, pièce refusée : {}", indisponible.raison());
                yield Optional.of(new Refuse(Motif.ANTIVIRUS_INDISPONIBLE, ANTIVIRUS_INDISPONIBLE));
            }
        };
    }

    /** Opens without a password (an owner-only restriction is fine) and has at least one page. */
    private static Optional<Refuse> verifierPdf(Path fichier) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(fichier.toFile()), "",
                null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() < 1 || !finDeFichier(fichier)) {
                return Optional.of(new Refuse(Motif.ILLISIBLE, PDF_ILLISIBLE));
            }
            return Optional.empty();
        } catch (InvalidPasswordException e) {
            return Optional.of(new Refuse(Motif.PROTEGE_PAR_MOT_DE_PASSE, PROTEGE));
        } catch (IOException e) {
            return Optional.of(new Refuse(Motif.ILLISIBLE, PDF_ILLISIBLE));
        }
    }

    /**
     * A complete PDF ends with {@code %%EOF} (readers tolerate some trailing bytes); PDFBox would
     * otherwise repair a truncated upload silently and show blank pages.
     */
    private static boolean finDeFichier(Path fichier) throws IOException {
        try (SeekableByteChannel canal = Files.newByteChannel(fichier)) {
            long taille = canal.size();
            int fin = (int) Math.min(taille, FIN_PDF);
            ByteBuffer tampon = ByteBuffer.allocate(fin);
            canal.position(taille - fin);
            while (tampon.hasRemaining() && canal.read(tampon) > 0) {
                // read the tail
            }
            return new String(tampon.array(), 0, tampon.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private Optional<Refuse> verifierImage(Path fichier, FormatPiece format) {
        try {
            Images.Dimensions dimensions = Images.dimensions(fichier, format);
            if (dimensions.pixels() > configuration.pixelsMax()) {
                return Optional.of(new Refuse(Motif.TROP_VOLUMINEUX, "Cette image est trop grande ("
                        + dimensions.largeur() + " × " + dimensions.hauteur() + " pixels) : réduisez sa définition "
                        + "puis déposez-la à nouveau."));
            }
            Images.decoder(fichier, format, 256);
            return Optional.empty();
        } catch (IIOException e) {
            if (Images.typeNonGere(e)) {
                return Optional.empty(); // a real image Java cannot convert (e.g. CMYK JPEG): still a valid upload
            }
            return Optional.of(new Refuse(Motif.ILLISIBLE, IMAGE_ILLISIBLE));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Refuse(Motif.ILLISIBLE, IMAGE_ILLISIBLE));
        }
    }
}
