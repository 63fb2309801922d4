package org.dialbook.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point. No arguments opens the window; a CSV path opens the import wizard for it; a
 * subcommand runs the CLI. A plain main class (not a JavaFX Application) so jpackage and
 * {@code java -jar} can launch it with JavaFX on the class path.
 */
@Command(
        name = "dialbook",
        mixinStandardHelpOptions = true,
        versionProvider = Dialbook.Version.class,
        description = "A desktop address book for Exotel Campaign contacts.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Dialbook implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Dialbook());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Dialbook.class.getPackage().getImplementationVersion();
            return new String[] {"Dialbook " + (version == null ? "dev" : version)};
        }
    }
}
