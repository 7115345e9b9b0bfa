package fr.sne.tenants.identity;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LoginSuccessfulEvent;
import jakarta.inject.Singleton;

/** Records each successful web sign-in (identity link and last sign-in time). */
@Singleton
class SignInRecorder implements ApplicationEventListener<LoginSuccessfulEvent> {

    private final ActorResolver actors;
    private final fr.sne.tenants.audit.AuditTrail audit;

    SignInRecorder(ActorResolver actors, fr.sne.tenants.audit.AuditTrail audit) {
        this.actors = actors;
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(LoginSuccessfulEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            actors.recordSignIn(authentication);
            Object email = authentication.getAttributes().get("email");
            audit.lecture(new Actor.Systeme("connexion"), fr.sne.tenants.audit.TypeAction.CONNEXION, null,
                    "IDENTITE", email == null ? authentication.getName() : email.toString(), null);
        }
    }
}
