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
import java.util.OptionalDouble;
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
 * Times our pipeline against libvips used as a library ({@link LibvipsProgram}) making the same four renditions
 * (w1080, w640, w320, square150; progressive, quality 82, stripped, 4:2:0) from real photographs
 * ({@link RealPhotos}), compares the w1080 outputs (size, PSNR), and measures our memory on the largest. With
 * {@code --cli-tools} it also times the command-line peers ({@code vipsthumbnail}, ImageMagick's {@code convert}) and
 * with {@code --synthetic} adds the generated photo-like 12 MP and 48 MP JPEGs. Measured and written down, never
 * asserted; nothing here runs in the build. Run {@code imaging/scripts/benchmark.sh}, which makes the photos, builds
 * the C program and passes the test class path.
 *
 * <p>Modes: no arguments (or options) orchestrates everything and writes the report; {@code measure RUNS OUTDIR
 * FILE...} and {@code once FILE} are the child JVMs it starts, so each JDK and heap size is measured in a fresh process.
 */
public final class ThumbnailBenchmark {
    private static final String VIPS = "vipsthumbnail";
    private static final String CONVERT = "/usr/bin/convert"; // /usr/local/bin/convert may be something else
    private static final int WARMUP_RUNS = 5;
    private static final String LIBVIPS = "libvips as a library";

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

    record Options(Path dir, Path out, Path photos, Path libvips, List<String> javas, int runs, int toolRuns, int rounds,
                   boolean realtime, boolean cliTools, boolean synthetic) {
        static Options parse(String[] args) {
            Path dir = Path.of("target/imaging-bench");
            Path out = null;
            Path photos = null;
            Path libvips = null;
            List<String> javas = new ArrayList<>();
            int runs = 5;
            int toolRuns = 2;
            int rounds = 2;
            boolean realtime = false;
            boolean cliTools = false;
            boolean synthetic = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--photos" -> photos = Path.of(args[++i]);
                    case "--libvips-program" -> libvips = Path.of(args[++i]);
                    case "--java" -> javas.add(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--tool-runs" -> toolRuns = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--chrt" -> realtime = true;
                    case "--no-chrt" -> realtime = false;
                    case "--cli-tools" -> cliTools = true;
                    case "--synthetic" -> synthetic = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (javas.isEmpty()) {
                javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            if (libvips == null) {
                throw new IllegalArgumentException("--libvips-program is required (imaging/scripts/benchmark.sh builds it)");
            }
            dir = dir.toAbsolutePath(); // vipsthumbnail takes a relative -o as relative to the input's directory
            return new Options(dir, out == null ? dir.resolve("report.md") : out,
                    (photos == null ? dir.resolve("photos") : photos).toAbsolutePath(), libvips.toAbsolutePath(), javas,
                    runs, toolRuns, rounds, realtime, cliTools, synthetic);
        }

        /** {@code chrt -f 10}: real-time FIFO priority, so the shared machine's other work does not land in a timing. */
        List<String> schedulerPrefix() {
            return realtime ? List.of("chrt", "-f", "10") : List.of();
        }
    }

    // ---- orchestration --------------------------------------------------------------------------------------

    private static void orchestrate(Options options) throws Exception {
        Files.createDirectories(options.dir());
        Map<String, Path> originals = new LinkedHashMap<>();
        for (RealPhotos.Photo photo : RealPhotos.ALL) {
            if (!Files.exists(photo.in(options.photos()))) {
                throw new IllegalStateException(photo.in(options.photos()) + " is missing: imaging/scripts/real-photos.sh makes it");
            }
            originals.put(photo.label(), photo.in(options.photos()));
        }
        if (options.synthetic()) {
            originals.put("synthetic 12 MP (4000 x 3000)", original(options.dir(), 4000, 3000, 12));
            originals.put("synthetic 48 MP (8000 x 6000)", original(options.dir(), 8000, 6000, 48));
        }
        LibvipsProgram libvips = new LibvipsProgram(options.libvips(), options.schedulerPrefix(), 2);

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
                List<String> command = new ArrayList<>(options.schedulerPrefix());
                command.addAll(List.of(java, "-Xmx448m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        ThumbnailBenchmark.class.getName(), "measure", String.valueOf(options.runs()),
                        outputs.resolve(jdkName(java)).toString()));
                List<String> lines = run(command, originals.values().stream().map(Path::toString).toList());
                List<String> results = lines.stream().filter(l -> l.startsWith("RESULT ")).toList();
                if (results.size() != originals.size()) {
                    throw new IllegalStateException("our pipeline failed on " + jdkName(java) + ":\n" + String.join("\n", lines));
                }
                int index = 0;
                for (String name : originals.keySet()) {
                    String[] result = results.get(index++).split(" ");
                    add(samples, name, ours(java), result[3]);
                    peakHeap.merge(name + " | " + jdkName(java), Long.parseLong(result[2]), Math::max);
                }
            }
            for (Map.Entry<String, Path> original : originals.entrySet()) {
                System.err.println("round " + round + ": libvips as a library on " + original.getKey());
                add(samples, original.getKey(), LIBVIPS, libvips.time(original.getValue(), options.runs(),
                        outputs.resolve("libvips").resolve(stem(original.getValue()))));
                if (options.cliTools()) {
                    Path in = original.getValue();
                    add(samples, original.getKey(), "vipsthumbnail, 4 runs, VIPS_CONCURRENCY=1",
                            timeTool(options.toolRuns(), () -> vips(in, outputs, true)));
                    add(samples, original.getKey(), "convert, one run", timeTool(1, () -> convert(in, outputs)));
                }
            }
        }
        Path largest = RealPhotos.LARGEST.in(options.photos());
        List<String> heap = new ArrayList<>();
        for (String java : options.javas()) {
            System.err.println("finding the smallest heap for the 48 MP photo on " + jdkName(java));
            int xmx = smallestHeap(java, largest);
            heap.add(String.format(Locale.ROOT, "| %s | %d MB | %d MB | %s |", jdkLabel(java),
                    peakHeap.get(RealPhotos.LARGEST.label() + " | " + jdkName(java)), xmx, onceRss(java, xmx, largest)));
        }

        report.append("### Time for all four renditions (warm, milliseconds, medians)\n\n");
        report.append(timeTable(samples, options.javas()));
        if (options.cliTools()) {
            report.append("\n### Command-line peers (wall time of processes, start-up included)\n\n")
                    .append(toolTable(samples));
        }
        report.append("\n### Our memory, ").append(RealPhotos.LARGEST.label()).append("\n\n");
        report.append("Peak heap is the largest heap in use seen by the garbage collector during the timed runs (garbage included),"
                + " in a JVM with `-Xmx448m -XX:+UseSerialGC`. The smallest `-Xmx` is a binary search (8 MB steps) for the"
                + " least heap with which a fresh JVM makes all four renditions once; peak RSS is that JVM's whole footprint"
                + " (heap, native libjpeg buffers, code), from `/proc/self/status` VmHWM.\n\n");
        report.append("| JDK | peak heap in use | smallest -Xmx | peak RSS at that -Xmx |\n|---|---|---|---|\n");
        heap.forEach(row -> report.append(row).append('\n'));
        report.append("\n### w1080: size and PSNR against libvips's\n\n").append(w1080Table(originals, outputs, options.javas()));

        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report.toString());
        System.err.println("wrote " + options.out());
    }

    private static String ours(String java) {
        return "ours, " + jdkName(java);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The generated photo-like JPEG, made once and kept: a quality-90 baseline JPEG from the JDK's writer. */
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
                .append(" CPUs visible, a shared cloud VM; ").append(options.realtime()
                        ? "our JVMs and the libvips program ran under `chrt -f 10` (real-time priority), so other work on the machine waits.\n"
                        : "normal scheduling (timings wander by 20-30% between runs; medians are shown).\n");
        for (String java : options.javas()) {
            setup.append("- JDK: ").append(jdkLabel(java)).append(" (").append(String.join(" ", run(List.of(java, "-version"))).trim())
                    .append(").\n");
        }
        setup.append("- libvips: ").append(String.join(" ", run(List.of("vips", "--version"))))
                .append(", used as a library by `imaging/scripts/vips-thumbnails.c` (gcc -O2): `vips_thumbnail_buffer` at w1080"
                        + " (shrink-on-load, never upscaling), then w640, w320 and square150 (`crop` centre) by"
                        + " `vips_thumbnail_image` from that decoded image, each saved by `vips_jpegsave_buffer` (Q 82, interlace,"
                        + " strip, 4:2:0 forced); `VIPS_CONCURRENCY=1`, operation cache off so each run decodes; 2 untimed runs,"
                        + " then ").append(options.runs()).append(" timed per round, the file already in memory.\n");
        if (options.cliTools()) {
            setup.append("- ImageMagick: ").append(run(List.of(CONVERT, "-version")).get(0).replace("Version: ", "")).append(".\n");
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        RealPhotos.ALL.forEach(photo -> descriptions.put(photo.label(), "from Debian's mate-backgrounds 1.26 (GPL-2+) "
                + photo.description() + ", enlarged (Lanczos) with light grain by imaging/scripts/real-photos.sh"));
        for (Map.Entry<String, Path> original : originals.entrySet()) {
            setup.append("- ").append(original.getKey()).append(": `").append(original.getValue().getFileName()).append("`, ")
                    .append(Files.size(original.getValue()) / 1024).append(" KB, ")
                    .append(descriptions.getOrDefault(original.getKey(),
                            "synthetic photo (PhotoLikeImage), baseline, quality 90, 4:2:0")).append(".\n");
        }
        setup.append("- ").append(options.rounds()).append(" rounds, each timing every pipeline in turn, so a busy"
                + " neighbour slows them alike. Ours: `ThumbnailMaker.make(byte[])` with the default spec, in a fresh JVM"
                + " (`-Xmx448m -XX:+UseSerialGC`) per round: ").append(WARMUP_RUNS).append(" warm-up runs, then ")
                .append(options.runs()).append(" timed; the file is already in memory, as the function will have it.\n");
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

    /** Per original: our median per JDK, libvips's, and ours divided by libvips's per JDK (below 1: we are faster). */
    private static String timeTable(Map<String, Map<String, List<Double>>> samples, List<String> javas) {
        StringBuilder table = new StringBuilder("| original |");
        javas.forEach(java -> table.append(" ").append(ours(java)).append(" |"));
        table.append(" ").append(LIBVIPS).append(" |");
        javas.forEach(java -> table.append(" ours / libvips, ").append(jdkName(java)).append(" |"));
        table.append("\n|---|").append("---|".repeat(2 * javas.size() + 1)).append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> original : samples.entrySet()) {
            Map<String, List<Double>> rows = original.getValue();
            double libvips = median(rows.get(LIBVIPS));
            table.append("| ").append(original.getKey()).append(" |");
            javas.forEach(java -> table.append(String.format(Locale.ROOT, " %.0f |", median(rows.get(ours(java))))));
            table.append(String.format(Locale.ROOT, " %.0f |", libvips));
            javas.forEach(java -> table.append(String.format(Locale.ROOT, " %.2f |", median(rows.get(ours(java))) / libvips)));
            table.append('\n');
        }
        table.append("\nSamples per cell: ").append(samples.values().iterator().next().get(LIBVIPS).size()).append(".\n");
        return table.toString();
    }

    private static String toolTable(Map<String, Map<String, List<Double>>> samples) {
        StringBuilder table = new StringBuilder("| original | tool | runs | median | min |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, List<Double>>> original : samples.entrySet()) {
            for (Map.Entry<String, List<Double>> row : original.getValue().entrySet()) {
                if (row.getKey().startsWith("vipsthumbnail") || row.getKey().startsWith("convert")) {
                    Stats stats = Stats.of(row.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                    table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f |%n", original.getKey(), row.getKey(),
                            row.getValue().size(), stats.median(), stats.min()));
                }
            }
        }
        return table.toString();
    }

    private static double median(List<Double> millis) {
        return Stats.of(millis.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }

    /** Sizes of the w1080s and the PSNR of ours against libvips's: how alike the two pipelines' pictures are. */
    private static String w1080Table(Map<String, Path> originals, Path outputs, List<String> javas) throws IOException {
        StringBuilder table = new StringBuilder("| original |");
        javas.forEach(java -> table.append(" bytes, ").append(ours(java)).append(" |"));
        table.append(" bytes, libvips |");
        javas.forEach(java -> table.append(" PSNR vs libvips, ").append(ours(java)).append(" |"));
        table.append("\n|---|").append("---|".repeat(2 * javas.size() + 1)).append('\n');
        for (Map.Entry<String, Path> original : originals.entrySet()) {
            String stem = stem(original.getValue());
            Path libvips = outputs.resolve("libvips").resolve(stem).resolve("vipslib-w1080.jpg");
            table.append("| ").append(original.getKey()).append(" |");
            for (String java : javas) {
                table.append(" ").append(Files.size(oursW1080(outputs, java, stem))).append(" |");
            }
            table.append(" ").append(Files.size(libvips)).append(" |");
            for (String java : javas) {
                OptionalDouble psnr = Psnr.rgb(oursW1080(outputs, java, stem), libvips);
                table.append(psnr.isPresent() ? String.format(Locale.ROOT, " %.1f dB |", psnr.getAsDouble()) : " sizes differ |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static Path oursW1080(Path outputs, String java, String stem) {
        return outputs.resolve(jdkName(java)).resolve(stem + "-w1080.jpg");
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
    private static void convert(Path in, Path outputs) {
        List<String> command = new ArrayList<>(List.of(CONVERT));
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

    /**
     * Warm, in-process timing of each file; prints "RESULT file peakHeapMb millis,millis,..." and leaves each file's
     * w1080 in OUTDIR as {@code <file's stem>-w1080.jpg}.
     */
    private static void measure(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path outputs = Files.createDirectories(Path.of(args[1]));
        ThumbnailMaker maker = new ThumbnailMaker();
        AtomicLong peak = watchHeap();
        for (int f = 2; f < args.length; f++) {
            byte[] original = Files.readAllBytes(Path.of(args[f]));
            for (int i = 0; i < WARMUP_RUNS; i++) {
                maker.make(original);
            }
            System.gc();
            peak.set(usedHeap());
            double[] millis = new double[runs];
            Thumbnails thumbnails = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                thumbnails = maker.make(original);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (thumbnails.renditions().size() != 4) {
                    throw new IllegalStateException("expected four renditions");
                }
            }
            Files.write(outputs.resolve(stem(Path.of(args[f])) + "-w1080.jpg"),
                    thumbnails.rendition("w1080").map(Rendition::bytes).orElseThrow());
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
