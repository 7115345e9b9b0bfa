package fr.sne.core.evenement;

import fr.sne.core.journal.TypeEvenement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An event as the vendors' API shows it (contract v1.0, "Events"): the desk, never the agent. */
@Serdeable
@Schema(name = "Evenement", description = "Événement de l'historique partagé d'une demande")
public record EvenementJson(
        @Schema(description = "Identifiant de l'événement") long id,
        @Schema(description = "Code du type d'événement", example = "TENAD00022") String type,
        @Schema(description = "Libellé du type d'événement") String libelle,
        @Schema(description = "SYSTEME (enregistré par le registre) ou GUICHET (saisi par un guichet)") String origine,
        @Nullable @Schema(description = "Code du guichet qui a saisi l'événement (ou dont l'action a causé un événement "
                + "du système) ; null pour le système seul ou le gestionnaire territorial") String createur,
        @Schema(description = "Le créateur en clair : nom du guichet, « Gestionnaire territorial » ou « Système »")
        String createurLibelle,
        @Schema(description = "Date de survenance") LocalDate dateSurvenance,
        @Nullable @Schema(description = "Texte libre") String commentaire,
        @Schema(description = "Événement réglementaire (visible du demandeur si le territoire l'ouvre sur le portail)")
        boolean reglementaire,
        @Schema(description = "Le type d'événement peut être montré au demandeur") boolean visibleDemandeur,
        @Schema(description = "Supprimé par son guichet : reste visible des professionnels, plus du demandeur") boolean supprime,
        @Nullable @Schema(description = "Date et heure de la suppression") Instant supprimeLe,
        @Schema(description = "Date et heure de l'enregistrement") Instant creeLe) {

    static EvenementJson de(Evenement e, Optional<TypeEvenement> type) {
        return new EvenementJson(e.id(), e.code(), type.map(TypeEvenement::libelle).orElse(e.code()), e.origine(), e.guichet(),
                e.createurLibelle(), e.dateSurvenance(), e.commentaire(), type.map(TypeEvenement::reglementaire).orElse(false),
                type.map(TypeEvenement::visibleDemandeur).orElse(false), e.supprime(), e.supprimeLe(), e.creeLe());
    }
}
