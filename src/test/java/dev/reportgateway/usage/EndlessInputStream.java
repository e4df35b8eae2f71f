package dev.reportgateway.usage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A hostile report made lazily: {@code prefix}, then {@code unit} over and over, without end; nothing is held. */
final class EndlessInputStream extends InputStream {

    private final byte[] prefix;
    private final byte[] unit;
    private long position;

    EndlessInputStream(String prefix, String unit) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.unit = unit.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes handed out so far. */
    long position() {
        return position;
    }

    @Override
    public int read() {
        int b = position < prefix.length ? prefix[(int) position] : unit[(int) ((position - prefix.length) % unit.length)];
        position++;
        return b & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) read();
        }
        return length;
    }
}
