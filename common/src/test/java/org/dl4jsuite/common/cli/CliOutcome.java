package org.dl4jsuite.common.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** What a module's command line did when run in-process: exit code, standard output, error output. */
public record CliOutcome(int code, String out, String err) {

    /** Runs {@code command} with {@code args} through {@link SuiteCli}, capturing both streams. */
    public static CliOutcome run(Object command, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = SuiteCli.execute(command, new PrintWriter(err, true), args);
        } finally {
            System.setOut(original);
        }
        return new CliOutcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
