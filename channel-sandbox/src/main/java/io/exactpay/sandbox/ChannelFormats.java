package io.exactpay.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and amounts as the channels write them: both channels keep Beijing time. */
final class ChannelFormats {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ChannelFormats() {
    }

    static String time(Instant instant) {
        return RFC3339.format(instant.atZone(BEIJING));
    }

    static String alipayTime(Instant instant) {
        return ALIPAY_TIME.format(instant.atZone(BEIJING));
    }

    /** Fen to the yuan text both channels use in bills and Alipay uses everywhere, e.g. 1 -> "0.01". */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** "0.01" -> 1; rejects fractions of a fen. */
    static long fen(String yuan) {
        return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
    }
}
