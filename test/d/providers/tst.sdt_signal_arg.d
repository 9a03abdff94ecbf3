/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sdt:signal::signal_generate fires when a process sends a signal, and
 * arg0 is the tracepoint's first argument, the signal number: the helper
 * sends itself SIGUSR1 (10) once.
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
