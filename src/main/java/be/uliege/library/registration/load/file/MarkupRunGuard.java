package be.uliege.library.registration.load.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a stream that carries more than {@link ReadLimits#maxRunBytes()} bytes without a
 * {@code <} or a {@code >}: the XML parser buffers a whole value or attribute before handing it
 * on, so a 100 MB value must be stopped before the parser sees it. Real rows never come near.
 */
final class MarkupRunGuard extends FilterInputStream {

    /** Thrown from the stream, turned into a refusal of the file by the reader. */
    static final class RunTooLongException extends IOException {
        RunTooLongException() {
            super("run without markup over the limit");
        }
    }

    private final long maxRun;
    private long run;

    MarkupRunGuard(InputStream in, long maxRun) {
        super(in);
        this.maxRun = maxRun;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(byte b) throws RunTooLongException {
        if (b == '<' || b == '>') {
            run = 0;
        } else if (++run > maxRun) {
            throw new RunTooLongException();
        }
    }
}
