package org.dialbook.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a rolling log file in the user's log folder when the desktop app starts. The CLI keeps the
 * console-only setup of {@link LogSetup}, so scripts get no surprise files.
 */
final class Logs {
    static final String FILE_NAME = "dialbook.log";
    private static final String APPENDER = "DIALBOOK_FILE";

    private Logs() {
    }

    /** Idempotent; returns the log file's path. */
    static Path startFileLogging(Path logsDir) {
        Path file = logsDir.resolve(FILE_NAME);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return file;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logsDir.resolve("dialbook.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();

        root.addAppender(appender);
        // The file gets the app's INFO lines too, for support; the console stays as quiet as it was.
        if (!root.isEnabledFor(Level.INFO)) {
            root.iteratorForAppenders().forEachRemaining(existing -> {
                if (existing instanceof ConsoleAppender<ILoggingEvent> console) {
                    ThresholdFilter quiet = new ThresholdFilter();
                    quiet.setLevel(root.getLevel().toString());
                    quiet.start();
                    console.addFilter(quiet);
                }
            });
            context.getLogger("org.dialbook").setLevel(Level.INFO);
        }
        return file;
    }
}
