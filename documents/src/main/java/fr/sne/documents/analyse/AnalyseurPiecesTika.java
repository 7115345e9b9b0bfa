package fr.sne.documents.analyse;

import fr.sne.documents.catalogue.TypePiece;
import jakarta.inject.Singleton;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The analysis after upload: Tika text and metadata (bounded in size and time, no OCR, no
 * embedded documents), type suggestion, tax-notice and validity figures, NIR detection; and the
 * derivatives (viewing copy of a photo, PDF with the NIR masked).
 */
@Singleton
public final class AnalyseurPiecesTika implements AnalyseurPieces {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyseurPiecesTika.class);

    /** Location keys (EXIF GPS, XMP/IPTC places) never leave the analysis. */
    private static final Pattern LOCALISATION = Pattern.compile(
            "(?i).*(gps|geo|location|latitude|longitude|altitude|city|country|state|sublocation|iptc4xmpcore).*");
    private static final int VALEUR_MAX = 500;
    /** Characters read by the type rules (several pages) and by the extraction of figures and language. */
    private static final int CLASSEMENT_MAX = 20_000;
    private static final int EXTRACTION_MAX = 100_000;
    private static final int METADONNEES_MAX = 150;

    private final PiecesConfiguration configuration;
    private final TikaEngine tika;

    /** Public for tools outside the application context (the bench). */
    public AnalyseurPiecesTika(PiecesConfiguration configuration, TikaEngine tika) {
        this.configuration = configuration;
        this.tika = tika;
    }

    @Override
    public Analyse analyser(Path fichier, FormatPiece format) {
        verifierLisible(fichier);
        Metadata metadata = new Metadata();
        TexteBorne texte = new TexteBorne(configuration.texteMax(), configuration.dureeAnalyseMax().toNanos());
        try (TikaInputStream in = TikaInputStream.get(fichier)) {
            tika.parser().parse(in, new BodyContentHandler(texte), metadata, contexte());
        } catch (TexteBorne.Arret e) {
            LOG.info("Analyse de pièce écourtée : {}", e.getMessage());
        } catch (IOException | SAXException | TikaException | RuntimeException | StackOverflowError e) {
            if (!texte.tronque()) {
                // what was read before the failure is kept; the file itself was checked on upload
                LOG.info("Analyse de pièce incomplète ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
        String brut = texte.texte();
        // documents name themselves and print their figures at the start: the rules read the first
        // pages only (a long PDF would cost seconds of regular expressions); the NIR is sought everywhere
        String normalise = Textes.normaliser(debut(brut, EXTRACTION_MAX));
        TypePiece type = normalise.isEmpty() ? null
                : Classement.suggerer(debut(normalise, CLASSEMENT_MAX), debut(brut, CLASSEMENT_MAX));
        boolean fiscal = type == TypePiece.AVIS_IMPOSITION;
        LocalDate finValidite = type == null || type.finValidite() ? Extraction.finValidite(normalise) : null;
        Map<String, String> metadonnees = metadata(metadata);
        boolean nir = !Nir.trouver(brut).isEmpty() || metadonnees.values().stream().anyMatch(v -> v.contains(Nir.MASQUE));
        return new Analyse(typeMime(metadata, format), pages(metadata, format), brut.isEmpty() ? null : brut,
                Langue.detecter(normalise), metadonnees, type,
                fiscal ? Extraction.anneeRevenus(normalise) : null,
                fiscal ? Extraction.revenuFiscalReference(normalise) : null,
                finValidite, nir);
    }

    @Override
    public Optional<Path> apercu(Path fichier, FormatPiece format, Path dossier) {
        verifierLisible(fichier);
        try {
            return Apercus.creer(fichier, format, dossier, "apercu-" + UUID.randomUUID(), configuration);
        } catch (IOException | RuntimeException e) {
            LOG.info("Pas d'aperçu pour une pièce {} ({}): {}", format, e.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** PDF only: photos would need OCR to find a NIR (not done here), so they get no masked copy. */
    @Override
    public Optional<Path> masquerNir(Path fichier, FormatPiece format, Path dossier) {
        verifierLisible(fichier);
        if (format != FormatPiece.PDF) {
            return Optional.empty();
        }
        try {
            return MasquageNir.masquer(fichier, dossier.resolve("masque-" + UUID.randomUUID() + ".pdf"), configuration.pagesMax());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.info("Pas de copie masquée pour une pièce ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static String debut(String texte, int caracteres) {
        return texte.length() <= caracteres ? texte : texte.substring(0, caracteres);
    }

    private static ParseContext contexte() {
        ParseContext contexte = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        pdf.setExtractAcroFormContent(true);
        contexte.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        contexte.set(TesseractOCRConfig.class, ocr);
        contexte.set(Parser.class, new EmptyParser()); // attachments are not read
        return contexte;
    }

    private static String typeMime(Metadata metadata, FormatPiece format) {
        String detecte = metadata.get(Metadata.CONTENT_TYPE);
        MediaType type = detecte == null ? null : MediaType.parse(detecte);
        return type == null ? format.typeMime() : type.getBaseType().toString();
    }

    private static Integer pages(Metadata metadata, FormatPiece format) {
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        return pages != null ? pages : format == FormatPiece.PDF ? null : 1;
    }

    /** Metadata without location, without bulky values, without any NIR. */
    static Map<String, String> metadata(Metadata metadata) {
        Map<String, String> resultat = new LinkedHashMap<>();
        String[] noms = metadata.names();
        Arrays.sort(noms);
        for (String nom : noms) {
            if (resultat.size() >= METADONNEES_MAX || LOCALISATION.matcher(nom).matches()
                    || nom.startsWith("X-TIKA:") || nom.toLowerCase(Locale.ROOT).contains("thumbnail")) {
                continue;
            }
            String valeur = String.join("; ", metadata.getValues(nom)).strip();
            if (!valeur.isEmpty() && valeur.length() <= VALEUR_MAX) {
                resultat.put(nom, Nir.masquer(valeur));
            }
        }
        return Collections.unmodifiableMap(resultat);
    }

    /** A missing file is the caller's problem (storage), not a property of the document. */
    private static void verifierLisible(Path fichier) {
        if (!Files.isReadable(fichier)) {
            throw new UncheckedIOException(new IOException("pièce absente : " + fichier.getFileName()));
        }
    }
}
