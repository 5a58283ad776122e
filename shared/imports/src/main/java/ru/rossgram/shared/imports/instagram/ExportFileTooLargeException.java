package ru.rossgram.shared.imports.instagram;

/** A JSON file of the export is larger than {@link ExportLimits#maxJsonBytes()}: refused, not read further. */
public class ExportFileTooLargeException extends InstagramExportException {

    private final long limitBytes;

    public ExportFileTooLargeException(String entryName, long limitBytes) {
        super(entryName, entryName + " is larger than the " + limitBytes + " bytes an export's JSON file may have", null);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
