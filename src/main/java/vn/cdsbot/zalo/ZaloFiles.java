package vn.cdsbot.zalo;

import java.util.Locale;
import java.util.Map;

/**
 * What Zalo's file upload (/v2.0/oa/upload/file) takes: PDF, DOC and DOCX up to 5 MB. Anything else (a spreadsheet,
 * a bigger document) is sent as its link instead. Limits from the fact sheet, section 4 (docs/ket-noi-zalo-oa.md).
 */
public final class ZaloFiles {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private ZaloFiles() {}

    /** Whether Zalo takes a file of this name and size. */
    public static boolean accepts(String fileName, long bytes) {
        return TYPES.containsKey(extension(fileName)) && bytes > 0 && bytes <= MAX_BYTES;
    }

    static String mediaType(String fileName) {
        return TYPES.getOrDefault(extension(fileName), "application/octet-stream");
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
