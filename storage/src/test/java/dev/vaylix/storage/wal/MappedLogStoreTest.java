package dev.vaylix.storage.wal;

/** The log store contract on the memory-mapped backend. */
class MappedLogStoreTest extends LogStoreContract {
    @Override
    WalOptions.Backend backend() {
        return WalOptions.Backend.MAPPED;
    }
}
