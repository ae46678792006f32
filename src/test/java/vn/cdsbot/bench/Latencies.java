package vn.cdsbot.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by nearest rank. */
final class Latencies {
    private long[] values = new long[1 << 14];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        long[] copy;
        int n;
        synchronized (other) {
            copy = Arrays.copyOf(other.values, other.size);
            n = other.size;
        }
        for (int i = 0; i < n; i++) add(copy[i]);
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds, or NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < size; i++) max = Math.max(max, values[i]);
        return max / 1e6;
    }
}
