package dev.vaylix.lincheck;

import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Command line: checks one register history file (the JSON-lines format of {@link HistoryFormat}).
 *
 * <pre>
 * java -jar vaylix-lincheck.jar [options] FILE|-
 *   --time-budget-ms N       wall-clock budget (default 10000)
 *   --no-time-budget         bound the search by states only (reproducible verdict)
 *   --max-states-per-key N   state budget per key (default 1000000)
 *   --parallelism N          keys checked at once (default 1)
 * </pre>
 *
 * <p>Exit status: 0 linearizable, 1 not linearizable, 2 unknown (budget exhausted), 3 usage error or
 * unreadable/malformed history.
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ILLEGAL = 1;
    public static final int EXIT_UNKNOWN = 2;
    public static final int EXIT_ERROR = 3;

    private static final String USAGE = """
            usage: lincheck [--time-budget-ms N | --no-time-budget] [--max-states-per-key N] [--parallelism N] FILE|-
            Checks a JSON-lines register history for linearizability.
            Exit status: 0 linearizable, 1 not linearizable, 2 unknown (budget exhausted), 3 error.""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status instead of exiting, so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CheckOptions options = CheckOptions.defaults();
        String file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--time-budget-ms" -> options = options.withTimeBudget(Duration.ofMillis(number(args, ++i, a)));
                    case "--no-time-budget" -> options = options.withoutTimeBudget();
                    case "--max-states-per-key" -> options = options.withMaxStatesPerKey(number(args, ++i, a));
                    case "--parallelism" -> options = options.withParallelism(Math.toIntExact(number(args, ++i, a)));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return EXIT_OK;
                    }
                    default -> {
                        if (a.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument: " + a);
                        }
                        file = a;
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no history file given");
            }
        } catch (IllegalArgumentException | ArithmeticException | LincheckException e) {
            err.println("lincheck: " + (e instanceof LincheckException le ? le.describe() : e.getMessage()));
            err.println(USAGE);
            return EXIT_ERROR;
        }
        History<RegisterInput, RegisterOutput> history;
        try {
            history = file.equals("-")
                    ? HistoryFormat.read(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : HistoryFormat.read(Path.of(file));
        } catch (LincheckException e) {
            err.println("lincheck: " + e.describe());
            return EXIT_ERROR;
        }
        CheckResult result;
        try {
            result = LinearizabilityChecker.check(RegisterModel.INSTANCE, history, options);
        } catch (LincheckException e) {
            err.println("lincheck: " + e.describe());
            return EXIT_ERROR;
        }
        out.println(result.verdict() + ": operations: " + history.size() + ", keys checked: " + result.keys().size()
                + ", states explored: " + result.statesExplored());
        return switch (result) {
            case CheckResult.Ok ok -> EXIT_OK;
            case CheckResult.Illegal illegal -> {
                out.print(illegal.violation().explanation());
                yield EXIT_ILLEGAL;
            }
            case CheckResult.Unknown unknown -> {
                out.println(unknown.reason() + "; undecided keys: " + unknown.undecidedKeys());
                yield EXIT_UNKNOWN;
            }
        };
    }

    private static long number(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        try {
            return Long.parseLong(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got: " + args[i]);
        }
    }
}
