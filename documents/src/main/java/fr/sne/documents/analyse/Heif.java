package fr.sne.documents.analyse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Just enough of the ISO base media file format (HEIF/HEIC) to check a file's structure and to
 * blank its metadata items: Java cannot decode HEVC, but the EXIF (with GPS) and XMP of a HEIC
 * photo are separate items located by the {@code iinf} and {@code iloc} boxes of {@code meta}.
 */
final class Heif {

    private static final Set<String> MARQUES = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "mif2");

    private Heif() {
    }

    /** A box: its type and where its payload (after the header) lies in the file. */
    private record Boite(String type, int debut, int fin) {
    }

    /** A byte range of the file. */
    private record Etendue(long debut, long longueur) {
    }

    /** The file is a HEIF still image whose boxes and items all lie inside the file. */
    static boolean lisible(byte[] fichier) {
        try {
            return structure(fichier) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A copy of the file where the bytes of every EXIF and XMP item are zeroed; empty when the
     * structure is not understood (then nothing is produced rather than a file that may keep them).
     */
    static Optional<byte[]> sansMetadonnees(byte[] fichier) {
        try {
            Structure structure = structure(fichier);
            if (structure == null) {
                return Optional.empty();
            }
            byte[] copie = fichier.clone();
            for (Etendue e : structure.aEffacer()) {
                for (long i = e.debut(); i < e.debut() + e.longueur(); i++) {
                    copie[(int) i] = 0;
                }
            }
            return Optional.of(copie);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Structure(List<Etendue> aEffacer) {
    }

    /** Null when the file is not a well-formed HEIF still image. */
    private static Structure structure(byte[] fichier) {
        List<Boite> racine = boites(fichier, 0, fichier.length);
        if (racine == null || racine.isEmpty() || !racine.getFirst().type().equals("ftyp") || !marqueHeif(fichier, racine.getFirst())) {
            return null;
        }
        Boite meta = premiere(racine, "meta");
        if (meta == null) {
            return null;
        }
        List<Boite> enfants = boites(fichier, meta.debut() + 4, meta.fin());
        if (enfants == null) {
            return null;
        }
        Boite iinf = premiere(enfants, "iinf");
        Boite iloc = premiere(enfants, "iloc");
        if (iinf == null || iloc == null || premiere(enfants, "pitm") == null) {
            return null;
        }
        Set<Long> metadonnees = itemsMetadonnees(fichier, iinf);
        if (metadonnees == null) {
            return null;
        }
        Boite idat = premiere(enfants, "idat");
        List<Etendue> aEffacer = new ArrayList<>();
        if (!etendues(fichier, iloc, idat, metadonnees, aEffacer)) {
            return null;
        }
        return new Structure(aEffacer);
    }

    private static boolean marqueHeif(byte[] f, Boite ftyp) {
        for (int i = ftyp.debut(); i + 4 <= ftyp.fin(); i += 4) {
            if (i == ftyp.debut() + 4) {
                continue; // minor version
            }
            if (MARQUES.contains(new String(f, i, 4, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    private static Boite premiere(List<Boite> boites, String type) {
        return boites.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
    }

    /** The boxes between two offsets, or null when one overflows its parent. */
    private static List<Boite> boites(byte[] f, int debut, int fin) {
        List<Boite> boites = new ArrayList<>();
        int position = debut;
        while (position < fin) {
            if (fin - position < 8) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(f, position, fin - position);
            long taille = Integer.toUnsignedLong(b.getInt());
            String type = new String(f, position + 4, 4, StandardCharsets.ISO_8859_1);
            int entete = 8;
            if (taille == 1) {
                if (fin - position < 16) {
                    return null;
                }
                taille = b.getLong();
                entete = 16;
            } else if (taille == 0) {
                taille = fin - position;
            }
            if (taille < entete || taille > fin - position) {
                return null;
            }
            boites.add(new Boite(type, position + entete, (int) (position + taille)));
            position += (int) taille;
        }
        return boites;
    }

    /** IDs of the EXIF items and of the XMP ("mime" application/rdf+xml) items. */
    private static Set<Long> itemsMetadonnees(byte[] f, Boite iinf) {
        ByteBuffer b = ByteBuffer.wrap(f, iinf.debut(), iinf.fin() - iinf.debut());
        int version = b.get() & 0xff;
        b.position(b.position() + 3);
        long nombre = version == 0 ? Short.toUnsignedLong(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        List<Boite> infes = boites(f, b.position(), iinf.fin());
        if (infes == null || infes.size() < nombre) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (Boite infe : infes) {
            if (!infe.type().equals("infe")) {
                continue;
            }
            ByteBuffer e = ByteBuffer.wrap(f, infe.debut(), infe.fin() - infe.debut());
            int v = e.get() & 0xff;
            e.position(e.position() + 3);
            if (v < 2) {
                continue; // no item type before version 2: not an EXIF item
            }
            long id = v == 2 ? Short.toUnsignedLong(e.getShort()) : Integer.toUnsignedLong(e.getInt());
            e.getShort(); // protection index
            byte[] type = new byte[4];
            e.get(type);
            String typeItem = new String(type, StandardCharsets.ISO_8859_1);
            if (typeItem.equals("Exif")) {
                ids.add(id);
            } else if (typeItem.equals("mime")) {
                chaine(e); // item name
                String contentType = chaine(e).toLowerCase();
                if (contentType.contains("rdf+xml") || contentType.contains("xmp")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String chaine(ByteBuffer b) {
        StringBuilder s = new StringBuilder();
        while (b.hasRemaining()) {
            byte c = b.get();
            if (c == 0) {
                break;
            }
            s.append((char) (c & 0xff));
        }
        return s.toString();
    }

    /**
     * Reads {@code iloc}: every extent must lie inside the file (a truncated photo fails here);
     * the extents of the metadata items are added to {@code aEffacer}.
     */
    private static boolean etendues(byte[] f, Boite iloc, Boite idat, Set<Long> metadonnees, List<Etendue> aEffacer) {
        ByteBuffer b = ByteBuffer.wrap(f, iloc.debut(), iloc.fin() - iloc.debut());
        int version = b.get() & 0xff;
        b.position(b.position() + 3);
        int tailles = b.get() & 0xff;
        int tailleDecalage = tailles >> 4;
        int tailleLongueur = tailles & 0x0f;
        int tailles2 = b.get() & 0xff;
        int tailleBase = tailles2 >> 4;
        int tailleIndex = version == 1 || version == 2 ? tailles2 & 0x0f : 0;
        long nombre = version < 2 ? Short.toUnsignedLong(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        for (long i = 0; i < nombre; i++) {
            long id = version < 2 ? Short.toUnsignedLong(b.getShort()) : Integer.toUnsignedLong(b.getInt());
            int methode = 0;
            if (version == 1 || version == 2) {
                methode = b.getShort() & 0x0f;
            }
            b.getShort(); // data reference index
            long base = entier(b, tailleBase);
            int extents = Short.toUnsignedInt(b.getShort());
            for (int x = 0; x < extents; x++) {
                entier(b, tailleIndex);
                long decalage = entier(b, tailleDecalage);
                long longueur = entier(b, tailleLongueur);
                long debut;
                long limite;
                if (methode == 0) {
                    debut = base + decalage;
                    limite = f.length;
                } else if (methode == 1 && idat != null) {
                    debut = idat.debut() + base + decalage;
                    limite = idat.fin();
                } else {
                    return false; // item references: not used by photos, not supported
                }
                if (longueur == 0 && methode == 0) {
                    longueur = limite - debut; // "to the end of the file"
                }
                if (debut < 0 || longueur < 0 || debut + longueur > limite) {
                    return false;
                }
                if (metadonnees.contains(id)) {
                    aEffacer.add(new Etendue(debut, longueur));
                }
            }
        }
        return true;
    }

    private static long entier(ByteBuffer b, int octets) {
        return switch (octets) {
            case 0 -> 0;
            case 4 -> Integer.toUnsignedLong(b.getInt());
            case 8 -> b.getLong();
            default -> throw new IllegalArgumentException("taille de champ " + octets);
        };
    }
}
