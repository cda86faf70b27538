/**
 * Account recovery and sign-up policy after dj-rest-auth and allauth: email addresses and their
 * verification, password reset requests and confirmation, invitations and sign-up modes, with the
 * mail they send queued through {@code mail}.
 */
package dev.latchkey.account;
