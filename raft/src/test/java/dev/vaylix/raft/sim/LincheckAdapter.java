package dev.vaylix.raft.sim;

import dev.vaylix.lincheck.CheckOptions;
import dev.vaylix.lincheck.CheckResult;
import dev.vaylix.lincheck.HistoryBuilder;
import dev.vaylix.lincheck.RegisterInput;
import dev.vaylix.lincheck.RegisterModel;
import dev.vaylix.lincheck.RegisterOutput;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Binds the simulation's history to the {@code lincheck} Wing–Gong checker (registered through
 * {@code META-INF/services}).
 *
 * <p>The search is bounded by explored states, not by wall-clock time, so a seed's verdict does not
 * depend on how busy the machine is: a run stays reproducible from its seed alone. The {@code budget}
 * argument is therefore ignored.
 */
public final class LincheckAdapter implements LinearizabilityChecker {

    /** Explored states per key before the verdict is UNKNOWN; generous for a few thousand ops per key. */
    static final long STATES_PER_KEY_MAX = 2_000_000;

    @Override
    public Result check(List<ClientOperation> history, Duration budget) {
        HistoryBuilder<RegisterInput, RegisterOutput> builder = new HistoryBuilder<>();
        // The builder needs each client's operations in order; clients are independent of each other.
        List<ClientOperation> ordered = history.stream()
                .sorted(Comparator.comparingInt(ClientOperation::client).thenComparingLong(ClientOperation::invokeTick))
                .toList();
        for (ClientOperation op : ordered) {
            builder.invoke(op.client(), op.key(), input(op), op.invokeTick());
            switch (op.outcome()) {
                case OK -> builder.ok(op.client(), output(op), op.completeTick());
                case FAIL -> builder.fail(op.client(), op.completeTick());
                case UNKNOWN -> builder.info(op.client(), op.completeTick());
            }
        }
        CheckOptions options = CheckOptions.defaults().withoutTimeBudget().withMaxStatesPerKey(STATES_PER_KEY_MAX);
        CheckResult result = dev.vaylix.lincheck.LinearizabilityChecker.check(RegisterModel.INSTANCE, builder.build(),
                options);
        return switch (result) {
            case CheckResult.Ok ok -> new Result(Verdict.LINEARIZABLE, ok.keys().size() + " keys checked");
            case CheckResult.Illegal illegal -> new Result(Verdict.NOT_LINEARIZABLE, illegal.violation().explanation());
            case CheckResult.Unknown unknown -> new Result(Verdict.UNKNOWN, unknown.toString());
        };
    }

    private static RegisterInput input(ClientOperation op) {
        return switch (op.type()) {
            case READ -> RegisterInput.read();
            case WRITE -> RegisterInput.write(op.value());
            case CAS -> RegisterInput.cas(op.expected(), op.value());
        };
    }

    private static RegisterOutput output(ClientOperation op) {
        return switch (op.type()) {
            case READ -> RegisterOutput.readOk(op.result());
            case WRITE -> RegisterOutput.writeOk();
            case CAS -> RegisterOutput.casOk(Boolean.parseBoolean(op.result()));
        };
    }
}
