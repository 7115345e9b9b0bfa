package fr.sne.app.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders a page completely before the response starts. The framework renders lazily while
 * writing the response, so an error in a template left the request hanging without any answer
 * (micronaut-views #832); rendered here, the error reaches the error pages (500) instead.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class RenduImmediat<T> extends ThymeleafViewsRenderer<T> {

    RenduImmediat(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                  ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
