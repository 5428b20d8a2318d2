/**
 * Internal: the record framing, file header, per-file AES-256-GCM cipher and MessagePack helpers
 * shared by every file kind (docs/STORAGE.md sections 2 and 3). Not an API for other modules.
 */
package dev.vaylix.storage.format;
