package org.homestretch.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the running app logs while open: every event reaching Logback's root logger, written
 * out in full (message, arguments, exception types, messages and stack frames of every cause), and
 * whatever is printed straight to the console.
 */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Logger own = (Logger) LoggerFactory.getLogger("org.homestretch");
    private final ch.qos.logback.classic.Level ownLevel = own.getLevel();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    LogCapture() {
        // Our own code at every level, so that a debug line added later is checked too.
        own.setLevel(ch.qos.logback.classic.Level.TRACE);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
    }

    /** One entry per logged event (with its exception written out) and per console line. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                append(text, t);
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    append(text, suppressed);
                }
            }
            lines.add(text.toString());
        }
        synchronized (console) {
            console.toString(StandardCharsets.UTF_8).lines().map(l -> "CONSOLE " + l).forEach(lines::add);
        }
        return lines;
    }

    private static void append(StringBuilder text, IThrowableProxy t) {
        text.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
            text.append("\n    ").append(frame.getSTEAsString());
        }
    }

    @Override
    public void close() {
        own.setLevel(ownLevel);
        root.detachAppender(appender);
        appender.stop();
        System.setOut(out);
        System.setErr(err);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // The copy is what the test reads.
            }
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // The copy is what the test reads.
            }
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
