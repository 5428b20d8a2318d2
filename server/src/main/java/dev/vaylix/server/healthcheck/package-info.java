/**
 * {@code vaylix healthcheck}: the liveness and readiness probe
 * ({@link dev.vaylix.server.healthcheck.HealthcheckProbe}). See {@code docs/TOOLS.md}.
 */
package dev.vaylix.server.healthcheck;
