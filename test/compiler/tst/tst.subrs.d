/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Every subroutine compiles with its prototype.
 */

BEGIN
{
	s = "/usr/lib/../lib/libc.so.6";
	x = rand() + strlen(s) + index(s, "lib") + rindex(s, "lib", 3);
	t = strjoin(basename(s), dirname(s));
	t = cleanpath(s);
	t = strchr(s, 'l');
	t = strrchr(s, '/');
	t = strstr(s, "lib");
	t = strtok(s, "/");
	t = strtok(NULL, "/");
	t = substr(s, 1, 3);
	t = lltostr(12345);
	t = toupper(t);
	t = tolower(t);
	x = htons(1) + htonl(1) + htonll(1) + ntohs(1) + ntohl(1) + ntohll(1);
	x = progenyof(1);
	p = alloca(64);
	bcopy(p, alloca(64), 8);
	t = copyinstr(arg0);
	t = copyinstr(arg0, 16);
	p = copyin(arg0, 8);
	copyinto(arg0, 8, p);
	this->ip = (ipaddr_t *)alloca(4);
	t = inet_ntoa(this->ip);
	t = inet_ntop(2, this->ip);
	t = stringof(arg0);
	@f[func(caller)] = count();
	@m[mod(caller)] = count();
	sym(caller);
}
