package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc|3", "日本語|6", "ü|1", "é|1", "한국|4", "🙂|2", "''|0"})
    void columnsCountWhatATerminalShows(String text, int columns) {
        assertEquals(columns, DisplayWidth.of(text));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2"})
    void combiningMarksAndControlsTakeNoColumn(int extra) {
        assertEquals(1, DisplayWidth.of("e" + "\u0301".repeat(extra)));
        assertEquals(2, DisplayWidth.of("a\u0007b"));
    }
}
