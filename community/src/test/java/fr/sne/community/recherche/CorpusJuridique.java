package fr.sne.community.recherche;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** The legal corpus of the module's resources as public "Textes de référence" items. */
final class CorpusJuridique implements SourceIndexation {

    @Override
    public void parcourir(Consumer<DocumentIndexe> sink) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = getClass().getResourceAsStream("/corpus/legal_fr_articles.jsonl.gz");
             BufferedReader lignes = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String ligne;
            while ((ligne = lignes.readLine()) != null) {
                JsonNode a = json.readTree(ligne);
                String section = a.path("section").asText("");
                sink.accept(new DocumentIndexe("texte:" + a.get("id").asText(), "texte-reference",
                        a.get("title").asText() + (section.isBlank() ? "" : " — " + section), a.get("body").asText(),
                        java.util.List.of("reglementation"), null, null, "/info/textes/" + a.get("id").asText(), Set.of(Acces.PUBLIC)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
