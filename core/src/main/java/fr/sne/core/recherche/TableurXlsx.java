package fr.sne.core.recherche;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A one-sheet XLSX workbook written as the rows come (SpreadsheetML in a zip): the fixed parts
 * first, then the sheet row by row with inline strings, so nothing but the current row is held
 * in memory and no shared-strings table is needed. Dates are real dates (serial numbers with
 * the locale's short date format); the header row is bold and frozen.
 */
final class TableurXlsx implements FormatExport.Tableur {

    /** The sheet's row limit (including the header). */
    static final int LIGNES_MAX = 1_048_576;
    private static final long EPOQUE_EXCEL = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipOutputStream zip;
    private final Writer xml;
    private int ligne;
    private boolean colonnes;

    TableurXlsx(OutputStream sortie, String feuille) throws IOException {
        this.zip = new ZipOutputStream(sortie, StandardCharsets.UTF_8);
        this.xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 16 * 1024);
        partie("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""");
        partie("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>""".formatted(REL));
        partie("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>"""
                .formatted(NS, REL, echapper(feuille)));
        partie("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="%1$s/styles" Target="styles.xml"/></Relationships>""".formatted(REL));
        // style 0: normal; 1: short date (numFmt 14, dd/mm/yyyy in French Excel); 2: bold header
        partie("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="%s">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""".formatted(NS));
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + NS + "\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "</sheetView></sheetViews>");
    }

    @Override
    public void ligne(List<?> cellules, boolean entete) throws IOException {
        if (ligne + 1 > LIGNES_MAX) {
            throw new IOException("Une feuille XLSX compte au plus " + LIGNES_MAX + " lignes");
        }
        if (!colonnes) {
            // column widths must precede the data: sized from the first (header) row
            xml.write("<cols>");
            for (int i = 0; i < cellules.size(); i++) {
                int largeur = Math.max(10, Math.min(45, String.valueOf(cellules.get(i)).length() + 4));
                xml.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + largeur + "\" customWidth=\"1\"/>");
            }
            xml.write("</cols><sheetData>");
            colonnes = true;
        }
        ligne++;
        xml.write("<row r=\"" + ligne + "\">");
        for (int i = 0; i < cellules.size(); i++) {
            Object v = cellules.get(i);
            String ref = colonne(i) + ligne;
            switch (v) {
                case null -> { }
                case Number n -> xml.write("<c r=\"" + ref + "\"><v>" + n + "</v></c>");
                case LocalDate d -> xml.write("<c r=\"" + ref + "\" s=\"1\"><v>" + (d.toEpochDay() - EPOQUE_EXCEL) + "</v></c>");
                default -> {
                    String t = v.toString();
                    xml.write("<c r=\"" + ref + "\" t=\"inlineStr\"" + (entete ? " s=\"2\"" : "") + "><is><t"
                            + (!t.equals(t.strip()) ? " xml:space=\"preserve\"" : "") + ">" + echapper(t) + "</t></is></c>");
                }
            }
        }
        xml.write("</row>");
    }

    @Override
    public void close() throws IOException {
        if (!colonnes) {
            xml.write("<sheetData>");
        }
        xml.write("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
        zip.close();
    }

    private void partie(String nom, String contenu) throws IOException {
        zip.putNextEntry(new ZipEntry(nom));
        zip.write(contenu.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A, B, …, Z, AA, AB… */
    static String colonne(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** XML text: markup escaped, characters XML 1.0 forbids dropped. */
    static String echapper(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
