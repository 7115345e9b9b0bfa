package fr.sne.app.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The French message bundle of frontend-templates, used by the templates' #{...}. */
@Factory
class MessagesFactory {
    @Singleton
    MessageSource messages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
