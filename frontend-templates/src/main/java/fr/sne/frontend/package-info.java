/**
 * Marqueur du module {@code frontend-templates} : ce module ne contient que des ressources
 * (gabarits Thymeleaf sous {@code views/}, messages sous {@code i18n/}, DSFR sous {@code static/dsfr/}).
 */
package fr.sne.frontend;
