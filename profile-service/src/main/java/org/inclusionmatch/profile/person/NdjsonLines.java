package org.inclusionmatch.profile.person;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a streamed body, one at a time, in a buffer that is reused: memory stays at one line and one read
 * buffer, whatever the body's size. A line longer than its limit is read to its end and reported as too long,
 * never held. Lines end at LF; a CR before it is dropped.
 */
final class NdjsonLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private boolean ended;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;
    private long number;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line; false at the end of the body. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                break;
            }
            any = true;
            int start = chunkPos;
            int newline = -1;
            for (int i = chunkPos; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkEnd : newline;
            append(start, end - start);
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = in.read(chunk, 0, chunk.length);
        if (read < 0) {
            ended = true;
            return false;
        }
        chunkPos = 0;
        chunkEnd = read;
        return true;
    }

    private void append(int from, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > maxLineBytes) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    boolean tooLong() {
        return tooLong;
    }

    /** The current line's bytes, valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the current line holds nothing but spaces and tabs. */
    boolean blank() {
        if (tooLong) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
