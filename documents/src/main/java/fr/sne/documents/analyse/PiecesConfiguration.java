package fr.sne.documents.analyse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * Supporting documents: {@code sne.pieces.*}. Every key has a default here; the antivirus is off
 * while {@code clamd-host} is unset.
 *
 * @param tailleMax        largest accepted file ({@code taille-max}, e.g. {@code 20MB})
 * @param pixelsMax        largest accepted image, in pixels (decompression bombs)
 * @param apercuCoteMax    longest side of the viewing derivative of a photo, in pixels
 * @param pagesMax         pages re-rendered when masking a NIR; beyond, no masked version
 * @param texteMax         characters of text kept by the analysis
 * @param dureeAnalyseMax  time given to the text extraction of one file
 * @param clamdHost        clamd host (TCP); null: no antivirus
 * @param clamdPort        clamd port
 * @param clamdTimeout     connect and read time-out for clamd
 */
@ConfigurationProperties("sne.pieces")
public record PiecesConfiguration(
        @Bindable(defaultValue = "20MB") @ReadableBytes long tailleMax,
        @Bindable(defaultValue = "" + PIXELS_MAX) long pixelsMax,
        @Bindable(defaultValue = "" + APERCU_COTE_MAX) int apercuCoteMax,
        @Bindable(defaultValue = "" + PAGES_MAX) int pagesMax,
        @Bindable(defaultValue = "" + TEXTE_MAX) int texteMax,
        @Bindable(defaultValue = "30s") Duration dureeAnalyseMax,
        @Nullable String clamdHost,
        @Bindable(defaultValue = "3310") int clamdPort,
        @Bindable(defaultValue = "30s") Duration clamdTimeout) {

    public static final long TAILLE_MAX = 20L * 1024 * 1024;
    public static final long PIXELS_MAX = 200_000_000L;
    public static final int APERCU_COTE_MAX = 2000;
    public static final int PAGES_MAX = 200;
    public static final int TEXTE_MAX = 1_000_000;

    /** The defaults, without antivirus (tests, tools). */
    public static PiecesConfiguration parDefaut() {
        return new PiecesConfiguration(TAILLE_MAX, PIXELS_MAX, APERCU_COTE_MAX, PAGES_MAX, TEXTE_MAX,
                Duration.ofSeconds(30), null, 3310, Duration.ofSeconds(30));
    }

    public PiecesConfiguration avecTailleMax(long octets) {
        return new PiecesConfiguration(octets, pixelsMax, apercuCoteMax, pagesMax, texteMax, dureeAnalyseMax,
                clamdHost, clamdPort, clamdTimeout);
    }

    public PiecesConfiguration avecPixelsMax(long pixels) {
        return new PiecesConfiguration(tailleMax, pixels, apercuCoteMax, pagesMax, texteMax, dureeAnalyseMax,
                clamdHost, clamdPort, clamdTimeout);
    }

    public PiecesConfiguration avecClamd(String host, int port, Duration timeout) {
        return new PiecesConfiguration(tailleMax, pixelsMax, apercuCoteMax, pagesMax, texteMax, dureeAnalyseMax,
                host, port, timeout);
    }

    public boolean antivirusActif() {
        return clamdHost != null && !clamdHost.isBlank();
    }
}
