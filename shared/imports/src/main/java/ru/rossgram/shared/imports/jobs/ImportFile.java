package ru.rossgram.shared.imports.jobs;

import java.util.Objects;

/**
 * One ZIP file of an export (Instagram splits large exports into several), uploaded by the app straight to object
 * storage as a multipart upload.
 *
 * @param index             the file's place in the export, from 0
 * @param objectKey         where it is stored
 * @param size              its length in bytes, as the app declared and the completed object must have
 * @param partSize          the length of every part but the last
 * @param multipartUploadId the storage's multipart upload id, while the upload is open; {@code null} once completed
 */
public record ImportFile(int index, String objectKey, long size, long partSize, String multipartUploadId) {

    public ImportFile {
        Objects.requireNonNull(objectKey, "objectKey");
    }

    /** How many parts the file is uploaded in. */
    public int parts() {
        return (int) Math.max(1, (size + partSize - 1) / partSize);
    }

    public ImportFile completed() {
        return new ImportFile(index, objectKey, size, partSize, null);
    }
}
