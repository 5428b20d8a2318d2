package dev.vaylix.server.limits;

/**
 * The request quotas of COMMANDS.md §5, all at least 1.
 *
 * @param maxRequestPayloadBytes {@code --max-request-payload-bytes}, default 1 048 576
 * @param maxKeyBytes            {@code --max-key-bytes}, default 1024
 * @param maxValueBytes          {@code --max-value-bytes}, default 262 144
 * @param maxKeysPerBatch        {@code --max-keys-per-batch}, default 256
 * @param maxTransactionQueueLen {@code --max-transaction-queue-len}, default 128: the number of commands
 *                               a transaction may queue (the reference allowed one fewer, Note 5)
 */
public record QuotaLimits(int maxRequestPayloadBytes, int maxKeyBytes, int maxValueBytes, int maxKeysPerBatch,
                          int maxTransactionQueueLen) {

    public static final QuotaLimits DEFAULTS = new QuotaLimits(1_048_576, 1024, 262_144, 256, 128);

    public QuotaLimits {
        if (maxRequestPayloadBytes < 1 || maxKeyBytes < 1 || maxValueBytes < 1 || maxKeysPerBatch < 1
                || maxTransactionQueueLen < 1) {
            throw new IllegalArgumentException("quota limits must be at least 1");
        }
    }
}
