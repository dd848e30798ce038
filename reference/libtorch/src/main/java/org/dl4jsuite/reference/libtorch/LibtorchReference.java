package org.dl4jsuite.reference.libtorch;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The PyTorch 2.7 reference: the bench workloads on libtorch 2.7.1 (JavaCPP's presets), with the semantics of the
 * Python references in reference/*.py, so that every bench can set DL4J beside PyTorch 1.13 and 2.7.
 */
@Command(name = "libtorch-reference", mixinStandardHelpOptions = true,
        subcommands = {CharLstmCommand.class, WordLmCommand.class, LeNetCommand.class, AttackCommand.class},
        description = "The suite's PyTorch references on libtorch 2.7.1 (JavaCPP presets 1.5.12).")
public final class LibtorchReference {
    private LibtorchReference() {
    }

    /** Runs one workload; a bad option or input exits 2 with its message. */
    public static void main(String[] args) {
        CommandLine line = new CommandLine(LibtorchReference.class);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.UncheckedIOException) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(line.execute(args));
    }
}
