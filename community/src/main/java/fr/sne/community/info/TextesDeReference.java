package fr.sne.community.info;

import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The legal corpus shipped in the jar ({@code corpus/legal_fr_articles.jsonl.gz}, 16,074 articles of
 * four codes, see its README) loaded as public "Textes de référence" of the réglementation theme.
 * Idempotent: each text keeps its source identifier, and a text already there is left alone; a
 * second load inserts nothing. Batches of {@value #LOT} rows in one statement each (unnest), all
 * in one transaction: the corpus is there entirely or not at all.
 */
@Singleton
public class TextesDeReference {

    private static final Logger LOG = LoggerFactory.getLogger(TextesDeReference.class);
    static final String RESSOURCE = "corpus/legal_fr_articles.jsonl.gz";
    static final int LOT = 1000;
    private static final Actor SYSTEME = new Actor.Systeme("corpus-textes-reference");
    private static final Argument<Map<String, Object>> LIGNE = Argument.mapOf(String.class, Object.class);

    private final TenantTransactions transactions;
    private final ArticleRepository articles;
    private final AuditTrail audit;
    private final IndexationArticles index;
    private final JsonMapper json;
    private final Clock clock;

    TextesDeReference(TenantTransactions transactions, ArticleRepository articles, AuditTrail audit, IndexationArticles index,
                      JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    /** Loads the texts not loaded yet; returns how many were inserted (0 the second time). */
    public int charger() {
        long debut = System.nanoTime();
        List<ArticleRepository.TexteReference> textes = lire();
        Instant maintenant = clock.instant();
        Map<String, ArticleRepository.TexteReference> parSlug = new HashMap<>();
        textes.forEach(t -> parSlug.put(t.slug(), t));
        List<Map.Entry<Long, ArticleRepository.TexteReference>> inseres = transactions.inScope(Scope.nationalEcriture(), () -> {
            List<Map.Entry<Long, ArticleRepository.TexteReference>> nouveaux = new ArrayList<>();
            for (int i = 0; i < textes.size(); i += LOT) {
                for (ArticleRepository.Insere insere : articles.insererTextes(textes.subList(i, Math.min(textes.size(), i + LOT)), maintenant)) {
                    nouveaux.add(Map.entry(insere.id(), parSlug.get(insere.slug())));
                }
            }
            if (!nouveaux.isEmpty()) {
                audit.changement(SYSTEME, TypeAction.CREATION, null, RedactionService.OBJET, "corpus",
                        null, Map.of("ressource", RESSOURCE, "textes", nouveaux.size()));
            }
            return nouveaux;
        });
        for (Map.Entry<Long, ArticleRepository.TexteReference> e : inseres) {
            index.indexer(article(e.getKey(), e.getValue(), maintenant), null);
        }
        LOG.info("Textes de référence : {} lus, {} ajoutés en {} ms", textes.size(), inseres.size(),
                (System.nanoTime() - debut) / 1_000_000);
        return inseres.size();
    }

    /** How many reference texts the site holds. */
    public long nombre() {
        return transactions.withoutScope(articles::compterTextes);
    }

    private List<ArticleRepository.TexteReference> lire() {
        InputStream ressource = getClass().getClassLoader().getResourceAsStream(RESSOURCE);
        if (ressource == null) {
            throw new IllegalStateException("Corpus absent du classpath : " + RESSOURCE);
        }
        List<ArticleRepository.TexteReference> textes = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        try (BufferedReader lignes = new BufferedReader(new InputStreamReader(new GZIPInputStream(ressource, 1 << 16), StandardCharsets.UTF_8))) {
            String ligne;
            while ((ligne = lignes.readLine()) != null) {
                if (ligne.isBlank()) {
                    continue;
                }
                Map<String, Object> o = json.readValue(ligne, LIGNE);
                String code = texte(o, "code");
                String num = texte(o, "num");
                String corps = texte(o, "body");
                // a few articles share a number within a code (annexes): the file's order decides their suffix
                String base = Slugs.de(code + " " + num);
                String slug = base;
                for (int n = 2; !slugs.add(slug); n++) {
                    slug = base + "-" + n;
                }
                textes.add(new ArticleRepository.TexteReference(slug, texte(o, "title"), corps, RenduMarkdown.texteEnHtml(corps),
                        texte(o, "id"), code, texte(o, "section"), texte(o, "source"), cleTri(num)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return textes;
    }

    private static final Pattern NOMBRE = Pattern.compile("[0-9]+");

    /**
     * The natural order of an article number within its code: legislative (L, LO), regulatory (R,
     * R*), decrees (D, D*), then annexes; numbers compared as numbers (L441-2 before L441-10).
     */
    static String cleTri(String num) {
        String n = num == null ? "" : num.strip();
        int rang;
        if (n.startsWith("Annexe")) {
            rang = 9;
        } else if (n.startsWith("L")) {
            rang = 1;
        } else if (n.startsWith("R")) {
            rang = 2;
        } else if (n.startsWith("D")) {
            rang = 3;
        } else {
            rang = 8;
        }
        StringBuilder cle = new StringBuilder().append(rang);
        Matcher m = NOMBRE.matcher(n);
        while (m.find()) {
            String chiffres = m.group().length() > 8 ? m.group().substring(0, 8) : m.group();
            cle.append('.').append("0".repeat(8 - chiffres.length())).append(chiffres);
        }
        return cle.append(' ').append(n).toString();
    }

    private static String texte(Map<String, Object> o, String champ) {
        Object v = o.get(champ);
        return v == null ? null : v.toString().strip();
    }

    private static Article article(long id, ArticleRepository.TexteReference t, Instant maintenant) {
        return new Article(id, null, t.slug(), TypeContenu.TEXTE_REFERENCE, t.titre(), null, t.corps(), t.html(),
                List.of(Theme.REGLEMENTATION), Audience.PUBLIC, Statut.PUBLIE, maintenant, false, null, null, t.code(),
                t.section(), t.source(), "Corpus des textes de référence", maintenant, maintenant, 1);
    }
}
