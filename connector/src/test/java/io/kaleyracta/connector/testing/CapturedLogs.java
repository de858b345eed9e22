package io.kaleyracta.connector.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every JUL record (jboss-logging, slf4j-jdk14 and commons-logging all end in JUL on this classpath) with
 * every logger opened to ALL, formatted with message parameters and stack traces as a log file would show them.
 */
public final class CapturedLogs implements AutoCloseable {

  private final List<String> lines = new ArrayList<>();
  private final List<LogRecord> records = new ArrayList<>();
  private final Logger root = LogManager.getLogManager().getLogger("");
  private final Level previousRootLevel = root.getLevel();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      String line = formatter.format(record);
      synchronized (lines) {
        lines.add(line);
        records.add(record);
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  public CapturedLogs() {
    handler.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(handler);
    var names = LogManager.getLogManager().getLoggerNames();
    while (names.hasMoreElements()) {
      Logger logger = LogManager.getLogManager().getLogger(names.nextElement());
      if (logger != null && logger != root) {
        logger.setLevel(null); // inherit ALL from root
      }
    }
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The records themselves, for their level and logger name. */
  public List<LogRecord> records() {
    synchronized (lines) {
      return List.copyOf(records);
    }
  }

  /** A record's message with its parameters filled in, as a log file shows it after the level. */
  public String message(LogRecord record) {
    return formatter.formatMessage(record);
  }

  /** A record as a log file shows it: header, message, stack trace. */
  public String formatted(LogRecord record) {
    return formatter.format(record);
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(previousRootLevel);
  }
}
