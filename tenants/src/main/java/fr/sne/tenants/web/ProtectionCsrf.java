package fr.sne.tenants.web;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page controller: every unsafe request (POST, PUT, PATCH, DELETE) must carry the
 * double-submit token of the {@code sne-csrf} cookie, in the form field {@code csrfToken} or the
 * header {@code X-CSRF-TOKEN}; otherwise 403 and nothing changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
@Type(CsrfInterceptor.class)
public @interface ProtectionCsrf {
}
