package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Understands an Instagram "Download your information" export in every era, from its entries' names and contents,
 * however they are stored ({@link ExportSource}). Build once and reuse: it holds no state per export.
 */
public final class InstagramExportReader {

    private final ExportLimits limits;
    private final ObjectMapper mapper;

    public InstagramExportReader(ExportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = ExportJson.mapperFor(limits);
    }

    /**
     * Finds the export's files by name and reads its owner's username. Posts and handles are read only when their
     * streams are opened.
     *
     * @return the export; for an HTML export, {@link ExportEra#HTML} with nothing to stream
     * @throws ExportFileTooLargeException when the file naming the owner is over the limit
     * @throws MalformedExportException    when that file is not readable JSON
     */
    public InstagramExport read(ExportSource source) {
        ExportLayout layout = new ExportLayout(source.entryNames());
        ExportEra era = layout.era();
        ExportJson json = new ExportJson(source, limits, mapper);
        if (era == ExportEra.HTML) {
            return new InstagramExport(Optional.empty(), era, ExportStream.empty(), ExportStream.empty(),
                    ExportStream.empty());
        }
        List<ExportJson.Section<ExportedPost>> posts = postSections(layout);
        List<ExportJson.Section<String>> followers = handleSections(layout.followersFiles, layout, "followers");
        List<ExportJson.Section<String>> following = handleSections(layout.followingFiles, layout, "following");
        return new InstagramExport(owner(layout, json), era,
                () -> json.stream(posts), () -> json.stream(followers), () -> json.stream(following),
                perFile(json, followers), perFile(json, following));
    }

    /** One stream per section (file) of a list, in the list's order. */
    private static List<ExportStream<String>> perFile(ExportJson json, List<ExportJson.Section<String>> sections) {
        List<ExportStream<String>> files = new ArrayList<>();
        for (ExportJson.Section<String> section : sections) {
            files.add(() -> json.stream(List.of(section)));
        }
        return files;
    }

    private static List<ExportJson.Section<ExportedPost>> postSections(ExportLayout layout) {
        PostMapper mapper = new PostMapper(layout);
        List<ExportJson.Section<ExportedPost>> sections = new ArrayList<>();
        for (String file : layout.postsFiles) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.FIRST_ARRAY, e -> mapper.post(e, false, false)));
        }
        for (String file : layout.archivedPostsFiles) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.FIRST_ARRAY, e -> mapper.post(e, true, false)));
        }
        for (String file : layout.videoFiles) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.FIRST_ARRAY, e -> mapper.post(e, false, true)));
        }
        for (String file : layout.mediaJson2018) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.arrayField("photos"), e -> mapper.media2018(e, false)));
            sections.add(new ExportJson.Section<>(file, JsonPlace.arrayField("videos"), e -> mapper.media2018(e, true)));
        }
        return List.copyOf(sections);
    }

    /** The newer files' entries, then 2018's {@code connections.json}, which keys each list by handle. */
    private static List<ExportJson.Section<String>> handleSections(List<String> files, ExportLayout layout,
                                                                  String connectionsField) {
        List<ExportJson.Section<String>> sections = new ArrayList<>();
        for (String file : files) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.FIRST_ARRAY, InstagramHandles::fromEntry));
        }
        for (String file : layout.connections2018) {
            sections.add(new ExportJson.Section<>(file, JsonPlace.objectKeys(connectionsField),
                    InstagramHandles::fromEntry));
        }
        return List.copyOf(sections);
    }

    /** {@code profile_user[0].string_map_data.Username.value} (2021 on) or {@code username} (2018's profile.json). */
    private static Optional<String> owner(ExportLayout layout, ExportJson json) {
        for (String file : layout.ownerFiles) {
            Optional<String> username = json.firstValueOf(file, "username").map(InstagramHandles::normalise);
            if (username.isPresent()) {
                return username;
            }
        }
        return Optional.empty();
    }
}
