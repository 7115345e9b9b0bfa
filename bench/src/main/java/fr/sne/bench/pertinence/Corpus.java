package fr.sne.bench.pertinence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the legal corpus the community module ships (16,074 articles, gzip JSON lines). */
public final class Corpus {

    private static final String RESSOURCE = "/corpus/legal_fr_articles.jsonl.gz";

    private Corpus() {
    }

    public static List<Article> lire() {
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream(RESSOURCE);
             BufferedReader lignes = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String ligne;
            while ((ligne = lignes.readLine()) != null) {
                JsonNode a = json.readTree(ligne);
                articles.add(new Article(a.get("id").asText(), a.get("code").asText(), a.get("num").asText(),
                        a.get("title").asText(), a.path("section").asText(""), a.get("body").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }
}
