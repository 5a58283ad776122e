package ru.rossgram.shared.imports.uploads;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of an export's upload ({@code ROSSGRAM_IMPORTS_*}). Instagram splits a large export into several ZIPs of a
 * few gigabytes each; a blogger's ten years of photos come to tens of gigabytes at most, so the defaults leave room
 * for that and refuse only what cannot be an export.
 *
 * @param maxFiles      the most ZIP files one import may have (default 10)
 * @param maxFileBytes  the largest one file may be (default 16 GiB)
 * @param maxTotalBytes the most all files together may be (default 64 GiB)
 * @param partSize      the length of each uploaded part but a file's last (default 16 MiB; at least 5 MiB, S3's
 *                      minimum; raised for a file that would need more than 10,000 parts, S3's maximum)
 * @param urlTtl        how long a part's upload URL works; the parts listing hands out fresh ones
 * @param urlsPerAnswer the most part URLs one answer carries per file: the rest come with the parts listing, so an
 *                      answer stays far below the gateway's 6 MB whatever the export's size
 * @param abandonedAfter how long an upload may stay unfinished: the bucket's lifecycle rule aborts multipart uploads
 *                      under {@code imports/} after 3 days, so an import still uploading after that can never complete,
 *                      and a new import of its owner's cancels it instead of being refused
 */
@ConfigurationProperties("rossgram.imports")
public record ImportUploadConfig(
        @Bindable(defaultValue = "10") int maxFiles,
        @Bindable(defaultValue = "17179869184") long maxFileBytes,
        @Bindable(defaultValue = "68719476736") long maxTotalBytes,
        @Bindable(defaultValue = "16777216") long partSize,
        @Bindable(defaultValue = "1h") Duration urlTtl,
        @Bindable(defaultValue = "100") int urlsPerAnswer,
        @Bindable(defaultValue = "3d") Duration abandonedAfter) {
}
