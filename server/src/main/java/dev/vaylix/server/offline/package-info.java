/**
 * The offline subcommands {@code vaylix storage verify|migrate} and {@code vaylix pitr
 * inspect|restore} ({@link dev.vaylix.server.offline.OfflineTools}) on the storage module's
 * offline library, replaying into the server's own state machine. See {@code docs/TOOLS.md}.
 */
package dev.vaylix.server.offline;
