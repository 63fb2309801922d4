package org.dialbook.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dialbook.ui.StartupTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        subcommands = {CommandLine.HelpCommand.class, ContactsCommand.class, ListsCommand.class, ImportCommand.class,
            SandboxCommand.class, ExportCommand.class, SyncCommand.class})
public final class Dialbook implements Callable<Integer> {
    private static final Duration SMOKE_TIMEOUT = Duration.ofSeconds(60);

    @Parameters(arity = "0..1", paramLabel = "CSV",
            description = "A CSV file to import: opens the window with the import wizard for it.")
    private Path file;

    @Option(names = "--smoke",
            description = "Open the window, wait until the first page of contacts is on screen, then exit: "
                    + "0 when it was, 1 on an error or after 60 s. For CI and start-up timing.")
    private boolean smoke;

    /** The subcommands' names; a test keeps this in step with {@link #newCommandLine()}'s. */
    static final Set<String> SUBCOMMANDS = Set.of("help", "contacts", "lists", "import", "sandbox", "export", "sync");

    public static void main(String[] args) {
        StartupTrace.mark("main() entered");
        System.exit(opensWindowOnly(args) ? new Dialbook().windowFor(args).call() : run(args));
    }

    /**
     * Whether {@code args} only open the window (none, {@code --smoke}, or the path of an existing
     * file that is not a subcommand's name). Those skip picocli: building its model of every
     * subcommand loads and reflects over them all, about half a second on the path to the window.
     */
    static boolean opensWindowOnly(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length != 1) {
            return false;
        }
        String only = args[0];
        return "--smoke".equals(only)
                || !only.startsWith("-") && !SUBCOMMANDS.contains(only) && isFile(only);
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Dialbook windowFor(String[] args) {
        if (args.length == 1 && "--smoke".equals(args[0])) {
            smoke = true;
        } else if (args.length == 1) {
            file = Path.of(args[0]);
        }
        return this;
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
        if (file != null && !Files.isRegularFile(file)) {
            System.err.println("No such file: " + file.toAbsolutePath()
                    + "\nRun 'dialbook --help' for the commands, or give the path of a CSV file to import.");
            return 2;
        }
        if (smoke) {
            return DesktopServices.smokeTest(AppDirs.fromEnvironment(), SMOKE_TIMEOUT, System.out, System.err);
        }
        return DesktopServices.launch(AppDirs.fromEnvironment(), file);
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
