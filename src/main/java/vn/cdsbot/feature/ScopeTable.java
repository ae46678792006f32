package vn.cdsbot.feature;

import java.util.List;

/**
 * A sheet one feature adds to another's spreadsheet of a unit's subtree for a period (#xuat), given by a
 * {@link ScopeNote}: plain values, the spreadsheet decides how they look.
 *
 * @param sheetName the tab's name (at most 31 characters, as Excel allows)
 * @param title the line above the table
 * @param rows each as long as {@code headers}; a cell is a String or a Number (null: empty)
 */
public record ScopeTable(String sheetName, String title, List<String> headers, List<List<Object>> rows) {
    public ScopeTable {
        if (sheetName.length() > 31) throw new IllegalArgumentException("sheet name longer than 31: " + sheetName);
        headers = List.copyOf(headers);
        List<List<Object>> copied = new java.util.ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != headers.size()) throw new IllegalArgumentException("row of " + r.size() + " cells, headers " + headers.size());
            copied.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)));   // cells may be null
        }
        rows = List.copyOf(copied);
    }
}
