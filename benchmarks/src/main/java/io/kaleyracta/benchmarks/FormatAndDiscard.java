package io.kaleyracta.benchmarks;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * JUL set up as a production engine logs: INFO and above are formatted (the cost every send pays), then dropped
 * instead of written, so the console's speed does not become the benchmark's. Warnings still reach stderr.
 */
public final class FormatAndDiscard {

  public FormatAndDiscard() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    root.addHandler(new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override
      public void publish(LogRecord record) {
        String line = formatter.format(record);
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          System.err.print(line);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    });
  }
}
