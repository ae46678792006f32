package vn.cdsbot.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.regex.Pattern;

/**
 * {@code %safeex} in logback.xml: the stack trace as usual, but an exception message that carries a line break (it
 * may quote user input) stays on its own line, escaped. A line of the trace is either its first line or one of the
 * shapes logback writes; anything else is the rest of a message and is joined back.
 */
public final class SafeThrowableConverter extends ThrowableProxyConverter {
    private static final Pattern TRACE_LINE = Pattern.compile(
            "^\\t+(at |\\.\\.\\. \\d+ |Suppressed: |\\[CIRCULAR REFERENCE)|^(\\t*)Caused by: |^Wrapped by: ");

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        String trace = super.throwableProxyToString(tp);
        boolean crlf = System.lineSeparator().equals("\r\n");
        String[] lines = trace.split("\n", -1);
        StringBuilder out = new StringBuilder(trace.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            String line = crlf && lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i == lines.length - 1 && line.isEmpty()) break;          // the trace's own final line break
            if (i == 0 || TRACE_LINE.matcher(line).find()) {
                if (i > 0) out.append(System.lineSeparator());
                out.append(escapeKeepingIndent(line));
            } else {
                out.append("\\n").append(SafeMessageConverter.escape(line));
            }
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static String escapeKeepingIndent(String line) {
        int tabs = 0;
        while (tabs < line.length() && line.charAt(tabs) == '\t') tabs++;
        return line.substring(0, tabs) + SafeMessageConverter.escape(line.substring(tabs));
    }
}
