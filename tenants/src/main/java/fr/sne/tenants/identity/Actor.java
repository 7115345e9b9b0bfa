package fr.sne.tenants.identity;

import java.util.List;
import java.util.Optional;

/** Who is behind a request; resolved once per request by {@link ActorFilter}. */
public sealed interface Actor {

    /** The request attribute holding the resolved actor. */
    String ATTRIBUTE = "sne.actor";

    /** A signed-in professional (ProConnect-style identity) and their habilitations. */
    record Professionnel(long utilisateurId, String email, String prenom, String nom,
                         List<Habilitation> habilitations) implements Actor {
        public Professionnel {
            habilitations = List.copyOf(habilitations);
        }

        public String nomAffiche() {
            String full = ((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom)).trim();
            return full.isEmpty() ? email : full;
        }

        /** The active habilitation (the first one until the choice of issue #3 exists). */
        public Optional<Habilitation> habilitationActive() {
            return habilitations.stream().findFirst();
        }
    }

    /** A signed-in person without any professional account (an applicant, FranceConnect-style). */
    record Particulier(String email, String prenom, String nom) implements Actor {
        public String nomAffiche() {
            String full = ((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom)).trim();
            return full.isEmpty() ? email : full;
        }
    }

    /** A vendor's system, authenticated by a client-credentials token, acting for one desk. */
    record ClientApi(String clientId, String guichet, String territoire, List<String> scopes) implements Actor {
        public ClientApi {
            scopes = List.copyOf(scopes);
        }
    }

    /** Nobody signed in. */
    record Anonyme() implements Actor {
    }
}
