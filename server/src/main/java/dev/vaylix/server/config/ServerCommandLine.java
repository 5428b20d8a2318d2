package dev.vaylix.server.config;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code vaylix} command line (STORAGE.md §15) on picocli:
 * {@code vaylix [GLOBAL FLAGS] [storage verify|migrate | pitr inspect|restore | healthcheck] …}.
 *
 * <p>Every value is looked up on the command line first, then in its {@code VAYLIX_*} variable,
 * then in the default of {@link ServerFlag}. The environment is passed in, never read here, so
 * tests control it. Global flags precede the subcommand, as in the reference.
 *
 * <p>Errors: every argument problem is {@link ErrorCode#SRV_030} ({@code invalid command-line
 * arguments: <detail>}); TLS files without {@code --ssl} (or {@code --ssl} without a certificate
 * and key) is {@link ErrorCode#SRV_010}. The reference reported argument errors in clap's own format
 * with exit status 2; the caller keeps exit status 2 for SRV-030 from here and prints the
 * {@code [CODE] Name: message} line plus {@link #usage()}.
 *
 * <p>Picocli's {@code @file} expansion is off: an argument starting with {@code @} is never read as a
 * file name.
 */
public final class ServerCommandLine {

    private static final String HEALTHCHECK_AUTH = "healthcheck authentication requires both username and password";
    private static final String HEALTHCHECK_TLS_FILES = "healthcheck TLS files require --ssl";
    private static final String HEALTHCHECK_SERVER_NAME = "healthcheck --tls-server-name must not be empty";
    private static final String HEALTHCHECK_CLIENT_PAIR = "healthcheck --tls-client-cert and --tls-client-key must be provided together";

    private ServerCommandLine() {
    }

    /**
     * Parses {@code args} with the environment {@code env}.
     *
     * @throws VaylixException {@link ErrorCode#SRV_030} or {@link ErrorCode#SRV_010}
     */
    public static Invocation parse(List<String> args, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        CommandLine commandLine = commandLine();
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw ErrorCode.SRV_030.exception(e.getMessage());
        }
        Arguments global = new Arguments(parsed, env);
        GlobalOptions globals = new GlobalOptions(global);
        if (parsed.isUsageHelpRequested()) {
            return new Invocation.Help(usage(commandLine));
        }
        if (parsed.isVersionHelpRequested()) {
            return new Invocation.Version();
        }
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            return new Invocation.Serve(globals.serverConfig());
        }
        ParseResult leaf = sub.subcommand();
        if ((leaf != null && leaf.isUsageHelpRequested()) || sub.isUsageHelpRequested()) {
            ParseResult target = leaf != null ? leaf : sub;
            return new Invocation.Help(usage(commandLine.getSubcommands().get(sub.commandSpec().name()), target));
        }
        String name = sub.commandSpec().name();
        globals.validateForTool();
        return switch (name) {
            case "storage" -> storage(requireLeaf(name, leaf, "verify or migrate"), env, globals);
            case "pitr" -> pitr(requireLeaf(name, leaf, "inspect or restore"), env, globals);
            case "healthcheck" -> new Invocation.Healthcheck(healthcheck(sub, env, global));
            default -> throw new IllegalStateException("unhandled subcommand " + name);
        };
    }

    /** The usage text of the whole command line. */
    public static String usage() {
        return usage(commandLine());
    }

    private static Invocation storage(ParseResult leaf, Map<String, String> env, GlobalOptions globals) {
        StorageConfig storage = globals.storage(Optional.of(dataDir(leaf, env, globals)));
        return leaf.commandSpec().name().equals("verify") ? new Invocation.StorageVerify(storage) : new Invocation.StorageMigrate(storage);
    }

    private static Invocation pitr(ParseResult leaf, Map<String, String> env, GlobalOptions globals) {
        if (leaf.commandSpec().name().equals("inspect")) {
            return new Invocation.PitrInspect(globals.storage(Optional.of(dataDir(leaf, env, globals))));
        }
        Arguments args = new Arguments(leaf, Map.of()); // these flags have no environment variables
        Path source = args.commandLine("--source-dir").map(GlobalOptions::path)
                .orElseThrow(() -> Arguments.invalid("pitr restore requires --source-dir"));
        Path target = args.commandLine("--target-dir").map(GlobalOptions::path)
                .orElseThrow(() -> Arguments.invalid("pitr restore requires --target-dir"));
        Optional<Arguments.Raw> sequence = args.commandLine("--to-sequence");
        Optional<Arguments.Raw> timestamp = args.commandLine("--to-timestamp-ms");
        if (sequence.isPresent() && timestamp.isPresent()) {
            throw Arguments.invalid("pitr restore accepts only one of --to-sequence or --to-timestamp-ms");
        }
        Invocation.RestoreTarget restoreTarget;
        if (sequence.isPresent()) {
            restoreTarget = new Invocation.RestoreTarget.ToSequence(unsignedU64(sequence.get()));
        } else if (timestamp.isPresent()) {
            restoreTarget = new Invocation.RestoreTarget.ToTimestampMs(unsignedU64(timestamp.get()));
        } else {
            throw Arguments.invalid("pitr restore requires --to-sequence or --to-timestamp-ms");
        }
        return new Invocation.PitrRestore(source, target, restoreTarget, globals.storage(Optional.empty()));
    }

    /**
     * Healthcheck options: {@code --port} falls back to {@code VAYLIX_HEALTHCHECK_PORT}, the global
     * {@code --port}, {@code VAYLIX_PORT}, then 9173; for readiness the credentials fall back to the
     * global {@code --user}/{@code --password} and {@code VAYLIX_USER}/{@code VAYLIX_PASSWORD}.
     */
    private static HealthcheckConfig healthcheck(ParseResult sub, Map<String, String> env, Arguments global) {
        Arguments args = new Arguments(sub, env);
        Arguments.Raw kindRaw = args.commandLine("--kind").or(() -> args.environment("VAYLIX_HEALTHCHECK_KIND"))
                .orElse(new Arguments.Raw("liveness", "default"));
        HealthcheckConfig.Kind kind = switch (kindRaw.text().toLowerCase(Locale.ROOT)) {
            case "liveness" -> HealthcheckConfig.Kind.LIVENESS;
            case "readiness" -> HealthcheckConfig.Kind.READINESS;
            default -> throw Arguments.invalid("invalid value for " + kindRaw.origin() + ": " + kindRaw.text()
                    + " (expected liveness or readiness)");
        };
        String host = Arguments.nonEmpty(args.commandLine("--host").or(() -> args.environment("VAYLIX_HEALTHCHECK_HOST"))
                .orElse(new Arguments.Raw("127.0.0.1", "default")));
        Arguments.Raw portRaw = args.commandLine("--port").or(() -> args.environment("VAYLIX_HEALTHCHECK_PORT"))
                .or(() -> global.commandLine(ServerFlag.PORT.longName())).or(() -> args.environment(ServerFlag.PORT.envVar()))
                .orElse(new Arguments.Raw("9173", "default"));
        int port = (int) Arguments.unsigned(portRaw, 1, 65_535);
        long timeoutMs = Arguments.unsigned(args.commandLine("--timeout-ms").or(() -> args.environment("VAYLIX_HEALTHCHECK_TIMEOUT_MS"))
                .orElse(new Arguments.Raw("2000", "default")), 1, Long.MAX_VALUE);

        Optional<Arguments.Raw> user = args.commandLine("--user").or(() -> args.environment("VAYLIX_HEALTHCHECK_USER"));
        Optional<Arguments.Raw> password = args.commandLine("--password").or(() -> args.environment("VAYLIX_HEALTHCHECK_PASSWORD"));
        if (kind == HealthcheckConfig.Kind.READINESS) {
            user = user.or(() -> global.commandLine(ServerFlag.USER.longName())).or(() -> args.environment(ServerFlag.USER.envVar()));
            password = password.or(() -> global.commandLine(ServerFlag.PASSWORD.longName()))
                    .or(() -> args.environment(ServerFlag.PASSWORD.envVar()));
        }
        if (user.isPresent() != password.isPresent()
                || user.map(r -> r.text().isEmpty()).orElse(false) || password.map(r -> r.text().isEmpty()).orElse(false)) {
            throw Arguments.invalid(HEALTHCHECK_AUTH);
        }
        Optional<HealthcheckConfig.Credentials> credentials = user.isPresent()
                ? Optional.of(new HealthcheckConfig.Credentials(user.get().text(), password.get().text())) : Optional.empty();
        return new HealthcheckConfig(kind, host, port, credentials, timeoutMs, healthcheckTls(args, global));
    }

    /**
     * {@code --ssl} falls back to {@code VAYLIX_HEALTHCHECK_SSL}, then the global {@code --ssl} and
     * {@code VAYLIX_SSL} (a probe next to a TLS server speaks TLS); the files have their own variables
     * only. Files without TLS, or half of a client identity, are {@code SRV-030}.
     */
    private static Optional<HealthcheckConfig.Tls> healthcheckTls(Arguments args, Arguments global) {
        boolean ssl = Arguments.bool(args.commandLine("--ssl").or(() -> args.environment("VAYLIX_HEALTHCHECK_SSL"))
                .or(() -> global.commandLine(ServerFlag.SSL.longName())).or(() -> args.environment(ServerFlag.SSL.envVar()))
                .orElse(new Arguments.Raw("false", "default")));
        Optional<Path> ca = args.commandLine("--tls-ca-cert").or(() -> args.environment("VAYLIX_HEALTHCHECK_TLS_CA_CERT"))
                .map(GlobalOptions::path);
        Optional<Path> clientCertificate = args.commandLine("--tls-client-cert")
                .or(() -> args.environment("VAYLIX_HEALTHCHECK_TLS_CLIENT_CERT")).map(GlobalOptions::path);
        Optional<Path> clientKey = args.commandLine("--tls-client-key")
                .or(() -> args.environment("VAYLIX_HEALTHCHECK_TLS_CLIENT_KEY")).map(GlobalOptions::path);
        Optional<String> serverName = args.commandLine("--tls-server-name")
                .or(() -> args.environment("VAYLIX_HEALTHCHECK_TLS_SERVER_NAME")).map(Arguments.Raw::text);
        if (serverName.isPresent() && serverName.get().isBlank()) {
            throw Arguments.invalid(HEALTHCHECK_SERVER_NAME);
        }
        if (!ssl) {
            if (ca.isPresent() || clientCertificate.isPresent() || clientKey.isPresent() || serverName.isPresent()) {
                throw Arguments.invalid(HEALTHCHECK_TLS_FILES);
            }
            return Optional.empty();
        }
        if (clientCertificate.isPresent() != clientKey.isPresent()) {
            throw Arguments.invalid(HEALTHCHECK_CLIENT_PAIR);
        }
        return Optional.of(new HealthcheckConfig.Tls(ca, clientCertificate, clientKey, serverName));
    }

    /** The subcommand's {@code --data-dir}, else the global one ({@code --data-dir}, {@code VAYLIX_DATA_DIR}, default). */
    private static Path dataDir(ParseResult leaf, Map<String, String> env, GlobalOptions globals) {
        Optional<Arguments.Raw> own = new Arguments(leaf, env).commandLine("--data-dir");
        return own.map(GlobalOptions::path).orElseGet(() -> globals.storage(Optional.empty()).dataDir());
    }

    private static ParseResult requireLeaf(String name, ParseResult leaf, String choices) {
        if (leaf == null) {
            throw Arguments.invalid(name + " requires a subcommand: " + choices);
        }
        return leaf;
    }

    private static long unsignedU64(Arguments.Raw raw) {
        // u64: values above Long.MAX_VALUE are parsed into the negative range, compared unsigned later.
        String digits = raw.text().startsWith("+") ? raw.text().substring(1) : raw.text();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Arguments.invalid("invalid value for " + raw.origin() + ": " + raw.text() + " (expected an unsigned 64-bit integer)");
        }
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw Arguments.invalid("invalid value for " + raw.origin() + ": " + raw.text() + " (expected an unsigned 64-bit integer)");
        }
    }

    // ------------------------------------------------------------------ the picocli model

    private static CommandLine commandLine() {
        CommandSpec root = CommandSpec.create().name("vaylix").mixinStandardHelpOptions(true);
        root.usageMessage().abbreviateSynopsis(true).description("The Vaylix server: a secure, consensus-backed key/value store.",
                "Every flag can also be set through its environment variable; the command line wins.");
        for (ServerFlag flag : ServerFlag.values()) {
            root.addOption(option(flag));
        }
        CommandSpec storage = command("storage", "Offline storage tools (the server must not be running).");
        storage.addSubcommand("verify", dataDirCommand("verify", "Run a full recovery read-only and print the storage report."));
        storage.addSubcommand("migrate", dataDirCommand("migrate", "Convert a legacy storage layout."));
        CommandSpec pitr = command("pitr", "Point-in-time restore tools.");
        pitr.addSubcommand("inspect", dataDirCommand("inspect", "Print snapshot and log ranges without replay."));
        CommandSpec restore = command("restore", "Restore a copy of a data directory at a sequence or a time.");
        restore.addOption(valueOption("--source-dir", "<dir>", "data directory to restore from (never modified)"));
        restore.addOption(valueOption("--target-dir", "<dir>", "data directory to create"));
        restore.addOption(valueOption("--to-sequence", "<u64>", "last log sequence to include"));
        restore.addOption(valueOption("--to-timestamp-ms", "<u64>", "last leader time (epoch ms) to include"));
        pitr.addSubcommand("restore", restore);
        CommandSpec healthcheck = command("healthcheck", "Probe a running server; exit 1 if it is unhealthy.");
        healthcheck.addOption(valueOption("--kind", "<kind>", "liveness | readiness (env VAYLIX_HEALTHCHECK_KIND, default liveness)"));
        healthcheck.addOption(valueOption("--host", "<host>", "server host (env VAYLIX_HEALTHCHECK_HOST, default 127.0.0.1)"));
        healthcheck.addOption(valueOption("--port", "<port>", "server port (env VAYLIX_HEALTHCHECK_PORT, else VAYLIX_PORT, default 9173)"));
        healthcheck.addOption(valueOption("--user", "<name>", "user for readiness (env VAYLIX_HEALTHCHECK_USER, else VAYLIX_USER)"));
        healthcheck.addOption(valueOption("--password", "<password>",
                "password for readiness (env VAYLIX_HEALTHCHECK_PASSWORD, else VAYLIX_PASSWORD)"));
        healthcheck.addOption(valueOption("--timeout-ms", "<ms>", "probe timeout (env VAYLIX_HEALTHCHECK_TIMEOUT_MS, default 2000)"));
        healthcheck.addOption(OptionSpec.builder("--ssl").paramLabel("<true|false>").type(String.class).arity("0..1")
                .fallbackValue("true").description("probe over TLS (env VAYLIX_HEALTHCHECK_SSL, else the global --ssl / VAYLIX_SSL)")
                .build());
        healthcheck.addOption(valueOption("--tls-ca-cert", "<pem>",
                "CA bundle the server certificate must chain to (env VAYLIX_HEALTHCHECK_TLS_CA_CERT, default the JDK's trust store)"));
        healthcheck.addOption(valueOption("--tls-client-cert", "<pem>",
                "client certificate for a server that requires one (env VAYLIX_HEALTHCHECK_TLS_CLIENT_CERT)"));
        healthcheck.addOption(valueOption("--tls-client-key", "<pem>", "its private key (env VAYLIX_HEALTHCHECK_TLS_CLIENT_KEY)"));
        healthcheck.addOption(valueOption("--tls-server-name", "<name>",
                "name the server certificate must carry, when it differs from --host (env VAYLIX_HEALTHCHECK_TLS_SERVER_NAME)"));
        root.addSubcommand("storage", storage);
        root.addSubcommand("pitr", pitr);
        root.addSubcommand("healthcheck", healthcheck);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExpandAtFiles(false);
        return commandLine;
    }

    private static CommandSpec command(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description);
        return spec;
    }

    private static CommandSpec dataDirCommand(String name, String description) {
        CommandSpec spec = command(name, description);
        spec.addOption(valueOption("--data-dir", "<dir>", "data directory (env VAYLIX_DATA_DIR, default the global --data-dir)"));
        return spec;
    }

    private static OptionSpec valueOption(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).arity("1").description(description).build();
    }

    private static OptionSpec option(ServerFlag flag) {
        String description = flag.description() + " (env " + flag.envVar()
                + flag.defaultText().map(d -> ", default " + d).orElse("") + ")"
                + (flag.supported() == ServerFlag.Support.LATER ? " [not yet supported]" : "");
        OptionSpec.Builder builder = OptionSpec.builder(flag.longName()).description(description);
        return switch (flag.shape()) {
            case VALUE -> builder.paramLabel("<value>").type(String.class).arity("1").build();
            case FLAG -> builder.type(boolean.class).arity("0").build();
            case OPTIONAL_BOOLEAN -> builder.paramLabel("<true|false>").type(String.class).arity("0..1").fallbackValue("true").build();
            case REPEATABLE -> builder.paramLabel("<list>").type(List.class).auxiliaryTypes(String.class).arity("1").build();
        };
    }

    private static String usage(CommandLine commandLine) {
        StringWriter out = new StringWriter();
        commandLine.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        return out.toString();
    }

    private static String usage(CommandLine parent, ParseResult target) {
        CommandLine current = parent;
        if (!target.commandSpec().name().equals(parent.getCommandName())) {
            current = parent.getSubcommands().get(target.commandSpec().name());
        }
        return usage(current);
    }
}
