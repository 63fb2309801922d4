package org.dialbook.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
        description = "A desktop address book for Exotel Campaign contacts.")
public final class Dialbook implements Callable<Integer> {
    private static final Duration SMOKE_TIMEOUT = Duration.ofSeconds(60);

    @Parameters(arity = "0..1", paramLabel = "CSV",
            description = "A CSV file to import: opens the window with the import wizard for it.")
    private Path file;

    @Option(names = "--smoke",
            description = "Open the window, wait until the first page of contacts is on screen, then exit: "
                    + "0 when it was, 1 on an error or after 60 s. For CI and start-up timing.")
    private boolean smoke;

    /**
     * The subcommands, in the order --help lists them. Registered in code rather than in the
     * annotation so that a command line builds picocli's model of the one it runs only: the model of
     * all of them (each option of each nested command, by reflection) took about 450 ms.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    /** The subcommands' names. */
    static final Set<String> SUBCOMMANDS = COMMANDS.keySet();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("contacts", ContactsCommand.class);
        commands.put("lists", ListsCommand.class);
        commands.put("import", ImportCommand.class);
        commands.put("sandbox", SandboxCommand.class);
        commands.put("export", ExportCommand.class);
        commands.put("sync", SyncCommand.class);
        return Collections.unmodifiableMap(commands);
    }

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
        return newCommandLine(args).execute(args);
    }

    /** Every subcommand, as --help lists them. */
    static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: with only the subcommand they name, when they name one
     * (other than help, which must know them all), else with all of them.
     */
    static CommandLine newCommandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new Dialbook());
        String named = args.length > 0 && COMMANDS.containsKey(args[0]) && !"help".equals(args[0]) ? args[0] : null;
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                commandLine.addSubcommand(name, command);
            }
        });
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
