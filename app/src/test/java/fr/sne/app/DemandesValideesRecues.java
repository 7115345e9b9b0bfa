package fr.sne.app;

import fr.sne.core.enligne.DemandeValidee;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener: the validations announced to whoever sends the attestation. */
@Singleton
class DemandesValideesRecues implements ApplicationEventListener<DemandeValidee> {

    private final List<DemandeValidee> recues = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(DemandeValidee event) {
        recues.add(event);
    }

    List<DemandeValidee> recues() {
        return List.copyOf(recues);
    }
}
