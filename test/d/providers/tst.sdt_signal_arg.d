/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sdt:signal::signal_generate fires when a process sends a signal, and
 * arg0 is the tracepoint's first argument, the signal number: the helper
 * sends itself SIGUSR1 (10) once, then exits, and its exit sends its
 * parent (dtrace) SIGCHLD (17), generated in the exiting process.
 *
 * @@runtest-opts: -c ./sdt-helper
 * @@timeout: 60
 */

#pragma D option quiet

sdt:signal::signal_generate
/pid == $target/
{
	printf("%s:%s:%s sig %d\n", probeprov, probemod, probename, arg0);
}
