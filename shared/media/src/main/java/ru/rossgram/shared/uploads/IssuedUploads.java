package ru.rossgram.shared.uploads;

import java.util.List;

/** Response of {@code POST /v1/uploads}. */
public record IssuedUploads(List<UploadTicket> uploads) {
}
