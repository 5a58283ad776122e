package ru.rossgram.imaging.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import ru.rossgram.imaging.Rendition;
import ru.rossgram.imaging.ThumbnailMaker;
import ru.rossgram.imaging.Thumbnails;
import ru.rossgram.imaging.testing.TestPictures;

/**
 * Times our pipeline against libvips ({@code vipsthumbnail}) and ImageMagick ({@code convert}) making the same
 * four renditions (w1080, w640, w320, square150; progressive, quality 82, stripped) from a 12 MP and a 48 MP
 * photo-like JPEG, and measures our heap. Measured and written down, never asserted; nothing here runs in the
 * build. Run {@code imaging/scripts/benchmark.sh}, which passes the test class path.
 *
 * <p>Modes: no arguments (or options) orchestrates everything and writes the report; {@code measure FILE...}
 * and {@code once FILE} are the child JVMs it starts, so each JDK and heap size is measured in a fresh process.
 */
public final class ThumbnailBenchmark {
    private static final String VIPS = "vipsthumbnail";
    private static final String CONVERT = "/usr/bin/convert"; // /usr/local/bin/convert may be something else
    private static final int WARMUP_RUNS = 5;

    private ThumbnailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("measure")) {
            measure(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("once")) {
            once(Path.of(args[1]));
        } else {
            orchestrate(Options.parse(args));
        }
    }

    record Options(Path dir, Path out, List<String> javas, int runs, int toolRuns, int rounds) {
        static Options parse(String[] args) {
            Path dir = Path.of("target/imaging-bench");
            Path out = null;
            List<String> javas = new ArrayList<>();
            int runs = 5;
            int toolRuns = 2;
            int rounds = 4;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--java" -> javas.add(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--tool-runs" -> toolRuns = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (javas.isEmpty()) {
                javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            dir = dir.toAbsolutePath(); // vipsthumbnail takes a relative -o as relative to the input's directory
            return new Options(dir, out == null ? dir.resolve("report.md") : out, javas, runs, toolRuns, rounds);
        }
    }

    // ---- orchestration --------------------------------------------------------------------------------------

    private static void orchestrate(Options options) throws Exception {
        Files.createDirectories(options.dir());
        Map<String, Path> originals = new LinkedHashMap<>();
        originals.put("12 MP (4000 x 3000)", original(options.dir(), 4000, 3000, 12));
        originals.put("48 MP (8000 x 6000)", original(options.dir(), 8000, 6000, 48));

        StringBuilder report = new StringBuilder();
        report.append("<!-- Written by ru.rossgram.imaging.bench.ThumbnailBenchmark on ").append(LocalDate.now())
                .append("; rerun with imaging/scripts/benchmark.sh. -->\n\n");
        report.append("### Setup\n\n").append(setup(options, originals)).append('\n');

        // Rounds interleave every pipeline, so a noisy neighbour on a shared machine slows them all alike.
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        Map<String, Long> peakHeap = new LinkedHashMap<>();
        Path outputs = options.dir().resolve("outputs");
        Files.createDirectories(outputs);
        for (int round = 1; round <= options.rounds(); round++) {
            for (String java : options.javas()) {
                System.err.println("round " + round + ": our pipeline on " + jdkName(java));
                List<String> lines = run(List.of(java, "-Xmx448m", "-XX:+UseSerialGC", "-cp",
                        System.getProperty("java.class.path"), ThumbnailBenchmark.class.getName(), "measure",
                        String.valueOf(options.runs())), originals.values().stream().map(Path::toString).toList());
                List<String> results = lines.stream().filter(l -> l.startsWith("RESULT ")).toList();
                int index = 0;
                for (String name : originals.keySet()) {
                    String[] result = results.get(index++).split(" ");
                    add(samples, name, "ours, " + jdkName(java), result[3]);
                    peakHeap.merge(name + " | " + jdkName(java), Long.parseLong(result[2]), Math::max);
                }
            }
            for (Map.Entry<String, Path> original : originals.entrySet()) {
                System.err.println("round " + round + ": vipsthumbnail and convert on " + original.getKey());
                Path in = original.getValue();
                add(samples, original.getKey(), "vipsthumbnail, 4 runs, default threads",
                        timeTool(options.toolRuns(), () -> vips(in, outputs, false)));
                add(samples, original.getKey(), "vipsthumbnail, 4 runs, VIPS_CONCURRENCY=1",
                        timeTool(options.toolRuns(), () -> vips(in, outputs, true)));
                add(samples, original.getKey(), "convert, one run", timeTool(1, () -> convert(in, outputs, null)));
                add(samples, original.getKey(), "convert -define jpeg:size (shrink-on-load)",
                        timeTool(1, () -> convert(in, outputs, "2160x1620")));
            }
        }
        Map<String, String> heap = new LinkedHashMap<>();
        for (String java : options.javas()) {
            for (String name : originals.keySet()) {
                System.err.println("finding the smallest heap for " + name + " on " + jdkName(java));
                int xmx = smallestHeap(java, originals.get(name));
                heap.put(name + " | " + jdkLabel(java), String.format(Locale.ROOT, "%d MB | %d MB | %s",
                        peakHeap.get(name + " | " + jdkName(java)), xmx, onceRss(java, xmx, originals.get(name))));
            }
        }

        report.append("### Time for all four renditions (warm, milliseconds)\n\n");
        report.append(timeTable(samples, options.javas()));
        report.append("\n### Our memory\n\n");
        report.append("Peak heap is the largest heap in use seen by the garbage collector during the timed runs (garbage included),"
                + " in a JVM with `-Xmx448m -XX:+UseSerialGC`. The smallest `-Xmx` is a binary search (8 MB steps) for the"
                + " least heap with which a fresh JVM makes all four renditions once; peak RSS is that JVM's whole footprint"
                + " (heap, native libjpeg buffers, code), from `/proc/self/status` VmHWM.\n\n");
        report.append("| original | JDK | peak heap in use | smallest -Xmx | peak RSS at that -Xmx |\n");
        report.append("|---|---|---|---|---|\n");
        heap.forEach((key, value) -> report.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        report.append("\n### Output sizes, w1080 (bytes)\n\n").append(outputSizes(originals, outputs));

        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report.toString());
        System.err.println("wrote " + options.out());
    }

    /** The test photo, generated once and kept: a quality-90 baseline JPEG from the JDK's writer. */
    private static Path original(Path dir, int width, int height, long seed) throws IOException {
        Path file = dir.resolve("photo-" + width + "x" + height + ".jpg");
        if (Files.exists(file)) {
            return file;
        }
        System.err.println("generating " + file);
        Files.write(file, TestPictures.jpeg(PhotoLikeImage.generate(width, height, seed), 0.90f, false));
        return file;
    }

    private static String setup(Options options, Map<String, Path> originals) throws IOException {
        StringBuilder setup = new StringBuilder();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        setup.append("- Machine: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs visible (a shared cloud VM: timings wander by 20-30% between runs; medians are shown).\n");
        for (String java : options.javas()) {
            setup.append("- JDK: ").append(jdkLabel(java)).append(" (").append(String.join(" ", run(List.of(java, "-version"))).trim())
                    .append(").\n");
        }
        setup.append("- libvips: ").append(String.join(" ", run(List.of("vips", "--version")))).append("; ImageMagick: ")
                .append(run(List.of(CONVERT, "-version")).get(0).replace("Version: ", "")).append(".\n");
        for (Map.Entry<String, Path> original : originals.entrySet()) {
            setup.append("- ").append(original.getKey()).append(": `").append(original.getValue().getFileName()).append("`, ")
                    .append(Files.size(original.getValue()) / 1024).append(" KB, synthetic photo (PhotoLikeImage), baseline,"
                            + " quality 90, 4:2:0.\n");
        }
        setup.append("- ").append(options.rounds()).append(" rounds, each timing every pipeline in turn, so a busy"
                + " neighbour slows them alike. Ours: `ThumbnailMaker.make(byte[])` with the default spec, in a fresh JVM"
                + " (`-Xmx448m -XX:+UseSerialGC`) per round: ").append(WARMUP_RUNS).append(" warm-up runs, then ")
                .append(options.runs()).append(" timed; the file is already in memory, as the function will have it."
                        + " The tools: wall time of real processes reading the file from the page cache, process start-up"
                        + " included as it is for every CLI invocation; ").append(options.toolRuns())
                .append(" timed runs per round (convert: 1), each series after one untimed run.\n");
        return setup.toString();
    }

    private static String jdkName(String java) {
        return Path.of(java).getParent().getParent().getFileName().toString();
    }

    /** The JDK's directory name and which libjpeg its JPEG codec uses: its own copy, or the system's. */
    private static String jdkLabel(String java) {
        Path home = Path.of(java).getParent().getParent();
        Path codec = home.resolve("lib/libjavajpeg.so");
        String linked = Files.exists(codec) ? runAllowingFailure(List.of("ldd", codec.toString())).stream()
                .filter(line -> line.contains("libjpeg")).map(line -> line.trim().split(" ")[0]).findFirst().orElse(null) : null;
        return jdkName(java) + (linked == null ? " (bundled IJG libjpeg 6b, OpenJDK's default)" : " (links the system's " + linked + ")");
    }

    private static void add(Map<String, Map<String, List<Double>>> samples, String original, String pipeline, double[] millis) {
        List<Double> list = samples.computeIfAbsent(original, k -> new LinkedHashMap<>()).computeIfAbsent(pipeline, k -> new ArrayList<>());
        for (double m : millis) {
            list.add(m);
        }
    }

    private static void add(Map<String, Map<String, List<Double>>> samples, String original, String pipeline, String commaSeparated) {
        add(samples, original, pipeline, Arrays.stream(commaSeparated.split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    private static String timeTable(Map<String, Map<String, List<Double>>> samples, List<String> javas) {
        StringBuilder table = new StringBuilder("| original | pipeline | runs | median | min |");
        javas.forEach(java -> table.append(" median vs ours on ").append(jdkName(java)).append(" |"));
        table.append("\n|---|---|---|---|---|").append("---|".repeat(javas.size())).append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> original : samples.entrySet()) {
            for (Map.Entry<String, List<Double>> row : original.getValue().entrySet()) {
                Stats stats = Stats.of(row.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f |", original.getKey(), row.getKey(),
                        row.getValue().size(), stats.median(), stats.min()));
                for (String java : javas) {
                    List<Double> ours = original.getValue().get("ours, " + jdkName(java));
                    double oursMedian = Stats.of(ours.stream().mapToDouble(Double::doubleValue).toArray()).median();
                    table.append(row.getKey().startsWith("ours") ? " |"
                            : String.format(Locale.ROOT, " %.2fx slower than ours |", stats.median() / oursMedian));
                }
                table.append('\n');
            }
        }
        return table.toString();
    }

    private static String outputSizes(Map<String, Path> originals, Path outputs) throws Exception {
        StringBuilder sizes = new StringBuilder("| original | ours | vipsthumbnail | convert |\n|---|---|---|---|\n");
        ThumbnailMaker maker = new ThumbnailMaker();
        for (Map.Entry<String, Path> original : originals.entrySet()) {
            Thumbnails ours = maker.make(original.getValue());
            Path vips = outputs.resolve("vips-w1080.jpg");
            vips(original.getValue(), outputs, false);
            long vipsSize = Files.size(vips);
            convert(original.getValue(), outputs, null);
            long convertSize = Files.size(outputs.resolve("convert-w1080.jpg"));
            sizes.append(String.format("| %s | %d | %d | %d |\n", original.getKey(),
                    ours.rendition("w1080").map(Rendition::bytes).orElseThrow().length, vipsSize, convertSize));
        }
        return sizes.toString();
    }

    /** Binary search, in 8 MB steps, for the least -Xmx that makes the renditions. */
    private static int smallestHeap(String java, Path original) {
        int fails = 8;
        int works = 512;
        while (works - fails > 8) {
            int mid = (fails + works) / 2 / 8 * 8;
            if (mid <= fails) {
                mid = fails + 8;
            }
            if (onceSucceeds(java, mid, original)) {
                works = mid;
            } else {
                fails = mid;
            }
        }
        return works;
    }

    private static boolean onceSucceeds(String java, int xmxMb, Path original) {
        List<String> lines = runAllowingFailure(onceCommand(java, xmxMb, original));
        return lines.stream().anyMatch(l -> l.startsWith("OK "));
    }

    private static String onceRss(String java, int xmxMb, Path original) {
        return runAllowingFailure(onceCommand(java, xmxMb, original)).stream().filter(l -> l.startsWith("OK "))
                .findFirst().map(l -> l.substring(3)).orElse("?");
    }

    private static List<String> onceCommand(String java, int xmxMb, Path original) {
        return List.of(java, "-Xmx" + xmxMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ThumbnailBenchmark.class.getName(), "once", original.toString());
    }

    private static void vips(Path in, Path outputs, boolean oneThread) {
        String options = "[Q=82,strip,interlace]";
        for (String[] rendition : new String[][] {{"1080x", "w1080"}, {"640x", "w640"}, {"320x", "w320"}, {"150x150", "square150"}}) {
            List<String> command = new ArrayList<>(List.of(VIPS, in.toString(), "--size", rendition[0]));
            if (rendition[1].startsWith("square")) {
                command.addAll(List.of("--smartcrop", "centre"));
            }
            command.addAll(List.of("-o", outputs.resolve("vips-" + rendition[1] + ".jpg") + options));
            runTool(command, oneThread ? Map.of("VIPS_CONCURRENCY", "1") : Map.of());
        }
    }

    /** One process for all four, decoding once, as a careful ImageMagick user would write it. */
    private static void convert(Path in, Path outputs, String jpegSizeHint) {
        List<String> command = new ArrayList<>(List.of(CONVERT));
        if (jpegSizeHint != null) {
            command.addAll(List.of("-define", "jpeg:size=" + jpegSizeHint));
        }
        command.addAll(List.of(in.toString(), "-auto-orient", "-strip", "-interlace", "JPEG", "-quality", "82",
                "-sampling-factor", "2x2",
                "(", "+clone", "-resize", "1080x", "-write", outputs.resolve("convert-w1080.jpg").toString(), "+delete", ")",
                "(", "+clone", "-resize", "640x", "-write", outputs.resolve("convert-w640.jpg").toString(), "+delete", ")",
                "(", "+clone", "-resize", "320x", "-write", outputs.resolve("convert-w320.jpg").toString(), "+delete", ")",
                "-resize", "150x150^", "-gravity", "center", "-extent", "150x150",
                outputs.resolve("convert-square150.jpg").toString()));
        runTool(command, Map.of());
    }

    private static double[] timeTool(int runs, Runnable tool) {
        tool.run(); // page cache and library loading
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            tool.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static void runTool(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> run(List<String> command) {
        List<String> lines = runAllowingFailure(command);
        if (lines.isEmpty()) {
            throw new IllegalStateException(String.join(" ", command) + " printed nothing");
        }
        return lines;
    }

    private static List<String> run(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return run(all);
    }

    private static List<String> runAllowingFailure(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(10, TimeUnit.MINUTES);
            return output.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- child modes ----------------------------------------------------------------------------------------

    /** Warm, in-process timing of each file; prints "RESULT file peakHeapMb millis,millis,...". */
    private static void measure(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        ThumbnailMaker maker = new ThumbnailMaker();
        AtomicLong peak = watchHeap();
        for (int f = 1; f < args.length; f++) {
            byte[] original = Files.readAllBytes(Path.of(args[f]));
            for (int i = 0; i < WARMUP_RUNS; i++) {
                maker.make(original);
            }
            System.gc();
            peak.set(usedHeap());
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                Thumbnails thumbnails = maker.make(original);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (thumbnails.renditions().size() != 4) {
                    throw new IllegalStateException("expected four renditions");
                }
            }
            long peakHeap = Math.max(peak.get(), usedHeap());
            StringBuilder times = new StringBuilder();
            for (double m : millis) {
                times.append(times.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", m));
            }
            System.out.printf(Locale.ROOT, "RESULT %s %d %s%n", args[f], peakHeap >> 20, times);
        }
    }

    /** One make() in a fresh JVM; prints "OK <peak RSS>" on success. */
    private static void once(Path original) throws Exception {
        Thumbnails thumbnails = new ThumbnailMaker().make(original);
        if (thumbnails.renditions().size() == 4) {
            String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .findFirst().map(l -> l.substring(6).trim()).orElse("?");
            if (rss.endsWith(" kB")) {
                rss = (Long.parseLong(rss.substring(0, rss.length() - 3)) >> 10) + " MB";
            }
            System.out.println("OK " + rss);
        }
    }

    /** Records the largest heap in use just before each collection: the peak, garbage included. */
    private static AtomicLong watchHeap() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peak.accumulateAndGet(before, Math::max);
                }
            }, null, null);
        }
        return peak;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    record Stats(double median, double min) {
        static Stats of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Stats(median, sorted[0]);
        }
    }
}
