package fr.sne.core.recherche;

import java.io.IOException;
import java.io.OutputStream;

/** The export formats of a result list: CSV for French Excel, and XLSX. */
public enum FormatExport {
    CSV("text/csv; charset=utf-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String typeMime;
    private final String extension;

    FormatExport(String typeMime, String extension) {
        this.typeMime = typeMime;
        this.extension = extension;
    }

    public String typeMime() {
        return typeMime;
    }

    public String extension() {
        return extension;
    }

    Tableur ouvrir(OutputStream sortie) throws IOException {
        return switch (this) {
            case CSV -> new TableurCsv(sortie);
            case XLSX -> new TableurXlsx(sortie, "Demandes");
        };
    }

    /** Writes rows one by one; cells are String, Number, LocalDate or null. */
    interface Tableur extends AutoCloseable {
        void ligne(java.util.List<?> cellules, boolean entete) throws IOException;

        @Override
        void close() throws IOException;
    }
}
