package fr.sne.core.antifraude;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small CSV file as the register's other exports write them (fr.sne.core.recherche) and
 * French Excel opens by a double click: UTF-8 with a byte order mark, {@code ;} between cells,
 * CRLF line ends; text a spreadsheet would take for a formula gets a leading apostrophe.
 */
final class Csv {

    private final StringBuilder texte = new StringBuilder("\uFEFF");

    Csv ligne(List<?> cellules) {
        for (int i = 0; i < cellules.size(); i++) {
            if (i > 0) {
                texte.append(';');
            }
            texte.append(cellule(cellules.get(i)));
        }
        texte.append("\r\n");
        return this;
    }

    byte[] octets() {
        return texte.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cellule(Object valeur) {
        if (valeur == null) {
            return "";
        }
        if (valeur instanceof Number n) {
            return n.toString();
        }
        String v = valeur.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
