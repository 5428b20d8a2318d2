package dev.vaylix.server.exec;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.auth.AuthCommands;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.RbacViews;
import java.util.Optional;
import java.util.function.Function;

/**
 * Users, roles and grants (COMMANDS.md §3.4): mutations go through the log as {@link AuthMutation}s
 * (the password policy and Argon2id hashing happen here, on the receiving node, so entries carry PHC
 * hashes and never passwords); the SHOW commands read the replicated state linearizably.
 *
 * <p>With {@code --disable-auth} the mutations and SHOW USERS / ROLES / GRANTS FOR answer SRV-016 (the
 * reference's behaviour), while WHOAMI and SHOW GRANTS describe the anonymous identity.
 */
final class AccessCommands {

    private final ServerContext context;

    AccessCommands(ServerContext context) {
        this.context = context;
    }

    /** CREATE/ALTER/DROP USER, CREATE/DROP ROLE, GRANT/REVOKE ROLE|PERMISSION. Blocks (hashing, commit). */
    Reply mutate(Command command) {
        if (!context.config().auth().enabled()) {
            return Reply.Error.of(ErrorCode.SRV_016);
        }
        Optional<AuthMutation> mutation;
        try {
            mutation = AuthCommands.toMutation(command, context.hasher());
        } catch (VaylixException e) {
            return Reply.Error.of(e); // SRV-032 weak password, SRV-012 hashing saturated: nothing proposed
        }
        return mutation.map(m -> context.writes().propose(m).await())
                .orElseThrow(() -> new IllegalArgumentException("not an RBAC mutation: " + command.type()));
    }

    Reply showUsers() {
        return administrative(RbacViews::showUsers);
    }

    Reply showRoles() {
        return administrative(RbacViews::showRoles);
    }

    Reply showGrantsForUser(Command.ShowGrantsForUser command) {
        return administrative(state -> RbacViews.showGrantsForUser(state, command.username()));
    }

    Reply showGrantsForRole(Command.ShowGrantsForRole command) {
        return administrative(state -> RbacViews.showGrantsForRole(state, command.role()));
    }

    Reply showGrants(Identity identity) {
        return context.reads().linearizable(() -> RbacViews.showGrants(authState(), identity));
    }

    Reply whoami(Identity identity) {
        return RbacViews.whoami(identity);
    }

    private Reply administrative(Function<AuthState, Reply> view) {
        if (!context.config().auth().enabled()) {
            return Reply.Error.of(ErrorCode.SRV_016);
        }
        return context.reads().linearizable(() -> view.apply(authState()));
    }

    private AuthState authState() {
        return context.consensus().machine().authState();
    }
}
