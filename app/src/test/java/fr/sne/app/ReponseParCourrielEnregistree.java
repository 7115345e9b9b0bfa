package fr.sne.app;

import fr.sne.community.forum.ReponsesParCourriel;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for the forums' {@link ReponsesParCourriel} while it is not on this branch: records
 * the calls, refuses the topics a test asks it to. Secondary: the real implementation wins (the
 * lead removes this class when merging the forums).
 */
@Singleton
@Secondary
public class ReponseParCourrielEnregistree implements ReponsesParCourriel {

    /** One call. */
    public record Appel(long sujetId, long utilisateurId, String texte, String messageIdCourriel) {
    }

    private final List<Appel> appels = new CopyOnWriteArrayList<>();
    private final Map<Long, String> refus = new ConcurrentHashMap<>();

    @Override
    public Issue repondre(long sujetId, long utilisateurId, String texte, String messageIdCourriel) {
        appels.add(new Appel(sujetId, utilisateurId, texte, messageIdCourriel));
        String motif = refus.get(sujetId);
        if (motif != null) {
            return new Issue.Refusee(motif);
        }
        return new Issue.Publiee(appels.size(), "/communaute/sujets/" + sujetId);
    }

    public List<Appel> appels() {
        return List.copyOf(appels);
    }

    /** The forums will refuse replies to this topic, saying why. */
    public void refuser(long sujetId, String motif) {
        refus.put(sujetId, motif);
    }
}
