package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cdsbot.config.ConfigException;

class UnitsCsvTest {

    @Test
    void readsTheDemoFileOfBinhPhuoc() throws Exception {
        List<UnitsCsv.Row> rows = UnitsCsv.parse(Files.readString(Path.of("data/units-binh-phuoc.csv")), "demo");
        assertThat(rows.stream().filter(r -> r.kind().equals("province"))).hasSize(1);
        assertThat(rows.stream().filter(r -> r.kind().equals("group"))).hasSize(11);
        assertThat(rows.stream().filter(r -> r.kind().equals("commune"))).hasSize(111);
        assertThat(rows).allMatch(r -> r.kind().equals("province") || r.parentCode() != null);
        // Demo hamlet teams under two communes, named so nobody takes them for real ones.
        List<UnitsCsv.Row> hamlets = rows.stream().filter(r -> r.kind().equals("hamlet")).toList();
        assertThat(hamlets).hasSize(5).allMatch(r -> r.name().endsWith("(minh họa)"));
        assertThat(hamlets.stream().map(UnitsCsv.Row::parentCode).distinct()).containsExactly("BP-DXO-01", "BP-DXO-07");
    }

    @Test
    void acceptsQuotesBomAnyColumnOrderAndChildrenBeforeParents() {
        String csv = "\uFEFFkind,code,parent_code,name\r\n"
                + "commune,X-01,G1,\"Xã A, B\"\r\n"
                + "\r\n"
                + "group,G1,P,\"Cụm \"\"Một\"\"\"\r\n"
                + "province,P,,Tỉnh P\r\n";
        List<UnitsCsv.Row> rows = UnitsCsv.parse(csv, "t.csv");
        assertThat(rows).extracting(UnitsCsv.Row::code).containsExactly("X-01", "G1", "P");
        assertThat(rows.get(0).name()).isEqualTo("Xã A, B");
        assertThat(rows.get(1).name()).isEqualTo("Cụm \"Một\"");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(2).parentCode()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing column   | code,name,parent\\nP,Tỉnh,                                        | line 1: missing column 'parent_code'
            duplicate code   | code,name,parent_code,kind\\nP,Tỉnh,,province\\np,Lại,,province     | line 3: duplicate code 'p' (already on line 2)
            unknown parent   | code,name,parent_code,kind\\nP,Tỉnh,,province\\nA,Xã,Q,commune      | line 3: parent_code 'Q' of A is not a code in this file
            cycle            | code,name,parent_code,kind\\nA,Xã A,B,commune\\nB,Xã B,A,commune   | line 2: unit A is inside a cycle of parent_code: A → B → A
            self parent      | code,name,parent_code,kind\\nA,Xã A,A,commune                      | line 2: unit A is inside a cycle
            too few fields   | code,name,parent_code,kind\\nP,Tỉnh,province                       | line 2: 3 fields, expected 4
            space in code    | code,name,parent_code,kind\\nB P,Tỉnh,,province                    | line 2: code 'B P' may only use
            empty name       | code,name,parent_code,kind\\nP,,,province                          | line 2: name is empty for P
            empty kind       | code,name,parent_code,kind\\nP,Tỉnh,,                              | line 2: kind is empty for P
            open quote       | code,name,parent_code,kind\\nP,"Tỉnh,,province                     | line 2: a quoted field is never closed
            header only      | code,name,parent_code,kind                                        | no units listed
            """)
    void rejectsABadFileNamingTheLine(String why, String csv, String message) {
        assertThatThrownBy(() -> UnitsCsv.parse(csv.replace("\\n", "\n"), "units.csv"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("units.csv")
                .hasMessageContaining(message);
    }

    @Test
    void theOptionalPopulationColumnIsAWholeNumberOrEmpty() {
        List<UnitsCsv.Row> rows = UnitsCsv.parse("code,name,parent_code,kind,population,ghi_chu\n"
                + "P,Tỉnh,,province,,x\nA,Xã A,P,commune,\"12.500\",y\n", "u.csv");
        assertThat(rows.get(0).population()).isNull();
        assertThat(rows.get(1).population()).isEqualTo(12500);
        assertThat(UnitsCsv.parse("code,name,parent_code,kind\nP,Tỉnh,,province\n", "u.csv").get(0).population()).isNull();
        assertThatThrownBy(() -> UnitsCsv.parse("code,name,parent_code,kind,population\nP,Tỉnh,,province,nhiều\n", "u.csv"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("u.csv line 2: population of P must be a whole number of people or empty, got 'nhiều'");
        assertThatThrownBy(() -> UnitsCsv.parse("code,name,parent_code,kind,population\nP,Tỉnh,,province,-5\n", "u.csv"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("population of P");
    }
}
