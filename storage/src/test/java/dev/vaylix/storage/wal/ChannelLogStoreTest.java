package dev.vaylix.storage.wal;

/** The log store contract on the {@code FileChannel} backend. */
class ChannelLogStoreTest extends LogStoreContract {
    @Override
    WalOptions.Backend backend() {
        return WalOptions.Backend.CHANNEL;
    }
}
