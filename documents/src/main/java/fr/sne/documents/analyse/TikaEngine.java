package fr.sne.documents.analyse;

import jakarta.inject.Singleton;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The one Tika detector and parser of the application (both thread-safe; built once, ~0.3 s). */
@Singleton
public final class TikaEngine {

    private final Detector detector;
    private final Parser parser;

    public TikaEngine() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
    }

    /** The media type read from the bytes only: no file name is given to Tika. */
    public MediaType detecter(Path fichier) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(fichier)) {
            return detector.detect(in, new Metadata()).getBaseType();
        }
    }

    /** The accepted format of a file, from its content. */
    public Optional<FormatPiece> format(Path fichier) throws IOException {
        return format(detecter(fichier));
    }

    static Optional<FormatPiece> format(MediaType type) {
        return Optional.ofNullable(switch (type.toString()) {
            case "application/pdf" -> FormatPiece.PDF;
            case "image/jpeg" -> FormatPiece.JPEG;
            case "image/png" -> FormatPiece.PNG;
            case "image/heic", "image/heif" -> FormatPiece.HEIC;
            case "image/tiff" -> FormatPiece.TIFF;
            default -> null;
        });
    }

    Parser parser() {
        return parser;
    }
}
