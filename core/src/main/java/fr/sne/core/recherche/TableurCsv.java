package fr.sne.core.recherche;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV as French Excel opens it by a double click: UTF-8 with a byte order mark, {@code ;} between
 * cells, CRLF line ends, dates as dd/mm/yyyy. Text that a spreadsheet would take for a formula
 * is neutralised with a leading apostrophe.
 */
final class TableurCsv implements FormatExport.Tableur {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Writer out;

    TableurCsv(OutputStream sortie) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(sortie, StandardCharsets.UTF_8), 16 * 1024);
        out.write('\uFEFF');
    }

    @Override
    public void ligne(List<?> cellules, boolean entete) throws IOException {
        for (int i = 0; i < cellules.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cellule(cellules.get(i)));
        }
        out.write("\r\n");
    }

    static String cellule(Object valeur) {
        return switch (valeur) {
            case null -> "";
            case Number n -> n.toString();
            case LocalDate d -> d.format(DATE);
            default -> texte(valeur.toString());
        };
    }

    private static String texte(String v) {
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
