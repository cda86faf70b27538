/**
 * {@code @AutoConfigureLatchkey}: Latchkey's security, with its DRF-shaped 401 and 403, in test
 * slices such as {@code @WebMvcTest}.
 */
package dev.latchkey.test.autoconfigure;
