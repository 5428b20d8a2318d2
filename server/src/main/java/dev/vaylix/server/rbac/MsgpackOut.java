package dev.vaylix.server.rbac;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * A MessagePack writer for the auth codecs that encodes strings strictly: msgpack-core would
 * silently replace an unpaired surrogate, so a value would not survive a round trip; here that is
 * {@link ErrorCode#SRV_025} instead. Not thread-safe; one instance per encode.
 */
final class MsgpackOut {

    private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();

    MsgpackOut array(int length) {
        try {
            packer.packArrayHeader(length);
            return this;
        } catch (IOException e) {
            throw ErrorCode.SRV_025.exception(e.getMessage());
        }
    }

    MsgpackOut integer(long value) {
        try {
            packer.packLong(value);
            return this;
        } catch (IOException e) {
            throw ErrorCode.SRV_025.exception(e.getMessage());
        }
    }

    MsgpackOut bool(boolean value) {
        try {
            packer.packBoolean(value);
            return this;
        } catch (IOException e) {
            throw ErrorCode.SRV_025.exception(e.getMessage());
        }
    }

    MsgpackOut nil() {
        try {
            packer.packNil();
            return this;
        } catch (IOException e) {
            throw ErrorCode.SRV_025.exception(e.getMessage());
        }
    }

    MsgpackOut string(String value) {
        try {
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[utf8.remaining()];
            utf8.get(bytes);
            packer.packRawStringHeader(bytes.length);
            packer.writePayload(bytes);
            return this;
        } catch (CharacterCodingException e) {
            throw ErrorCode.SRV_025.exception("a name contains an unpaired surrogate and has no UTF-8 form");
        } catch (IOException e) {
            throw ErrorCode.SRV_025.exception(e.getMessage());
        }
    }

    Bytes toBytes() {
        return Bytes.wrapUnsafe(packer.toByteArray());
    }
}
