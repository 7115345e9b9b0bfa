package fr.sne.documents.analyse;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The viewing copy of a photo: re-encoded from its pixels only, so no EXIF, GPS, XMP or comment
 * of the original survives; upright (EXIF orientation applied) and no larger than the configured
 * side. HEIC cannot be decoded in Java: its EXIF and XMP items are blanked in a copy instead.
 */
final class Apercus {

    private static final float QUALITE_JPEG = 0.85f;

    private Apercus() {
    }

    static Optional<Path> creer(Path fichier, FormatPiece format, Path dossier, String nom, PiecesConfiguration configuration)
            throws IOException {
        return switch (format) {
            case PDF -> Optional.empty();
            case HEIC -> {
                Optional<byte[]> nettoye = Heif.sansMetadonnees(Files.readAllBytes(fichier));
                yield nettoye.isEmpty() ? Optional.empty()
                        : Optional.of(Files.write(dossier.resolve(nom + ".heic"), nettoye.get()));
            }
            case JPEG, PNG, TIFF -> image(fichier, format, dossier, nom, configuration);
        };
    }

    private static Optional<Path> image(Path fichier, FormatPiece format, Path dossier, String nom,
                                        PiecesConfiguration configuration) throws IOException {
        Images.Dimensions dimensions = Images.dimensions(fichier, format);
        if (dimensions.pixels() > configuration.pixelsMax()) {
            return Optional.empty();
        }
        int coteMax = configuration.apercuCoteMax();
        // decoded at twice the target at most, then scaled smoothly: bounded memory, no aliasing
        BufferedImage image = Images.decoder(fichier, format, 2 * coteMax);
        image = redresser(image, orientation(fichier, format));
        image = reduire(image, coteMax);
        boolean transparence = image.getColorModel().hasAlpha();
        Path sortie = dossier.resolve(nom + (transparence ? ".png" : ".jpg"));
        if (transparence) {
            ImageIO.write(copie(image, BufferedImage.TYPE_INT_ARGB), "png", sortie.toFile());
        } else {
            ecrireJpeg(copie(image, BufferedImage.TYPE_INT_RGB), sortie);
        }
        return Optional.of(sortie);
    }

    /** The EXIF orientation (1 = upright); 1 when absent or unreadable. */
    private static int orientation(Path fichier, FormatPiece format) {
        if (format != FormatPiece.JPEG && format != FormatPiece.TIFF) {
            return 1;
        }
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(fichier.toFile());
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
        } catch (Exception e) {
            return 1;
        }
    }

    static BufferedImage redresser(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int l = image.getWidth();
        int h = image.getHeight();
        boolean tourne = orientation >= 5;
        // (m00, m10, m01, m11, m02, m12): where source pixel (x, y) lands on the upright image
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, l, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, l, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turn a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, l);  // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, l);  // 8: a quarter anticlockwise
        };
        BufferedImage sortie = new BufferedImage(tourne ? h : l, tourne ? l : h, typeSortie(image));
        Graphics2D g = sortie.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return sortie;
    }

    /** Halves the image until near the target, then one bilinear step: smooth and cheap. */
    private static BufferedImage reduire(BufferedImage image, int coteMax) {
        BufferedImage courante = image;
        while (Math.max(courante.getWidth(), courante.getHeight()) > coteMax) {
            int cote = Math.max(courante.getWidth(), courante.getHeight());
            double facteur = Math.max(0.5, (double) coteMax / cote);
            int l = Math.max(1, (int) Math.round(courante.getWidth() * facteur));
            int h = Math.max(1, (int) Math.round(courante.getHeight() * facteur));
            BufferedImage reduite = new BufferedImage(l, h, typeSortie(courante));
            Graphics2D g = reduite.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(courante, 0, 0, l, h, null);
            } finally {
                g.dispose();
            }
            courante = reduite;
        }
        return courante;
    }

    private static int typeSortie(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static BufferedImage copie(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copie = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copie.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copie;
    }

    /** Pixels only: no metadata tree is given to the writer, so it writes a bare JFIF header. */
    private static void ecrireJpeg(BufferedImage image, Path sortie) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(sortie))) {
            writer.setOutput(out);
            ImageWriteParam parametres = writer.getDefaultWriteParam();
            parametres.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parametres.setCompressionQuality(QUALITE_JPEG);
            writer.write(null, new IIOImage(image, null, null), parametres);
        } finally {
            writer.dispose();
        }
    }
}
