package dev.vaylix.server.exec;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * BACKUP, BACKUP TO, BACKUP VERIFY [FROM], RESTORE [FROM], RESTORE CHECK [FROM] (COMMANDS.md §3.3,
 * STORAGE.md §11). Files live in the backup directory sandbox ({@code BackupPaths}).
 *
 * <ul>
 *   <li>A dump is the engine's consistent logical dump, read linearizably (ReadIndex), not a log entry.</li>
 *   <li>RESTORE goes through the log as one entry carrying the dump, so every replica replaces its keyspace
 *       atomically. The dump is parsed before it is proposed: a malformed dump is refused (ENG-004 / ENG-009)
 *       without writing anything to the log.</li>
 *   <li>RESTORE FROM and RESTORE CHECK FROM read at most {@value #MAX_DUMP_FILE_BYTES} bytes (larger files:
 *       SRV-004): the whole dump becomes one log entry, which must stay well inside the log's record limit
 *       (64 MiB) and the Raft message limit, and is held in memory while it is parsed and applied. BACKUP
 *       VERIFY FROM reads dumps up to the same bound and sidecars up to {@value #MAX_SIDECAR_BYTES} bytes.</li>
 * </ul>
 */
final class BackupCommands {

    static final int MAX_DUMP_FILE_BYTES = 32 << 20;
    static final int MAX_SIDECAR_BYTES = 64 << 10;

    private final ServerContext context;

    BackupCommands(ServerContext context) {
        this.context = context;
    }

    /** BACKUP: the dump JSON as a value. */
    Reply backup() {
        return context.reads().linearizable(this::dump);
    }

    /** BACKUP TO: the dump and its sidecar manifest, each written atomically and fsynced. */
    Reply backupTo(Command.BackupTo command) {
        Reply dump = backup();
        if (!(dump instanceof Reply.Data(Bytes bytes))) {
            return dump;
        }
        try {
            byte[] raw = bytes.toByteArray();
            Bytes sidecar = Bytes.utf8(LogicalBackup.manifest(raw));
            context.backups().writeBackup(command.path(), bytes, sidecar);
            return Reply.OK;
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    Reply verify(Command.BackupVerify command) {
        try {
            return LogicalBackup.verify(utf8(command.dump()), nowMs()).toReply();
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    Reply verifyFrom(Command.BackupVerifyFrom command) {
        try {
            byte[] dump = context.backups().read(command.path(), MAX_DUMP_FILE_BYTES).toByteArray();
            byte[] sidecar = context.backups().read(LogicalBackup.manifestPath(command.path()), MAX_SIDECAR_BYTES).toByteArray();
            return LogicalBackup.verify(dump, sidecar, nowMs()).toReply();
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    Reply restore(Command.Restore command) {
        return proposeRestore(command.dump());
    }

    Reply restoreFrom(Command.RestoreFrom command) {
        try {
            return proposeRestore(text(context.backups().read(command.path(), MAX_DUMP_FILE_BYTES)));
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    Reply check(Command.RestoreCheck command) {
        try {
            return new Reply.Count(LogicalBackup.check(utf8(command.dump()), nowMs()));
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    Reply checkFrom(Command.RestoreCheckFrom command) {
        try {
            return new Reply.Count(LogicalBackup.check(context.backups().read(command.path(), MAX_DUMP_FILE_BYTES).toByteArray(),
                    nowMs()));
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    private Reply proposeRestore(String dump) {
        try {
            LogicalBackup.parse(utf8(dump)); // refuse a malformed dump before it reaches the log
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
        return context.writes().propose(WriteBatch.single(new Command.Restore(dump))).await();
    }

    private Reply dump() {
        return context.consensus().machine().engine().read(new Command.Backup(), nowMs());
    }

    private long nowMs() {
        return context.clock().wallTimeMs();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A dump file's text; a file that is not UTF-8 is no dump (ENG-004, as for malformed JSON). */
    private static String text(Bytes file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ErrorCode.ENG_004.exception("logical backup is not valid UTF-8");
        }
    }
}
