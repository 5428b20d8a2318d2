package dev.vaylix.server.config;

import dev.vaylix.server.limits.QuotaLimits;
import java.util.Objects;

/**
 * Request limits.
 *
 * @param quotas                 the §5 quotas
 * @param requestsPerSecond      {@code --requests-per-second}, per connection
 * @param requestBurst           {@code --request-burst}, per connection
 * @param transactionMaxSeconds  {@code --transaction-max-seconds}
 */
public record LimitsConfig(QuotaLimits quotas, long requestsPerSecond, long requestBurst, long transactionMaxSeconds) {

    public LimitsConfig {
        Objects.requireNonNull(quotas, "quotas");
    }
}
