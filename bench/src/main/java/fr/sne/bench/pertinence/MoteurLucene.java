package fr.sne.bench.pertinence;

import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.DocumentIndexe;
import fr.sne.community.recherche.Libelles;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.community.recherche.Recherche;
import fr.sne.community.recherche.Reglages;
import fr.sne.community.recherche.Resultats;
import fr.sne.community.recherche.Visibilite;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The product's search engine, in process, on a temporary index rebuilt from the corpus as
 * public "Textes de référence" items; each query is the product's full search (first page of
 * ten, total, facets, snippets, suggestion), as an anonymous visitor gets it, or ({@link #idsSeuls})
 * the first ten ids only.
 */
public final class MoteurLucene implements Systeme, AutoCloseable {

    private static final String PREFIXE = "texte:";

    private final MoteurRecherche moteur;
    private final String nom;
    private final MoteurRecherche.Bilan bilan;
    private final boolean complet;

    public MoteurLucene(List<Article> articles, Reglages reglages, String nom) {
        this(articles, reglages, nom, true);
    }

    private MoteurLucene(MoteurLucene autre, String nom) {
        this.moteur = autre.moteur;
        this.nom = nom;
        this.bilan = autre.bilan;
        this.complet = false;
    }

    private MoteurLucene(List<Article> articles, Reglages reglages, String nom, boolean complet) {
        this.nom = nom;
        this.complet = complet;
        this.moteur = new MoteurRecherche(null, reglages, Libelles.communs(), Clock.systemUTC());
        this.bilan = moteur.reconstruire(List.of(sink -> articles.forEach(a -> sink.accept(new DocumentIndexe(
                PREFIXE + a.id(), "texte-reference", a.titreIndexe(), a.corps(), List.of("reglementation"), null, null,
                "/info/textes/" + a.id(), Set.of(Acces.PUBLIC))))));
    }

    /**
     * The same index answering with the first ten ids only (no count, facets, snippets nor
     * suggestion): the same work as the PostgreSQL query, for a like-for-like latency.
     */
    public MoteurLucene idsSeuls(String autreNom) {
        return new MoteurLucene(this, autreNom);
    }

    public MoteurRecherche.Bilan bilan() {
        return bilan;
    }

    @Override
    public String nom() {
        return nom;
    }

    @Override
    public List<String> chercher(String requete) {
        if (!complet) {
            return moteur.identifiants(Recherche.de(requete), Visibilite.publique()).stream().map(id -> id.substring(PREFIXE.length())).toList();
        }
        Resultats r = moteur.rechercher(Recherche.de(requete), Visibilite.publique());
        return r.resultats().stream().map(x -> x.id().substring(PREFIXE.length())).toList();
    }

    @Override
    public void close() {
        moteur.close();
    }
}
