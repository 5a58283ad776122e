package ru.rossgram.imaging.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * libvips used as a library: {@code imaging/scripts/vips-thumbnails.c}, built by the benchmark script. It decodes
 * once with shrink-on-load at w1080, makes the three smaller renditions from that image and encodes all four as we
 * do, on one thread with libvips's cache off, timing itself with the file already in memory.
 */
record LibvipsProgram(Path executable, List<String> schedulerPrefix, int warmUpRuns) {

    /**
     * Times {@code runs} warm runs after the warm-up ones and leaves the last run's four JPEGs in {@code outputs}
     * as {@code vipslib-<rendition>.jpg}.
     *
     * @return milliseconds per timed run, as the program measured them
     */
    double[] time(Path original, int runs, Path outputs) {
        try {
            Files.createDirectories(outputs);
            List<String> command = new ArrayList<>(schedulerPrefix);
            command.addAll(List.of(executable.toString(), original.toString(), String.valueOf(runs),
                    String.valueOf(warmUpRuns), outputs.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("VIPS_CONCURRENCY", "1");
            Process process = builder.start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", lines));
            }
            return lines.stream().filter(line -> line.startsWith("RUN ")).mapToDouble(line -> Double.parseDouble(line.substring(4)))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
