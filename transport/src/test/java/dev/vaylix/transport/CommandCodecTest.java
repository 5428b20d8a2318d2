package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Request payload layouts and decoder rules (§4, §5, §5.1, §5.2, note 1, note 6). */
class CommandCodecTest {

    static String payloadHex(Command command) {
        BodyWriter out = new BodyWriter();
        RequestCodec.encodePayload(command, out);
        return Hex.of(out.toByteArray());
    }

    static Command decode(CommandType type, String hex) {
        return RequestCodec.decodePayload(type, ByteBuffer.wrap(Hex.bytes(hex)));
    }

    private static void assertLayout(Command command, String hex) {
        assertEquals(Hex.of(Hex.bytes(hex)), payloadHex(command));
        assertEquals(command, decode(command.type(), hex));
    }

    @Test
    void theSecondStringOfATwoStringPayloadIsAlwaysStr32() {
        assertLayout(new Command.Rename(Key.of("a"), Key.of("b")), "0001 61 00000001 62");
        assertLayout(new Command.RenameNx(Key.of("a"), Key.of("b")), "0001 61 00000001 62");
        assertLayout(new Command.GrantRole("admin", "bob"), "0005 61646d696e 00000003 626f62");
        assertLayout(new Command.RevokeRole("admin", "bob"), "0005 61646d696e 00000003 626f62");
        assertLayout(new Command.ClusterJoin("n2", "h:1"), "0002 6e32 00000003 683a31");
        assertLayout(new Command.CreateUser("u", "p"), "0001 75 00000001 70");
        assertLayout(new Command.AlterUserPassword("u", "p"), "0001 75 00000001 70");
        assertLayout(new Command.Auth("u", "p"), "0001 75 00000001 70");
    }

    @Test
    void grantPermissionIsThreeStr16() {
        assertLayout(new Command.GrantPermission("read", "*", "r"), "0004 72656164 0001 2a 0001 72");
        assertLayout(new Command.RevokePermission("read", "*", "r"), "0004 72656164 0001 2a 0001 72");
    }

    @Test
    void dumpsAndPingMessagesAreStr32AndPathsStr16() {
        assertLayout(new Command.Restore("{}"), "00000002 7b7d");
        assertLayout(new Command.RestoreCheck("{}"), "00000002 7b7d");
        assertLayout(new Command.BackupVerify("{}"), "00000002 7b7d");
        assertLayout(new Command.BackupTo("b"), "0001 62");
        assertLayout(new Command.RestoreFrom("b"), "0001 62");
        assertLayout(new Command.Ping(Optional.of("hi")), "01 00000002 6869");
        assertLayout(new Command.Ping(Optional.empty()), "00");
    }

    @Test
    void keyListsAndPairsHaveAU16Count() {
        assertLayout(new Command.Del(List.of(Key.of("a"), Key.of("b"))), "0002 0001 61 0001 62");
        assertLayout(new Command.MGet(List.of()), "0000");
        assertLayout(new Command.MSet(List.of(new dev.vaylix.api.command.KeyValue(Key.of("k"), Bytes.of((byte) 0)))),
                "0001 0001 6b 00000001 00");
    }

    @Test
    void getexAndExpireLayouts() {
        assertLayout(new Command.GetEx(Key.of("k"), Expiration.millis(5), true), "0001 6b 02 0000000000000005 01");
        assertLayout(new Command.GetEx(Key.of("k"), Expiration.NONE, false), "0001 6b 00 00");
        assertLayout(new Command.Expire(Key.of("k"), -1L), "0001 6b ffffffffffffffff");
    }

    @Test
    void setAlwaysWritesItsCompareAndSetField() {
        Command.Set set = new Command.Set(Key.of("k"), Bytes.utf8("v"), SetCondition.XX, OptionalLong.of(3),
                Expiration.millis(1), true, true);
        assertLayout(set, "0001 6b 00000001 76 02 02 0000000000000001 01 01 01 0000000000000003");
        assertLayout(Command.Set.of(Key.of("k"), Bytes.utf8("v")), "0001 6b 00000001 76 00 00 00 00 00");
    }

    @Test
    void aSetPayloadEndingAfterReturnPreviousHasNoCompareAndSet_compatibilityWith07() {
        assertEquals(Command.Set.of(Key.of("k"), Bytes.utf8("v")), decode(CommandType.SET, "0001 6b 00000001 76 00 00 00 00"));
    }

