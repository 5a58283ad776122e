package ru.rossgram.benchmarks.feeds;

import java.nio.file.Path;

/**
 * What {@link FeedBenchmark} builds and measures; every option has a default that matches docs/performance.md.
 *
 * @param threshold the fan-out threshold (followers) the run uses; with 10,000 accounts the production default
 *                  (10,000) cannot be crossed, so the run lowers it to keep "a few accounts over it"
 */
record FeedBenchmarkOptions(SocialGraph.Shape shape, long threshold, int readers, int warmUpPasses, int passes,
                            int searches, int repetitions, int threads, Path out) {
    static final String USAGE = "usage: FeedBenchmark [--users N (10000)] [--top-followers N (3000)] [--exponent X (1.0)]"
            + " [--posts-per-author N (4)] [--threshold N (500)] [--readers N (300 per class)] [--passes N (3)]"
            + " [--cyrillic-share X (0.4)] [--like-share X (0.1)] [--comment-share X (0.02)]"
            + " [--searches N (800)] [--repetitions N (50 of each action)] [--threads N (4)] [--seed N (42)] [--out DIR (benchmarks/target/feeds)]";

    static FeedBenchmarkOptions parse(String[] args) {
        int users = 10_000;
        int topFollowers = 3_000;
        double exponent = 1.0;
        int postsPerAuthor = 4;
        double cyrillicShare = 0.4;
        double likeShare = 0.1;
        double commentShare = 0.02;
        long threshold = 500;
        int readers = 300;
        int passes = 3;
        int searches = 800;
        int repetitions = 50;
        int threads = 4;
        long seed = 42;
        Path out = Path.of("benchmarks/target/feeds");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--users" -> users = Integer.parseInt(value);
                case "--top-followers" -> topFollowers = Integer.parseInt(value);
                case "--exponent" -> exponent = Double.parseDouble(value);
                case "--posts-per-author" -> postsPerAuthor = Integer.parseInt(value);
                case "--cyrillic-share" -> cyrillicShare = Double.parseDouble(value);
                case "--like-share" -> likeShare = Double.parseDouble(value);
                case "--comment-share" -> commentShare = Double.parseDouble(value);
                case "--threshold" -> threshold = Long.parseLong(value);
                case "--readers" -> readers = Integer.parseInt(value);
                case "--passes" -> passes = Integer.parseInt(value);
                case "--searches" -> searches = Integer.parseInt(value);
                case "--repetitions" -> repetitions = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        return new FeedBenchmarkOptions(new SocialGraph.Shape(users, topFollowers, exponent, postsPerAuthor,
                cyrillicShare, likeShare, commentShare, seed),
                threshold, readers, 3, passes, searches, repetitions, threads, out);
    }
}
