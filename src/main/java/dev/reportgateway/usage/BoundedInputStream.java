package dev.reportgateway.usage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and fails with {@link UsageLimits#tooLarge()} past the decompressed bound. */
final class BoundedInputStream extends FilterInputStream {

    private final UsageLimits limits;
    private long read;

    BoundedInputStream(InputStream in, UsageLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        read += n;
        if (read > limits.maxDecompressedBytes()) {
            throw limits.tooLarge();
        }
    }
}
