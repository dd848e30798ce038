package org.dl4jsuite.common.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.MemoryLimits;
import org.dl4jsuite.common.runtime.MemorySampler;
import picocli.CommandLine;

/**
 * Runs a module's picocli command the suite's way: defaults shown in --help, closed choices
 * (enums) in any case, and user errors printed as one line (no stack trace) with exit code 2.
 */
public final class SuiteCli {
    /** Exit code for a user error (bad input, missing data, diverged training). */
    public static final int USER_ERROR = 2;
    /** Exit code for a bug. */
    public static final int INTERNAL_ERROR = 1;

    private SuiteCli() {
    }

    /** Parses {@code args}, runs the chosen subcommand and returns its exit code. */
    public static int execute(Object command, String... args) {
        return execute(command, null, args);
    }

    /** As {@link #execute(Object, String...)}, with picocli's error stream (usage and error lines) sent to {@code err}. */
    public static int execute(Object command, PrintWriter err, String... args) {
        CommandLine cli = commandLine(command);
        if (err != null) {
            cli.setErr(err);
        }
        return cli.execute(args);
    }

    /** The configured picocli command line for {@code command} (enum case, error handling). */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        // picocli would read an argument starting with '@' as a file of arguments (found by OptionListsFuzzTest:
        // `--feature @/` failed inside picocli); no suite option needs that, and a value may start with '@'.
        cli.setExpandAtFiles(false);
        registerEnumConverters(cli, cli.getCommandSpec());
        cli.setParameterExceptionHandler(SuiteCli::handleParameters);
        cli.setExecutionExceptionHandler(SuiteCli::handle);
        return cli;
    }

    /**
     * Every closed choice (an enum option) is typed in lower case with '-' for '_', in any case, and a
     * wrong value names the choices the same way: {@code --dataset must be one of: mnist, fashion}.
     */
    private static void registerEnumConverters(CommandLine cli, CommandLine.Model.CommandSpec spec) {
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.typeInfo().isEnum()) {
                registerEnum(cli, option.typeInfo().getType());
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            registerEnumConverters(cli, sub.getCommandSpec());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerEnum(CommandLine cli, Class<?> type) {
        registerTyped(cli, (Class) type);
    }

    private static <E extends Enum<E>> void registerTyped(CommandLine cli, Class<E> type) {
        cli.registerConverter(type, value -> EnumChoice.parse(type, value));
    }

    /** Parses {@code args} into {@code command}'s options without running it; a bad command line is a user error. */
    public static void parse(Object command, List<String> args) {
        try {
            commandLine(command).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new SuiteException(e.getMessage());
        }
    }

    /** Runs and exits the JVM with the command's exit code: for main methods. */
    public static void main(Object command, String... args) {
        MemorySampler.startIfAsked();
        int code = execute(command, args);
        System.out.flush();
        System.exit(code);
    }

    /** A command line picocli cannot parse: one error line, then the command's usage; exit code 2. */
    private static int handleParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(cli.getColorScheme().errorText("error: " + e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cli.usage(err, cli.getColorScheme());
        err.flush();
        return USER_ERROR;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        SuiteException user = userError(e);
        if (user != null) {
            err.println(cli.getColorScheme().errorText("error: " + user.getMessage()));
            err.flush();
            return USER_ERROR;
        }
        Optional<String> memory = MemoryLimits.explain(e);
        if (memory.isPresent()) {
            err.println(cli.getColorScheme().errorText("error: " + memory.get()));
            err.flush();
            return USER_ERROR;
        }
        err.println("internal error (a bug; please report it with the trace below):");
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    private static SuiteException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SuiteException s) {
                return s;
            }
        }
        return null;
    }
}
