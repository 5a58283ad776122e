package ru.rossgram.deploy.yandex;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A function as Yandex Cloud Functions takes a pre-built Java artifact: a ZIP whose root holds the jar (the
 * documented place for a project's own jars), uploaded through a bucket because ours exceed the 3.5 MB of a
 * direct upload.
 *
 * @param file the ZIP
 * @param sha256 its SHA-256 in hex, which names the uploaded object and checks it
 * @param size its size in bytes
 */
record FunctionPackage(Path file, String sha256, long size) {

    /** The largest ZIP Yandex takes from a bucket. */
    static final long MAX_BUCKET_PACKAGE = 128L * 1024 * 1024;
    /** The largest ZIP Yandex takes uploaded directly. */
    static final long MAX_DIRECT_PACKAGE = 3_500_000L;
    /** A fixed entry time, so that the same jar makes the same ZIP (and the same object name). */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(0);

    /**
     * @throws IOException when the jar cannot be read (build the functions first) or the ZIP written
     * @throws IllegalStateException when the ZIP exceeds what Yandex takes from a bucket
     */
    static FunctionPackage write(Path jar, Path zip) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " does not exist: the function modules package it (mvn package)");
        }
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(jar.getFileName().toString());
            entry.setLastModifiedTime(ENTRY_TIME);
            zipped.putNextEntry(entry);
            Files.copy(jar, zipped);
            zipped.closeEntry();
        }
        long size = Files.size(zip);
        if (size > MAX_BUCKET_PACKAGE) {
            throw new IllegalStateException(zip + " is " + size + " bytes; Yandex takes at most " + MAX_BUCKET_PACKAGE);
        }
        return new FunctionPackage(zip, sha256(zip), size);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
