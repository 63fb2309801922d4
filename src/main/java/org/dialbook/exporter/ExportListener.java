package org.dialbook.exporter;

/** Hears how far an export has got. Called on the exporting thread. */
@FunctionalInterface
public interface ExportListener {

    ExportListener NONE = (done, total) -> { };

    /**
     * @param done contacts read so far
     * @param total contacts expected, as the API counted them when the export started; -1 before
     *     the first page has arrived
     */
    void progress(long done, long total);
}
