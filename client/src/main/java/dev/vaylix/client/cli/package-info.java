/**
 * {@code vaylix-client}, the command line (COMMANDS.md §11): flags and URL ({@link dev.vaylix.client.cli.ConnectionFlags},
 * {@link dev.vaylix.client.cli.ConnectionUrl}, {@link dev.vaylix.client.cli.CliSettings}), reply rendering
 * ({@link dev.vaylix.client.cli.ReplyRenderer}, pure), the JLine shell and the non-interactive modes
 * ({@link dev.vaylix.client.cli.Main}).
 */
package dev.vaylix.client.cli;
