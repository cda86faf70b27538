/**
 * Brute-force protection: {@link dev.latchkey.throttle.LoginThrottle} reserves each password check
 * on database counters shared by every instance, locks accounts and addresses with doubling
 * lockouts, and limits sign-ups per address.
 */
package dev.latchkey.throttle;
