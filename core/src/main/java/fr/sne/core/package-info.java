/** Module root; see docs/architecture.md. */
package fr.sne.core;
