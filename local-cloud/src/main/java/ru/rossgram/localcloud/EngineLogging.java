package ru.rossgram.localcloud;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.slf4j.LoggerFactory;

/**
 * Keeps the engines' logging at warnings and above, and free of start-up chatter. Everything the
 * engines log goes to slf4j (S3Proxy, jclouds and Jetty directly, DynamoDB Local through
 * log4j-to-slf4j) whose level simplelogger.properties sets, except sqlite4java, which uses
 * java.util.logging.
 */
final class EngineLogging {

    // java.util.logging holds loggers weakly: without this reference the level would be lost.
    private static final Logger SQLITE = Logger.getLogger("com.almworks.sqlite4java");

    private EngineLogging() {
    }

    static void quiet() {
        if (SQLITE.getLevel() == null) {
            SQLITE.setLevel(Level.WARNING);
        }
        // Bind slf4j on this thread before the engines start on two: otherwise calls racing its
        // initialisation are replayed with a three-line SLF4J(W) notice on stderr.
        LoggerFactory.getILoggerFactory();
    }
}
