package dev.vaylix.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteBatchCodecTest {

    private static final Key K = Key.of("k");

    @Test
    void a_plain_set_has_a_pinned_byte_layout() {
        Bytes payload = WriteBatchCodec.encode(WriteBatch.single(Command.Set.of(K, Bytes.utf8("v"))));
        // version 1, Single, SET opcode, key "k", value "v", condition none, flags 0, no expiration
        assertEquals("0101060" + "16b" + "0176" + "00" + "00" + "00", payload.toHex());
    }

    @Test
    void a_full_set_has_a_pinned_byte_layout() {
        Command.Set set = new Command.Set(K, Bytes.EMPTY, SetCondition.XX, OptionalLong.of(300),
                Expiration.millis(1), true, true);
        // ... condition 2, flags 0b111, if-version 300 = ac 02, expiration millis 1
        assertEquals("010106016b00" + "02" + "07" + "ac02" + "0201", WriteBatchCodec.encode(WriteBatch.single(set)).toHex());
    }

    @Test
    void marker_batches_are_two_bytes() {
        assertEquals("0103", WriteBatchCodec.encode(new WriteBatch.PurgeExpired()).toHex());
        assertEquals("0104", WriteBatchCodec.encode(new WriteBatch.Noop()).toHex());
        assertEquals(new WriteBatch.Noop(), WriteBatchCodec.decode(Bytes.fromHex("0104")));
    }

    @Test
    void binary_values_with_nul_and_invalid_utf8_round_trip() {
        Bytes binary = Bytes.fromHex("00ff00c0afeda080f8");
        WriteBatch batch = WriteBatch.transaction(
                Command.Set.of(K, binary),
                new Command.MSet(List.of(new KeyValue(Key.of("a\u0000b"), binary), new KeyValue(K, Bytes.fromHex("00")))),
                new Command.SetNx(Key.of("😀"), binary));
        WriteBatch decoded = WriteBatchCodec.decode(WriteBatchCodec.encode(batch));
        assertEquals(batch, decoded);
        assertEquals(binary, ((Command.Set) ((WriteBatch.Transaction) decoded).commands().get(0)).value());
    }

    @Test
    void unsigned_extremes_round_trip() {
        WriteBatch batch = WriteBatch.transaction(
                new Command.Expire(K, -1L),
                new Command.Scan(-1L, Optional.of("*"), OptionalInt.of(0xFFFF)),
                new Command.GetEx(K, Expiration.seconds(Long.MIN_VALUE), true),
                new Command.Set(K, Bytes.EMPTY, SetCondition.NX, OptionalLong.of(-1L), Expiration.NONE, false, false));
        assertEquals(batch, WriteBatchCodec.decode(WriteBatchCodec.encode(batch)));
    }

    @Test
    void reads_are_logged_only_inside_transactions() {
        VaylixException alone = assertThrows(VaylixException.class,
                () -> WriteBatchCodec.encode(WriteBatch.single(new Command.Get(K))));
        assertEquals(ErrorCode.ENG_013, alone.code());
        assertEquals(new WriteBatch.Transaction(List.of(new Command.Get(K))),
                WriteBatchCodec.decode(WriteBatchCodec.encode(WriteBatch.transaction(new Command.Get(K)))));
    }

    @Test
    void non_data_commands_are_refused_at_encode_time() {
        assertEquals(ErrorCode.ENG_013, assertThrows(VaylixException.class,
                () -> WriteBatchCodec.encode(WriteBatch.single(new Command.Auth("u", "p")))).code());
        assertEquals(ErrorCode.ENG_017, assertThrows(VaylixException.class,
                () -> WriteBatchCodec.encode(WriteBatch.transaction(new Command.ClusterJoin("n", "h:1")))).code());
        assertEquals(ErrorCode.ENG_017, assertThrows(VaylixException.class,
                () -> WriteBatchCodec.encode(WriteBatch.transaction(new Command.Restore("{}")))).code());
        assertEquals(ErrorCode.ENG_013, assertThrows(VaylixException.class,
                () -> WriteBatchCodec.encode(WriteBatch.single(new Command.Restore("\uD800")))).code(),
                "a dump with no UTF-8 form");
    }

    @Test
    void restore_carries_its_dump_text() {
        WriteBatch batch = WriteBatch.single(new Command.Restore("{\"version\":2}"));
        assertEquals(batch, WriteBatchCodec.decode(WriteBatchCodec.encode(batch)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                   | payload truncated reading payload version at payload offset 0",
            "02                   | unsupported log payload version 2",
            "0109                 | unknown batch tag 9 at payload offset 1",
            "010400               | 1 trailing bytes after the batch at payload offset 2",
            "010103016b           | command GET cannot appear in a single-command entry at payload offset 2",
            "01011a               | command SAVE cannot appear in a single-command entry",
            "0101ff               | unknown command opcode 255",
            "0102012001           | command RESTORE cannot appear in a transaction",
            "01010c0180           | INCR key is not valid UTF-8",
            "01010c8000           | INCR key length is not in its shortest encoding",
            "01010c05616263       | INCR key length 5 exceeds the remaining 3 bytes",
            "0102ff               | payload truncated reading transaction command count",
            "010205               | transaction command count 5 exceeds the remaining 0 bytes",
            "010106016b0176030000 | unknown SET condition 3",
            "010106016b0176000800 | reserved SET flag bits set: 8",
            "010106016b0176000003 | unknown SET expiration kind 3",
            "010105016b0002       | GETEX persist must be 0 or 1, found 2",
            "01010e016bffffffffffffffffff02 | EXPIRE seconds overflows 64 bits",
            "01020113000001808004 | SCAN count 65536 exceeds u16",
    })
    void malformed_payloads_fail_with_eng_014(String hex, String detail) {
        VaylixException e = assertThrows(VaylixException.class, () -> WriteBatchCodec.decode(Bytes.fromHex(hex)));
        assertEquals(ErrorCode.ENG_014, e.code());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void every_truncation_of_a_valid_payload_fails_with_eng_014() {
        Bytes payload = WriteBatchCodec.encode(WriteBatch.transaction(
                new Command.Set(K, Bytes.utf8("value"), SetCondition.NONE, OptionalLong.of(7), Expiration.seconds(9), false, true),
                new Command.MSet(List.of(new KeyValue(K, Bytes.utf8("x")))),
                new Command.Ping(Optional.of("hi"))));
        for (int length = 0; length < payload.length(); length++) {
            Bytes prefix = payload.slice(0, length);
            VaylixException e = assertThrows(VaylixException.class, () -> WriteBatchCodec.decode(prefix), "length " + length);
            assertEquals(ErrorCode.ENG_014, e.code());
        }
    }
}
