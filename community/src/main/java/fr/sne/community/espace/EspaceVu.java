package fr.sne.community.espace;

import java.util.Optional;

/** A space as one professional sees it: with their explicit role, if any. */
public record EspaceVu(Espace espace, Optional<RoleEspace> role) {
}
