/**
 * Spring Boot auto-configuration: turns {@code latchkey.*} properties into the beans of the other
 * packages, the security filter chain, the OpenAPI description, health and metrics; thin by design,
 * with no behaviour of its own.
 */
package dev.latchkey.autoconfigure;
