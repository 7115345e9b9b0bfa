package fr.sne.tenants.identity;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LoginSuccessfulEvent;
import jakarta.inject.Singleton;

/** Records each successful web sign-in (identity link and last sign-in time). */
@Singleton
class SignInRecorder implements ApplicationEventListener<LoginSuccessfulEvent> {

    private final ActorResolver actors;

    SignInRecorder(ActorResolver actors) {
        this.actors = actors;
    }

    @Override
    public void onApplicationEvent(LoginSuccessfulEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            actors.recordSignIn(authentication);
        }
    }
}
