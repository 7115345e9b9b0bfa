package fr.sne.tenants.identity;

import java.util.List;
import java.util.Optional;

/** Who is behind a request; resolved once per request by {@link ActorFilter}. */
public sealed interface Actor {

    /** The request attribute holding the resolved actor. */
    String ATTRIBUTE = "sne.actor";

    /** A signed-in professional (ProConnect-style identity) and their habilitations. */
    record Professionnel(long utilisateurId, String email, String prenom, String nom,
                         List<Habilitation> habilitations, Long choix) implements Actor {
        public Professionnel {
            habilitations = List.copyOf(habilitations);
        }

        public String nomAffiche() {
            String full = ((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom)).trim();
            return full.isEmpty() ? email : full;
        }

        /** The habilitation chosen for this session, or the only one; empty while a choice is due. */
        public Optional<Habilitation> habilitationActive() {
            Optional<Habilitation> choisie = choix == null ? Optional.empty()
                    : habilitations.stream().filter(h -> h.id() == choix).findFirst();
            // a choice that is no longer valid (suspended, revoked) counts as no choice
            return choisie.or(() -> habilitations.size() == 1 ? Optional.of(habilitations.getFirst()) : Optional.empty());
        }

        /** Several habilitations and none chosen yet: the person must pick one. */
        public boolean choixRequis() {
            return habilitations.size() > 1 && habilitationActive().isEmpty();
        }
    }

    /** A signed-in person without any professional account (an applicant, FranceConnect-style). */
    record Particulier(long compteId, String email, String prenom, String nom) implements Actor {
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

    /** The platform itself, for persistent jobs (e.g. the automatic suspension). */
    record Systeme(String nom) implements Actor {
    }
}