    @Test
    void setFlagConditionAndExpirationBytesAreChecked() {
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SET, "0001 6b 00000001 76 00 00 00 00 02"));
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.SET, "0001 6b 00000001 76 00 00 00 00 01 0000"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SET, "0001 6b 00000001 76 03 00 00 00 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SET, "0001 6b 00000001 76 00 03 00 00 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SET, "0001 6b 00000001 76 00 00 02 00 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SET, "0001 6b 00000001 76 00 00 00 00 00 00"));
    }

    @Test
    void scanDemandsTenBytesThenChecksEveryField_noPanicOnAMissingCountFlag() {
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.SCAN, "0000000000000000 00"));
        // VTP2.md note 1: pattern present, count flag missing. The reference server aborts; we answer TRN-007.
        Expect.error(ErrorCode.TRN_007, "unexpected end of input", () -> decode(CommandType.SCAN, "0000000000000000 01 0000"));
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.SCAN, "0000000000000000 00 01 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.SCAN, "0000000000000000 02 00"));
        assertEquals(new Command.Scan(7, Optional.empty(), OptionalInt.of(0xFFFF)), decode(CommandType.SCAN, "0000000000000007 00 01 ffff"));
        assertEquals(new Command.Scan(-1, Optional.of(""), OptionalInt.empty()), decode(CommandType.SCAN, "ffffffffffffffff 01 0000 00"));
    }

    @Test
    void everyDecoderConsumesItsPayloadExactly() {
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.GET, "0001 6b 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.PING, "00 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.AUTH, "0001 75 00000001 70 ff"));
    }

    @ParameterizedTest
    @EnumSource(value = CommandType.class, names = {"WHOAMI", "DBSIZE", "INFO", "METRICS", "LIST", "CLEAR", "COUNT",
            "SAVE", "SNAPSHOT", "MULTI", "EXEC", "DISCARD", "BACKUP", "SHOW_USERS", "SHOW_ROLES", "METRICS_PROM",
            "SHOW_GRANTS", "MAINTENANCE_ON", "MAINTENANCE_OFF", "MAINTENANCE_STATUS", "HEALTH", "SHOW_CLUSTER",
            "SHOW_REPLICATION", "PROMOTE_FOLLOWER", "PAUSE_REPLICATION", "RESUME_REPLICATION"})
    void zeroPayloadOpcodesDecodeFromNothingAndRefuseAnything(CommandType type) {
        Command command = decode(type, "");
        assertEquals(type, command.type());
        assertEquals("", payloadHex(command));
        Expect.error(ErrorCode.TRN_008, () -> decode(type, "00"));
    }

    @Test
    void primitivesReportTheirOwnErrors() {
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.GET, "0005 6b"));
        Expect.error(ErrorCode.TRN_012, () -> decode(CommandType.GET, "0002 c328"));
        Expect.error(ErrorCode.TRN_012, "invalid utf-8 in payload", () -> decode(CommandType.GET, "0003 eda080")); // a surrogate
        Expect.error(ErrorCode.TRN_012, () -> decode(CommandType.GET, "0002 c0af")); // overlong '/'
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.SETNX, "0001 6b 00000005 76"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.PING, "02"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.GETEX, "0001 6b 03 00"));
        Expect.error(ErrorCode.TRN_008, () -> decode(CommandType.GETEX, "0001 6b 00 02"));
        Expect.error(ErrorCode.TRN_007, () -> decode(CommandType.DEL, "0003 0001 61"));
        assertEquals(new Command.Get(Key.of("é")), decode(CommandType.GET, "0002 c3a9"));
    }

    @Test
    void helpAndExitNeverLeaveTheClient() {
        BodyWriter out = new BodyWriter();
        Expect.error(ErrorCode.TRN_004, "unsupported command for transport: help",
                () -> RequestCodec.encode(out, new java.util.UUID(0, 1), RequestMetadata.NONE, new Command.Help()));
        Expect.error(ErrorCode.TRN_004, "unsupported command for transport: exit",
                () -> RequestCodec.encode(out, new java.util.UUID(0, 1), RequestMetadata.NONE, new Command.Exit()));
        Expect.error(ErrorCode.TRN_004, () -> ReplyShape.of(new Command.Help()));
    }

    @Test
    void encodersRefuseLengthsAndCountsBeyondTheirPrefix() {
        Expect.error(ErrorCode.TRN_008, () -> payloadHex(new Command.Get(Key.of("k".repeat(65_536)))));
        payloadHex(new Command.Get(Key.of("k".repeat(65_535)))); // the largest str16 is fine
        Expect.error(ErrorCode.TRN_008, () -> payloadHex(new Command.GrantPermission("p".repeat(70_000), "*", "r")));
        List<Key> keys = new ArrayList<>(Collections.nCopies(65_536, Key.of("")));
        Expect.error(ErrorCode.TRN_008, () -> payloadHex(new Command.Del(keys)));
        Expect.error(ErrorCode.TRN_008, () -> payloadHex(new Command.MGet(keys)));
    }

    @Test
    void textWithoutAUtf8FormCannotBeEncoded() {
        Expect.error(ErrorCode.TRN_012, () -> payloadHex(new Command.DropUser("bad\uD800")));
        Expect.error(ErrorCode.TRN_012, () -> payloadHex(new Command.Restore("\uDC00")));
    }

    @Test
    void supplementaryCharactersAreFourUtf8Bytes() {
        assertLayout(new Command.DropRole("\uD83D\uDE00"), "0004 f09f9880");
    }
}
