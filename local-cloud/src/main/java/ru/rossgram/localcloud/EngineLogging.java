package ru.rossgram.localcloud;

import ch.qos.logback.classic.Level;
import java.util.logging.Logger;

import org.slf4j.LoggerFactory;

/**
 * Keeps the engines' logging at warnings and above, and free of start-up chatter. Everything the
 * engines log goes to slf4j and Logback (S3Proxy, jclouds and Jetty directly, DynamoDB Local through
 * log4j-to-slf4j), except sqlite4java, which uses java.util.logging. The root level is WARN in both
 * set-ups (the functions' JSON lines, or logback.xml where only the engines run).
 */
final class EngineLogging {

    // java.util.logging holds loggers weakly: without this reference the level would be lost.
    private static final Logger SQLITE = Logger.getLogger("com.almworks.sqlite4java");

    private EngineLogging() {
    }

    static void quiet() {
        if (SQLITE.getLevel() == null) {
            SQLITE.setLevel(java.util.logging.Level.WARNING);
        }
        // Bind slf4j on this thread before the engines start on two: otherwise calls racing its
        // initialisation are replayed with a three-line SLF4J(W) notice on stderr.
        LoggerFactory.getILoggerFactory();
        // DynamoDB Local reports every error it returns to a client (a failed condition check included) as a
        // WARN with a stack trace; the client gets the error anyway. Its own log4j2.xml silenced them too.
        if (LoggerFactory.getLogger("com.amazonaws.services.dynamodbv2.local") instanceof ch.qos.logback.classic.Logger dynamo) {
            dynamo.setLevel(Level.ERROR);
        }
    }
}
