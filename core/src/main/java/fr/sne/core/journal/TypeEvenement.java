package fr.sne.core.journal;

/**
 * One kind of event in the shared history of an application (gestion partagée).
 *
 * @param code             stable code, as exchanged with vendors' systems
 * @param reglementaire    an event the regulations require to be shared (shown to the applicant
 *                         when the territory opens regulatory events on the portal)
 * @param visibleDemandeur whether the applicant may ever see it on the portal
 */
public record TypeEvenement(String code, String libelle, boolean reglementaire, Origine origine, boolean visibleDemandeur) {

    /** Who creates events of this kind: the register itself, or a desk. */
    public enum Origine { SYSTEME, GUICHET }
}
