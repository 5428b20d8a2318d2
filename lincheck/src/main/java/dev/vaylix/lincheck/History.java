package dev.vaylix.lincheck;

import java.util.List;
import java.util.Objects;

/**
 * An immutable list of operations, each with {@code id} equal to its position.
 *
 * <p>Build one with {@link HistoryBuilder} (event by event, pairing completions with invocations by
 * process, the way a client workload produces it), with {@link #of(List)} from finished operations,
 * or read one from a file with {@link HistoryFormat}.
 */
public record History<I, O>(List<Operation<I, O>> operations) {

    public History {
        operations = List.copyOf(operations);
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).id() != i) {
                throw new LincheckException(LincheckError.LIN_006,
                        "operation at position " + i + " has id " + operations.get(i).id()
                                + "; ids must equal positions");
            }
        }
    }

    public static <I, O> History<I, O> of(List<Operation<I, O>> operations) {
        return new History<>(Objects.requireNonNull(operations, "operations"));
    }

    public int size() {
        return operations.size();
    }

    public Operation<I, O> get(int id) {
        return operations.get(id);
    }
}
