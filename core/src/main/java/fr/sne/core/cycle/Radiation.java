package fr.sne.core.cycle;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A radiation of an application as stored: in force until lifted by a de-radiation (with its
 * reason) or by the reactivation of a RADREN application.
 *
 * @param echeance the renewal deadline when radiated (for RADREN, the missed one)
 * @param auteur   the audit's actor id (never shown to the applicant)
 */
public record Radiation(long id, String numero, MotifRadiation motif, @Nullable MotifRadiation.SousMotif sousMotif,
                        LocalDate date, LocalDate echeance, @Nullable String guichet, @Nullable String typeGuichet,
                        String auteur, String auteurLibelle, @Nullable String commentaire,
                        @Nullable LocalDate dateRenonciation, @Nullable Long evenementAvertissement,
                        @Nullable LocalDate dateAvertissement,
                        @Nullable DemandeRadiation.Attribution attribution, long statistiqueId, Instant creeLe,
                        @Nullable Levee levee) {

    /** Why a radiation no longer holds. */
    public enum TypeLevee { DERADIATION, REACTIVATION }

    public record Levee(TypeLevee type, Instant le, String par, String parLibelle, @Nullable String motif) {
    }

    public boolean enVigueur() {
        return levee == null;
    }
}
