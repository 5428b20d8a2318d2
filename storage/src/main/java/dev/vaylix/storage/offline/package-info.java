/**
 * The offline tools as a library: {@code storage verify|migrate}, {@code pitr inspect|restore}
 * (docs/STORAGE.md section 7). The server supplies the state machine through
 * {@link dev.vaylix.storage.offline.EntryApplierFactory}.
 */
package dev.vaylix.storage.offline;
