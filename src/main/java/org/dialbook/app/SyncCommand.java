package org.dialbook.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dialbook.api.ApiException;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.WaitListener;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorException;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dialbook sync [--full]}: brings the account's local mirror up to date, the one that
 * {@code contacts find} and the window's search read. Exit codes: 0 done, 1 the API or the mirror
 * file failed, 2 bad usage or a missing setting, 130 interrupted (what was read is kept; the next
 * sync resumes).
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Bring the local mirror of the account up to date (used by 'contacts find' and the app's search).",
            "The first sync reads every contact, 20 a call; it resumes where it stopped if interrupted.",
            "Connects with --profile NAME, or else with EXOTEL_API_KEY, EXOTEL_API_TOKEN, EXOTEL_ACCOUNT_SID and "
                + "EXOTEL_REGION (singapore|mumbai, default singapore) or EXOTEL_BASE_URL."})
public final class SyncCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    @Option(names = "--full", description = "Read the whole account again (finds every outside edit and deletion).")
    boolean full;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use the connection profile saved under this name in the desktop app.")
    String profile;

    @Option(names = "--budget-share", paramLabel = "PERCENT",
            description = "The share of Exotel's 300 reads a minute the sync may use, 1 to 100 (default 50). "
                    + "The local sandbox is not limited.")
    int share = ReadGate.DEFAULT_SHARE_PERCENT;

    @Spec
    CommandSpec spec;

    private final ConnectionResolver connection;
    private final Function<String, ConnectionResolver> profiles;
    private final Function<ConnectionSettings, ContactsClient> clients;
    private final AppDirs dirs;
    private final boolean terminal;

    /** The production wiring. */
    public SyncCommand() {
        this(EnvConnection.fromSystem(), name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name),
                // A sync is a long job: an outage pauses it (up to 30 min) rather than failing it.
                settings -> ContactsClient.builder(settings).outagePatience(ContactsClient.JOB_OUTAGE_PATIENCE).build(),
                AppDirs.fromEnvironment(),
                System.console() != null);
    }

    /** The test seam. */
    SyncCommand(ConnectionResolver connection, Function<String, ConnectionResolver> profiles,
            Function<ConnectionSettings, ContactsClient> clients, AppDirs dirs, boolean terminal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.dirs = Objects.requireNonNull(dirs, "dirs");
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (share < 1 || share > 100) {
            err.println("--budget-share must be 1 to 100, got " + share);
            return USAGE;
        }
        ConnectionResolver resolver = profile == null ? connection : profiles.apply(profile);
        try (ContactsClient client = clients.apply(resolver.resolve());
                WaitListener.Subscription waits = client.onWait(new ProgressLines(err, Clock.systemUTC()));
                Mirror mirror = MirrorCli.open(dirs, client, err)) {
            MirrorSync.Result result = MirrorCli.sync(mirror, client, full ? MirrorSync.Mode.FULL
                    : MirrorSync.Mode.INCREMENTAL, share, terminal, err);
            if (result.cancelled()) {
                err.println(String.format(Locale.ROOT, "Interrupted with %,d contacts mirrored; 'dialbook sync' "
                        + "resumes.", result.mirrored()));
                return INTERRUPTED;
            }
            out.println(String.format(Locale.ROOT, "Mirror up to date: %,d contacts (%,d reads%s).",
                    result.mirrored(), result.reads(),
                    result.deleted() > 0 ? String.format(Locale.ROOT, ", %,d deleted elsewhere", result.deleted())
                            : ""));
            return OK;
        } catch (ConnectionSetupException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage() + ". What was read is kept; run 'dialbook sync' again to resume.");
            return FAILED;
        } catch (MirrorException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
