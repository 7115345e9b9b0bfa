package fr.sne.documents.analyse;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Image decoding with bounded memory: dimensions come from the header, pixels are decoded with
 * source subsampling so a huge (or decompression-bomb) image never becomes a huge raster.
 */
final class Images {

    private Images() {
    }

    record Dimensions(int largeur, int hauteur) {
        long pixels() {
            return (long) largeur * hauteur;
        }
    }

    /** Width and height read from the header only. */
    static Dimensions dimensions(Path fichier, FormatPiece format) throws IOException {
        try (ImageInputStream in = ouvrir(fichier)) {
            ImageReader reader = lecteur(in, format);
            try {
                return new Dimensions(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The first image, decoded with the subsampling that keeps its longest side close to (and not
     * under) {@code coteCible} pixels.
     */
    static BufferedImage decoder(Path fichier, FormatPiece format, int coteCible) throws IOException {
        try (ImageInputStream in = ouvrir(fichier)) {
            ImageReader reader = lecteur(in, format);
            try {
                int cote = Math.max(reader.getWidth(0), reader.getHeight(0));
                int pas = Math.max(1, cote / Math.max(1, coteCible));
                ImageReadParam parametres = reader.getDefaultReadParam();
                parametres.setSourceSubsampling(pas, pas, 0, 0);
                List<String> avertissements = new ArrayList<>();
                reader.addIIOReadWarningListener((source, message) -> avertissements.add(message));
                BufferedImage image = reader.read(0, parametres);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new IIOException("image vide");
                }
                // the JPEG decoder only warns about missing data and paints the rest grey
                if (avertissements.stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("premature end"))) {
                    throw new IIOException("image incomplète : " + avertissements);
                }
                if (format == FormatPiece.TIFF) {
                    verifierBandesTiff(reader, in.length());
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The JDK decoders refuse some valid images (CMYK or YCCK JPEG): that is not corruption. */
    static boolean typeNonGere(IIOException e) {
        return e.getMessage() != null && e.getMessage().contains("Unsupported Image Type");
    }

    static String megaOctets(long octets) {
        long mo = octets / (1024 * 1024);
        return mo * 1024 * 1024 == octets ? mo + " Mo" : String.format(java.util.Locale.FRANCE, "%.1f Mo", octets / 1048576.0);
    }

    private static ImageInputStream ouvrir(Path fichier) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(fichier.toFile());
        if (in == null) {
            throw new IIOException("flux image impossible");
        }
        return in;
    }

    /**
     * The TIFF decoder reads missing strips as zeros: every strip or tile must lie inside the file.
     */
    private static void verifierBandesTiff(ImageReader reader, long longueur) throws IOException {
        if (longueur < 0) {
            return;
        }
        TIFFDirectory ifd = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
        boolean tuiles = ifd.containsTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS);
        TIFFField decalages = ifd.getTIFFField(tuiles ? BaselineTIFFTagSet.TAG_TILE_OFFSETS : BaselineTIFFTagSet.TAG_STRIP_OFFSETS);
        TIFFField tailles = ifd.getTIFFField(tuiles ? BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS : BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS);
        if (decalages == null || tailles == null || decalages.getCount() != tailles.getCount()) {
            throw new IIOException("TIFF sans bandes");
        }
        for (int i = 0; i < decalages.getCount(); i++) {
            if (decalages.getAsLong(i) + tailles.getAsLong(i) > longueur) {
                throw new IIOException("TIFF incomplet");
            }
        }
    }

    private static ImageReader lecteur(ImageInputStream in, FormatPiece format) throws IOException {
        // the JDK's own decoders first (jai-imageio, brought by Tika, registers others)
        List<ImageReader> lecteurs = new ArrayList<>();
        ImageIO.getImageReadersByMIMEType(format.typeMime()).forEachRemaining(lecteurs::add);
        ImageReader reader = lecteurs.stream()
                .filter(r -> r.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio"))
                .findFirst()
                .orElse(lecteurs.isEmpty() ? null : lecteurs.getFirst());
        if (reader == null) {
            throw new IIOException("aucun décodeur pour " + format);
        }
        reader.setInput(in, true, true);
        return reader;
    }
}
