/**
 * The HTTP layer: controllers with DRF-shaped request and response bodies, the filters on the way in
 * ({@code RequestLimitFilter}, {@code JwtAuthenticationFilter},
 * {@code HashingAdmissionFilter}), cookies and CSRF, and the paths of the contract
 * ({@code ApiPaths}).
 */
package dev.latchkey.web;
