/**
 * One renderer turning a Latchkey fault, or any other failure, into status + headers + DRF body,
 * used by the MVC advice, the filters, the security entry point and the container's error path.
 */
package dev.latchkey.web.error;
