package io.tandem.export;

/** An export that could not be written; the message says why and what to do. Nothing was left behind. */
public final class ExportException extends Exception {

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExportException(String message) {
        super(message);
    }
}
