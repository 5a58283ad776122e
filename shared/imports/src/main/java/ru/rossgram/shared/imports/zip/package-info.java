/**
 * A ZIP archive read where it lies, through ranged reads, never downloaded whole nor held in memory.
 *
 * <p>{@link ru.rossgram.shared.imports.zip.RangedZip#open} reads the archive's tail once (the end of central
 * directory record, its comment and the ZIP64 end records: 64 KiB + 98 bytes at most) and, when the central
 * directory does not fit in that tail, the directory in one more ranged read. Each entry is then one ranged read
 * of its local header, compressed bytes and data descriptor. Against S3 ({@link
 * ru.rossgram.shared.imports.zip.S3RangeSource}): one {@code HeadObject}, one or two {@code GetObject} for the
 * directory, one {@code GetObject} per entry read, each pinned to the ETag first seen.
 *
 * <h2>What is refused</h2>
 * {@link ru.rossgram.shared.imports.zip.UnsafeArchiveException} with a reason: when the archive is opened, what
 * makes the whole archive hostile or unreadable (not a ZIP, truncated, spanned, too many entries, a directory
 * past its bound, {@code ..}/absolute/backslash/drive-letter names, duplicate names, overlapping entries: the
 * non-recursive bomb); when an entry is opened, what concerns that entry (encrypted, a method other than STORED
 * or DEFLATE, a declared size past {@link ru.rossgram.shared.imports.zip.ZipLimits#maxEntryBytes()} or past
 * {@link ru.rossgram.shared.imports.zip.ZipLimits#maxCompressionRatio()} times its compressed size); while it is
 * read, what only the bytes reveal (inflating past the declared size: refused at the first byte beyond it, none
 * of which reaches the reader; ending short; a CRC-32 or size mismatch, checked before {@code -1} is returned).
 * Names are UTF-8 when flagged, when an Info-ZIP Unicode Path field vouches for them, or when the bytes are valid
 * UTF-8; otherwise IBM437 as the specification says.
 *
 * <h2>Memory bound</h2>
 * Independent of the archive's size: the tail (at most 64 KiB + 98 bytes, dropped once parsed), the central
 * directory's bytes while it is parsed (at most {@code maxCentralDirectoryBytes}, default 32 MiB; the benchmark's
 * 2,576 entries take 230 KB) and the entries it lists (about 150 bytes each plus the name), then per open
 * entry one input buffer of {@code bufferBytes} (default 64 KiB) and the Inflater's native 32 KiB window.
 *
 * <p>Measured by {@code ZipMemoryBenchmark} (test sources) on 2026-12-07, on this 2-core machine: a ZIP64 archive
 * of 4,832,720,666 bytes (2,000 JSON files and 576 incompressible 8 MiB photos, one in eight DEFLATED), every
 * entry listed, read and verified (CRC-32 and size) through a file range source, in a JVM of its own:
 * with {@code -Xmx64m} the heap's peak (garbage included) was 26.3 MB; with {@code -Xmx16m}, 10.6 MB; with
 * {@code -Xmx8m}, 4.8 MB, the whole archive still read. Throughput from a warm page cache: 4.9 to 6.3 GB/s
 * (CRC-32 and inflation being the work; over the network the store's bandwidth is the bound).
 * {@code S3ZipBenchmark} read the same archive from the local S3 (S3Proxy on its file-system store, in the same
 * JVM, over HTTP with SigV4) through {@link ru.rossgram.shared.imports.zip.S3RangeSource}: 2,576 entries,
 * 4,836,456,008 bytes verified in 29.5 s (164 MB/s), with 1 {@code HeadObject} and 2,578 {@code GetObject}:
 * 2 for the directory (its 230 KB do not fit in the tail) and 1 per entry.
 */
package ru.rossgram.shared.imports.zip;
