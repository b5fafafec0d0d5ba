package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '=', value = {
        "4096 = 4096",
        "0 = 0",
        "0x1000 = 4096",
        "0X1000 = 4096",
        "0xFFff = 65535",
        "0x7fff_ffff_d000 = 140737488343040",
        "16K = 16384",
        "16k = 16384",
        "16KiB = 16384",
        "1M = 1048576",
        "64G = 68719476736",
        "2T = 2199023255552",
        "' 8K ' = 8192",
        "1_000 = 1000",
        "0x7fffffffffffffff = 9223372036854775807",
    })
    void acceptsNumbersInTheDocumentedForms(String text, long expected) {
        assertEquals(expected, Quantities.parseText(text));
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @CsvSource(delimiter = '|', value = {"12Q", "''", "0x", "-5", "1.5K", "0x10K", "K", "16 KB", "1e3", "0xg"})
    void refusesOtherText(String text) {
        assertEquals(Quantities.NOT_A_NUMBER, Quantities.parseText(text));
    }

    @ParameterizedTest(name = "\"{0}\" is too large")
    @CsvSource({"0x8000000000000000", "9223372036854775808", "8388608T", "99999999999999999999"})
    void refusesValuesBeyond63Bits(String text) {
        assertEquals(Quantities.TOO_LARGE, Quantities.parseText(text));
    }
}
