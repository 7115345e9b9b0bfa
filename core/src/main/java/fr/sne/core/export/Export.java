package fr.sne.core.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One export as stored. {@code departements} are the reference data's codes (e.g. {@code 38}). */
record Export(String territoire, UUID id, String clientId, String guichet, Statut statut, List<Entite> entites,
              Integer profondeurDrm, String etat, List<String> departements, List<String> communes,
              Integer nombreDemandes, int demandesTraitees, Long taille, String cleObjet, Instant creeLe,
              Instant debuteLe, Instant termineLe, Instant expireLe, int tentatives) {

    enum Statut { EN_ATTENTE, EN_COURS, TERMINE, ECHEC, EXPIRE }

    Export {
        entites = List.copyOf(entites);
        departements = departements == null ? null : List.copyOf(departements);
        communes = communes == null ? null : List.copyOf(communes);
    }
}
