package vn.cdsbot.campaign;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one province-wide target over units by a weight (population, say) so the parts add up exactly: each unit
 * gets the whole part of its share, and the units with the largest remainders get one more (largest remainder
 * method; ties go to the larger weight, then the unit code, so the result is the same on every run).
 */
public final class TargetSplit {
    private TargetSplit() {}

    /** unit → part; every unit with a positive weight appears. Throws if no weight is positive. */
    public static Map<String, Long> split(long total, Map<String, Long> weights) {
        if (total < 0) throw new IllegalArgumentException("total < 0");
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights.values()) {
            if (w < 0) throw new IllegalArgumentException("negative weight");
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) throw new IllegalArgumentException("no positive weight");
        record Share(String unit, long weight, long whole, BigInteger remainder) {}
        List<Share> shares = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Long> e : weights.entrySet()) {
            if (e.getValue() == 0) continue;
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(sum);
            shares.add(new Share(e.getKey(), e.getValue(), qr[0].longValueExact(), qr[1]));
            given += qr[0].longValueExact();
        }
        List<Share> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.comparing(Share::remainder).reversed()
                .thenComparing(Comparator.comparingLong(Share::weight).reversed()).thenComparing(Share::unit));
        Map<String, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < total - given; i++) extra.put(byRemainder.get(i).unit(), 1L);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Share s : shares) out.put(s.unit(), s.whole() + extra.getOrDefault(s.unit(), 0L));
        return out;
    }
}
