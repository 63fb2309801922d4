package org.dialbook.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dialbook.api.ApiException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The CLI frame every command extends: exit codes, and failures turned into one clear line on
 * stderr, never a stack trace. Connecting goes through {@link CliConnection} and
 * {@link ConnectionOptions}. A new command implements {@link #execute} and lets exceptions out:
 * {@link UsageException}, {@link ConnectionSetupException} and {@link IllegalArgumentException}
 * exit 2, an {@link ApiException} or an I/O error exits 1, an interruption 130 (the hooks below let
 * a command say more, or keep an exit code it has documented).
 */
abstract class CliCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(out, err);
        } catch (UsageException | ConnectionSetupException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage() + afterApiError());
            return FAILED;
        } catch (IOException e) {
            err.println(ioFailure(e));
            return ioExitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(interrupted());
            return interruptedExitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command itself; returns the exit code. */
    abstract int execute(PrintWriter out, PrintWriter err) throws IOException, InterruptedException;

    /** Said after an API error's message, e.g. that no file was written. */
    String afterApiError() {
        return "";
    }

    /** The line printed for a file that could not be read or written. */
    String ioFailure(IOException e) {
        return "Error: " + e.getMessage();
    }

    /** The exit code for a file that could not be read or written. */
    int ioExitCode() {
        return FAILED;
    }

    /** The exit code when the command was interrupted. */
    int interruptedExitCode() {
        return INTERRUPTED;
    }

    /** The line printed when the command was interrupted. */
    String interrupted() {
        return "Interrupted.";
    }
}
