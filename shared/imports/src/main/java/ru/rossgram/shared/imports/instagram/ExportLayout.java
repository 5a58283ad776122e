package ru.rossgram.shared.imports.instagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an export's files sit, found by their names wherever they are: under any prefix folder (each ZIP of a split
 * export has its own), in whichever folder the era used. Pure: looks at names only.
 */
final class ExportLayout {

    private static final Pattern NUMBERED_POSTS = Pattern.compile("posts_(\\d+)\\.json");
    private static final Pattern NUMBERED_FOLLOWERS = Pattern.compile("followers(?:_(\\d+))?\\.json");
    private static final Comparator<String> BY_NUMBER_THEN_PATH =
            Comparator.comparingLong(ExportLayout::fileNumber).thenComparing(Comparator.naturalOrder());

    final List<String> postsFiles = new ArrayList<>();
    final List<String> archivedPostsFiles = new ArrayList<>();
    final List<String> videoFiles = new ArrayList<>();
    final List<String> mediaJson2018 = new ArrayList<>();
    final List<String> followersFiles = new ArrayList<>();
    final List<String> followingFiles = new ArrayList<>();
    final List<String> connections2018 = new ArrayList<>();
    final List<String> ownerFiles = new ArrayList<>();
    private final Map<String, List<String>> entriesByFileName = new HashMap<>();
    private boolean htmlPages;

    ExportLayout(Collection<String> entryNames) {
        for (String name : entryNames) {
            if (name.endsWith("/")) {
                continue;
            }
            String fileName = fileName(name);
            entriesByFileName.computeIfAbsent(fileName, k -> new ArrayList<>(1)).add(name);
            classify(name, fileName.toLowerCase(Locale.ROOT));
        }
        postsFiles.sort(BY_NUMBER_THEN_PATH);
        followersFiles.sort(BY_NUMBER_THEN_PATH);
        archivedPostsFiles.sort(Comparator.naturalOrder());
        videoFiles.sort(Comparator.naturalOrder());
        followingFiles.sort(Comparator.naturalOrder());
        // personal_information.json (2021 on) names the owner more reliably than 2018's profile.json
        ownerFiles.sort(Comparator.comparing((String n) -> !fileName(n).equals("personal_information.json")));
    }

    private void classify(String name, String fileName) {
        if (NUMBERED_POSTS.matcher(fileName).matches()) {
            postsFiles.add(name);
        } else if (NUMBERED_FOLLOWERS.matcher(fileName).matches() && inConnectionsFolder(name)) {
            followersFiles.add(name);
        } else if (fileName.equals("following.json") && inConnectionsFolder(name)) {
            followingFiles.add(name);
        } else {
            switch (fileName) {
                case "archived_posts.json" -> archivedPostsFiles.add(name);
                case "reels.json", "igtv_videos.json" -> videoFiles.add(name);
                case "media.json" -> mediaJson2018.add(name);
                case "connections.json" -> connections2018.add(name);
                case "personal_information.json", "profile.json" -> ownerFiles.add(name);
                default -> htmlPages |= fileName.endsWith(".html");
            }
        }
    }

    /** Followers lists sit in {@code followers_and_following/}, so another product's {@code followers.json} is not one. */
    private static boolean inConnectionsFolder(String name) {
        return name.startsWith("followers_and_following/") || name.contains("/followers_and_following/");
    }

    /** The era the files' names and folders point to. */
    ExportEra era() {
        List<String> postFiles = new ArrayList<>(postsFiles);
        postFiles.addAll(archivedPostsFiles);
        postFiles.addAll(videoFiles);
        if (!mediaJson2018.isEmpty()) {
            return ExportEra.MEDIA_JSON_2018;
        }
        if (postFiles.stream().anyMatch(n -> n.contains("your_instagram_activity/"))) {
            return ExportEra.ACTIVITY_2024_2025;
        }
        if (postFiles.stream().anyMatch(n -> n.startsWith("content/") || n.contains("/content/"))) {
            return ExportEra.CONTENT_2021_2023;
        }
        if (!postFiles.isEmpty()) {
            return ExportEra.UNRECOGNISED_JSON;
        }
        return htmlPages ? ExportEra.HTML : ExportEra.NO_POSTS;
    }

    /**
     * The entry holding the file an export's JSON names by a path relative to the export's root, under whatever
     * prefix folder it sits.
     */
    Optional<String> entryFor(String uri) {
        String relative = uri.startsWith("/") ? uri.substring(1) : uri;
        List<String> candidates = entriesByFileName.getOrDefault(fileName(relative), List.of());
        for (String candidate : candidates) {
            if (candidate.equals(relative) || candidate.endsWith("/" + relative)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static long fileNumber(String path) {
        String fileName = fileName(path).toLowerCase(Locale.ROOT);
        Matcher numbered = fileName.startsWith("posts_") ? NUMBERED_POSTS.matcher(fileName)
                : NUMBERED_FOLLOWERS.matcher(fileName);
        if (!numbered.matches() || numbered.group(1) == null) {
            return 0;
        }
        String digits = numbered.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
