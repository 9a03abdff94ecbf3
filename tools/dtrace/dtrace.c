// SPDX-License-Identifier: GPL-2.0
/*
 * dtrace.c - main() of dtrace(1): DTrace's command line.
 *
 *   dtrace [-CeFHlqSvVwZ] [-b bufsz] [-c cmd] [-D name[=def]] [-I path]
 *          [-o output] [-p pid] [-s script] [-U name] [-x opt[=val]]
 *          [-P provider [[predicate] action]] [-m [provider:]module ...]
 *          [-f [[provider:]module:]func ...] [-n [[[provider:]module:]func:]name
 *          ...] [-i probe-id ...] [args ...]
 *
 * Options and arguments may be interleaved, as with DTrace: every argument
 * that is not an option is a macro argument ($1, $2, ...; $0 is the script
 * name), which is what makes "#!/usr/sbin/dtrace -s" interpreter files work.
 * Programs from several -n/-s/... arguments are compiled one by one (so
 * errors name the right one) and then enabled together as one program.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "dt_cmd.h"

#define E_SUCCESS	0
#define E_ERROR		1
#define E_USAGE		2

static const char optstr[] = "+:3:6:aAb:Bc:CD:ef:FGhHi:I:lL:m:n:o:p:P:qs:SU:vVwx:X:Z";

enum { K_FILE, K_NAME, K_FUNC, K_MOD, K_PROV, K_ID };

struct cmd {
	int kind;
	char *arg;
	char *text;		/* D source given to the compiler */
	char *name;		/* for messages */
	struct dt_prog *prog;
	int nstmts;		/* its own statements (prog has the prelude's too) */
};

static struct cmd *cmds;
static int ncmds;
static char **margv;		/* macro arguments: [0] = $0 */
static int margc;
static char **cppargs;
static int ncppargs;
static char **libdirs;		/* -L */
static int nlibdirs;
static char **xopts;		/* "name[=value]" for the compiler */
static int nxopts;

static int usage(FILE *fp)
{
	static const char pa[] = "[[ predicate ] action ]";

	fprintf(fp, "Usage: %s [-32|-64] [-aACeFGhHlqSvVwZ] [-b bufsz] "
		"[-c cmd] [-D name[=def]]\n\t[-I path] [-L path] "
		"[-o output] [-p pid] [-s script] [-U name]\n\t"
		"[-x opt[=val]] [-X a|c|s|t]\n\n"
		"\t[-P provider %s]\n"
		"\t[-m [ provider: ] module %s]\n"
		"\t[-f [[ provider: ] module: ] func %s]\n"
		"\t[-n [[[ provider: ] module: ] func: ] name %s]\n"
		"\t[-i probe-id %s] [ args ... ]\n\n", dt_pname, pa, pa, pa,
		pa, pa);
	fprintf(fp, "\tpredicate -> '/' D-expression '/'\n");
	fprintf(fp, "\t   action -> '{' D-statements '}'\n");
	fprintf(fp, "\n"
		"\t-32 generate 32-bit D programs\n"
		"\t-64 generate 64-bit D programs\n\n"
		"\t-b  set trace buffer size\n"
		"\t-c  run specified command and exit upon its completion\n"
		"\t-C  run cpp(1) preprocessor on script files\n"
		"\t-D  define symbol when invoking preprocessor\n"
		"\t-e  exit after compiling request but prior to enabling "
		"probes\n"
		"\t-f  enable or list probes matching the specified function "
		"name\n"
		"\t-F  coalesce trace output by function\n"
		"\t-H  print included files when invoking preprocessor\n"
		"\t-i  enable or list probes matching the specified probe id\n"
		"\t-I  add include directory to preprocessor search path\n"
		"\t-l  list probes matching specified criteria\n"
		"\t-m  enable or list probes matching the specified module "
		"name\n"
		"\t-n  enable or list probes matching the specified probe "
		"name\n"
		"\t-o  set output file\n"
		"\t-p  grab specified process-ID and cache its symbol tables\n"
		"\t-P  enable or list probes matching the specified provider "
		"name\n"
		"\t-q  set quiet mode (only output explicitly traced data)\n"
		"\t-s  enable or list probes according to the specified D "
		"script\n"
		"\t-S  print D compiler intermediate code\n"
		"\t-U  undefine symbol when invoking preprocessor\n"
		"\t-v  set verbose mode (report stability attributes, "
		"arguments)\n"
		"\t-V  report DTrace API version\n"
		"\t-w  permit destructive actions\n"
		"\t-x  enable or modify compiler and tracing options\n"
		"\t-Z  permit probe descriptions that match zero probes\n");
	return E_USAGE;
}

static char *read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL)
		dt_fatal("failed to open %s: %s\n", path, strerror(errno));
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			if (buf == NULL)
				dt_nomem();
		}
		n = fread(buf + len, 1, cap - len - 1, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp))
		dt_fatal("failed to read %s: %s\n", path, strerror(errno));
	fclose(fp);
	buf[len] = '\0';
	/* An interpreter line stays a (blank) line, for line numbers. */
	if (buf[0] == '#' && buf[1] == '!') {
		char *nl = strchr(buf, '\n');
		size_t i, end = nl ? (size_t)(nl - buf) : len;

		for (i = 0; i < end; i++)
			buf[i] = ' ';
	}
	return buf;
}

/*
 * Turn a -P/-m/-f/-i argument into D text: the description part (up to
 * the first '/', '{' or ';') becomes a full provider:module:function:name
 * and the predicate/actions follow unchanged.
 */
static char *spec_to_d(const char *arg, int kind)
{
	static const int spec[] = {
		[K_NAME] = DT_SPEC_NAME, [K_FUNC] = DT_SPEC_FUNC,
		[K_MOD] = DT_SPEC_MOD, [K_PROV] = DT_SPEC_PROVIDER,
		[K_ID] = -1,
	};
	size_t dl = strcspn(arg, "/{;");
	struct dtrace_probedesc pd;
	char *desc, *out;
	size_t olen;

	if (kind == K_NAME)
		return dt_xstrdup(arg);
	desc = dt_xzalloc(dl + 1);
	memcpy(desc, arg, dl);
	while (dl > 0 && (desc[dl - 1] == ' ' || desc[dl - 1] == '\t' ||
			  desc[dl - 1] == '\n'))
		dl--;
	desc[dl] = '\0';
	{
		char *d = desc;

		while (*d == ' ' || *d == '\t')
			d++;
		if (dt_pdesc_parse(d, spec[kind], &pd) < 0)
			dt_fatal("invalid probe specifier %s: invalid probe "
			      "description \"%s\"\n", arg, d);
	}
	free(desc);
	olen = strlen(arg) + DTRACE_PROVNAMELEN + DTRACE_MODNAMELEN +
		DTRACE_FUNCNAMELEN + DTRACE_NAMELEN + 16;
	out = dt_xzalloc(olen);
	if (kind == K_ID) {
		/* The compiler knows no IDs: keep the text (it will say so). */
		snprintf(out, olen, "%s", arg);
	} else {
		snprintf(out, olen, "%s:%s:%s:%s%s", pd.provider, pd.mod,
			 pd.func, pd.name, arg + strcspn(arg, "/{;"));
	}
	return out;
}

static void add_cmd(int kind, char *arg)
{
	struct cmd *c = &cmds[ncmds++];

	c->kind = kind;
	c->arg = arg;
}

static void add_xopt(const char *s)
{
	xopts = realloc(xopts, (nxopts + 1) * sizeof(*xopts));
	if (xopts == NULL)
		dt_nomem();
	xopts[nxopts++] = dt_xstrdup(s);
}

static void add_cpparg(const char *pfx, const char *s)
{
	size_t n = strlen(pfx) + strlen(s) + 1;

	cppargs = realloc(cppargs, (ncppargs + 1) * sizeof(*cppargs));
	if (cppargs == NULL)
		dt_nomem();
	cppargs[ncppargs] = dt_xzalloc(n);
	snprintf(cppargs[ncppargs++], n, "%s%s", pfx, s);
}

static void set_opt(const char *name, const char *value, const char *what)
{
	const char *err;

	if (dt_opt_set(&dt_opt, name, value, &err) < 0)
		dt_fatal("failed to set %s: %s\n", what, err);
}

/* Split a -c command on white space, as DTrace does. */
static char **make_argv(char *s)
{
	char **argv = dt_xzalloc(sizeof(char *) * (strlen(s) / 2 + 2));
	int argc = 0;
	char *p;

	for (p = strtok(s, " \t\n\r\f\v"); p; p = strtok(NULL, " \t\n\r\f\v"))
		argv[argc++] = p;
	argv[argc] = NULL;
	return argv;
}

static int in_path(const char *cmd)
{
	const char *path = getenv("PATH");
	char buf[4096];

	if (strchr(cmd, '/'))
		return access(cmd, X_OK) == 0;
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
	while (*path) {
		size_t n = strcspn(path, ":");

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, cmd);
		if (access(buf, X_OK) == 0)
			return 1;
		path += n;
		if (*path == ':')
			path++;
	}
	return 0;
}

/* -c: fork the command, held until tracing starts. */
static pid_t create_child(char *cmdline, int *gofd)
{
	char **argv = make_argv(cmdline);
	int pfd[2];
	pid_t pid;

	if (argv[0] == NULL)
		dt_fatal("failed to execute %s: No such file or directory\n",
		      cmdline);
	if (!in_path(argv[0]))
		dt_fatal("failed to execute %s: No such file or directory\n",
		      argv[0]);
	if (pipe(pfd) < 0)
		dt_fatal("failed to create pipe: %s\n", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		dt_fatal("failed to fork: %s\n", strerror(errno));
	if (pid == 0) {
		char go;

		close(pfd[1]);
		if (read(pfd[0], &go, 1) != 1)
			_exit(127);
		close(pfd[0]);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: failed to execute %s: %s\n", dt_pname,
			argv[0], strerror(errno));
		_exit(127);
	}
	close(pfd[0]);
	*gofd = pfd[1];
	free(argv);
	return pid;
}

/*
 * The programs of cmds[0..n-1] as one D text, in order (a bare probe
 * description gets an empty clause).
 */
static char *join_programs(int n)
{
	size_t len = 1;
	char *t;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(cmds[i].text) + 8;
	t = dt_xzalloc(len);
	t[0] = '\0';
	for (i = 0; i < n; i++) {
		strcat(t, cmds[i].text);
		if (cmds[i].kind != K_FILE && !strpbrk(cmds[i].text, "{/"))
			strcat(t, " {}");
		strcat(t, "\n");
	}
	return t;
}

/* Compile c; prelude: the earlier programs' text (NULL for none). */
static int compile_one(struct cmd *c, long target, unsigned flags,
		       const char *prelude)
{
	struct dt_compile_opts co;
	struct dt_error err;
	char msg[1024];
	char *argv0 = margv[0];

	memset(&co, 0, sizeof(co));
	memset(&err, 0, sizeof(err));
	co.source = c->text;
	co.prelude = prelude;
	co.kind = c->kind == K_FILE ? DT_SRC_SCRIPT : DT_SRC_PROGRAM;
	co.filename = c->kind == K_FILE ? c->arg : NULL;
	if (c->kind == K_FILE)
		margv[0] = c->arg;
	co.argc = margc;
	co.argv = margv;
	co.target_pid = target;
	co.flags = flags;
	co.ncppargs = ncppargs;
	co.cppargs = cppargs;
	co.noptions = nxopts;
	co.options = xopts;
	co.nlibdirs = nlibdirs;
	co.libdirs = libdirs;
	co.argdesc = dt_desc_argtype;
	if (dt_compile(&co, &c->prog, &err) < 0) {
		dt_error_format(&err, co.kind, dt_opt.errtags, msg,
				sizeof(msg));
		if (c->kind == K_FILE)
			dt_fatal("failed to compile script %s: %s\n", c->arg,
			      msg);
		dt_fatal("invalid probe specifier %s: %s\n", c->arg, msg);
	}
	margv[0] = argv0;
	return 0;
}

/* Apply the program's #pragma D option lines. */
static void apply_pragmas(const struct dt_prog *p, const char *name)
{
	int i;

	for (i = 0; i < p->noptions; i++) {
		const struct dt_option *o = &p->options[i];
		const char *err;

		if (dt_opt_set(&dt_opt, o->name, o->value, &err) < 0) {
			char what[256];

			if (o->value)
				snprintf(what, sizeof(what), "'%s' to '%s'",
					 o->name, o->value);
			else
				snprintf(what, sizeof(what), "'%s'", o->name);
			dt_fatal("failed to compile script %s: %sline %d: failed "
			      "to set option %s: %s\n", name,
			      dt_opt.errtags ? "[D_PRAGMA_OPTSET] " : "",
			      o->line, what, err);
		}
	}
}

/*
 * Several programs: one D script made of all of them, compiled again so
 * the module gets one enabling with consistent aggregation and variable
 * IDs.
 */
static struct dt_prog *merge(long target, unsigned flags, int *firsts)
{
	struct cmd m;
	int i, stmts = 0;

	memset(&m, 0, sizeof(m));
	m.kind = K_FILE;
	m.arg = cmds[0].kind == K_FILE ? cmds[0].arg : (char *)"-";
	m.text = join_programs(ncmds);
	for (i = 0; i < ncmds; i++) {
		firsts[i] = stmts;
		stmts += cmds[i].nstmts;
	}
	compile_one(&m, target, flags, NULL);
	return m.prog;
}

int main(int argc, char *argv[])
{
	int mode_list = 0, mode_vers = 0, nmodes = 0, verbose = 0;
	int exec_only = 0, print_dif = 0, c, i, before = 0;
	char *ofile = NULL, *ccmd = NULL, *pidarg = NULL;
	unsigned flags = 0;
	long target = -1;
	struct dt_run run;
	int *firsts;
	char *prelude;

	dt_out = stdout;
	dt_opts_init(&dt_opt);
	if (argc <= 1)
		return usage(stderr);

	cmds = dt_xzalloc(sizeof(*cmds) * argc);
	margv = dt_xzalloc(sizeof(char *) * (argc + 1));
	margv[margc++] = argv[0];

	opterr = 0;
	for (optind = 1; optind < argc; optind++) {
		while ((c = getopt(argc, argv, optstr)) != -1) {
			switch (c) {
			case '3':
			case '6':
				if (strcmp(optarg, c == '3' ? "2" : "4")) {
					fprintf(stderr, "%s: illegal option "
						"-- %c%s\n", dt_pname, c,
						optarg);
					return usage(stderr);
				}
				break;
			case 'a': case 'A': case 'B': case 'G': case 'h':
				fprintf(stderr, "%s: option -%c is not "
					"supported\n", dt_pname, c);
				return E_USAGE;
			case 'b':
				set_opt("bufsize", optarg, "-b");
				{
					char o[64];

					snprintf(o, sizeof(o), "bufsize=%s",
						 optarg);
					add_xopt(o);
				}
				break;
			case 'c':
				if (ccmd)
					dt_fatal("only one -c or -p option may "
					      "be given\n");
				ccmd = optarg;
				break;
			case 'C':
				flags |= DT_C_CPP;
				dt_opt.cpp = 1;
				break;
			case 'D':
				add_cpparg("-D", optarg);
				break;
			case 'e':
				exec_only = 1;
				break;
			case 'f':
				add_cmd(K_FUNC, optarg);
				break;
			case 'F':
				dt_opt.flowindent = 1;
				add_xopt("flowindent");
				break;
			case 'H':
				add_cpparg("-H", "");
				break;
			case 'i':
				add_cmd(K_ID, optarg);
				break;
			case 'I':
				add_cpparg("-I", optarg);
				break;
			case 'l':
				mode_list = 1;
				nmodes++;
				break;
			case 'L':
				libdirs = realloc(libdirs, (nlibdirs + 1) *
						  sizeof(*libdirs));
				if (libdirs == NULL)
					dt_fatal("out of memory\n");
				libdirs[nlibdirs++] = optarg;
				break;
			case 'X':
				break;
			case 'm':
				add_cmd(K_MOD, optarg);
				break;
			case 'n':
				add_cmd(K_NAME, optarg);
				break;
			case 'o':
				ofile = optarg;
				break;
			case 'p':
				if (pidarg || ccmd)
					dt_fatal("only one -c or -p option may "
					      "be given\n");
				pidarg = optarg;
				break;
			case 'P':
				add_cmd(K_PROV, optarg);
				break;
			case 'q':
				dt_opt.quiet = 1;
				flags |= DT_C_QUIET;
				add_xopt("quiet");
				break;
			case 's':
				add_cmd(K_FILE, optarg);
				break;
			case 'S':
				print_dif = 1;
				break;
			case 'U':
				add_cpparg("-U", optarg);
				break;
			case 'v':
				verbose++;
				break;
			case 'V':
				mode_vers = 1;
				nmodes++;
				break;
			case 'w':
				dt_opt.destructive = 1;
				flags |= DT_C_DESTRUCTIVE;
				add_xopt("destructive");
				break;
			case 'x': {
				char *eq = strchr(optarg, '=');
				char what[512];

				if (eq)
					*eq = '\0';
				/* DTrace names the option, not its value */
				snprintf(what, sizeof(what), "-x %s", optarg);
				set_opt(optarg, eq ? eq + 1 : NULL, what);
				if (eq)
					*eq = '=';
				add_xopt(optarg);
				break;
			}
			case 'Z':
				dt_opt.zdefs = 1;
				flags |= DT_C_ZDEFS;
				break;
			case ':':
				fprintf(stderr, "%s: option requires an "
					"argument -- %c\n", dt_pname, optopt);
				return usage(stderr);
			default:
				fprintf(stderr, "%s: illegal option -- %c\n",
					dt_pname, optopt);
				return usage(stderr);
			}
		}
		if (optind < argc)
			margv[margc++] = argv[optind];
	}
	margv[margc] = NULL;

	if (nmodes > 1) {
		fprintf(stderr, "%s: only one of the [-GhlV] options can be "
			"specified at a time\n", dt_pname);
		return E_USAGE;
	}
	if (mode_vers) {
		printf("%s: Sun D 1.13 (dtrace for Linux %s)\n", dt_pname,
		       DTRACE_VERSION_STRING);
		return E_SUCCESS;
	}
	if (dt_opt.errtags)
		flags |= DT_C_ERRTAGS;
	if (dt_opt.zdefs)
		flags |= DT_C_ZDEFS;
	if (dt_opt.cpp)
		flags |= DT_C_CPP;
	if (dt_opt.destructive)
		flags |= DT_C_DESTRUCTIVE;
	if (dt_opt.quiet)
		flags |= DT_C_QUIET;

	if (ofile && (dt_out = fopen(ofile, "a")) == NULL) {
		dt_out = stdout;
		dt_fatal("failed to open output file '%s': %s\n", ofile,
		      strerror(errno));
	}

	/* -l: list probes; descriptions alone need no compiler. */
	if (mode_list) {
		struct dtrace_probedesc *descs;
		int nd = 0, fd, rc;

		descs = dt_xzalloc(sizeof(*descs) * (ncmds * 8 + 1));
		fd = dt_dev_open();
		for (i = 0; i < ncmds; i++) {
			struct cmd *cm = &cmds[i];
			static const int sp[] = {
				[K_NAME] = DT_SPEC_NAME,
				[K_FUNC] = DT_SPEC_FUNC,
				[K_MOD] = DT_SPEC_MOD,
				[K_PROV] = DT_SPEC_PROVIDER, [K_ID] = -1,
			};
			int j;

			if (cm->kind != K_FILE && !strpbrk(cm->arg, "{/;,")) {
				if (dt_pdesc_parse(cm->arg, sp[cm->kind],
						   &descs[nd]) < 0)
					dt_fatal("invalid probe specifier %s: "
					      "invalid probe description\n",
					      cm->arg);
				nd++;
				continue;
			}
			cm->text = cm->kind == K_FILE ? read_file(cm->arg) :
				spec_to_d(cm->arg, cm->kind);
			compile_one(cm, target, flags | DT_C_ZDEFS, NULL);
			descs = realloc(descs, sizeof(*descs) *
					(nd + cm->prog->nclauses + 1));
			if (descs == NULL)
				dt_nomem();
			for (j = 0; j < cm->prog->nclauses; j++)
				descs[nd++] = cm->prog->clauses[j].desc;
		}
		if (ncmds == 0)
			nd = 0;
		dt_fbt_supply(fd, descs, nd);
		dt_sdt_supply(fd, descs, nd);
		rc = dt_list_probes(fd, descs, nd, verbose);
		if (ncmds && nd == 0)
			rc = 0;
		fflush(dt_out);
		return rc;
	}

	memset(&run, 0, sizeof(run));
	run.child_go = -1;
	if (pidarg) {
		char *end;

		errno = 0;
		target = strtol(pidarg, &end, 10);
		if (errno || end == pidarg || *end || target <= 0)
			dt_fatal("invalid pid: %s\n", pidarg);
		if (kill((pid_t)target, 0) < 0 && errno == ESRCH)
			dt_fatal("failed to grab pid %ld: no such process\n",
			      target);
		run.grabbed = (pid_t)target;
	}
	if (ccmd) {
		run.child = create_child(ccmd, &run.child_go);
		target = run.child;
	}

	if (ncmds == 0) {
		if (run.child > 0)
			kill(run.child, SIGKILL);
		dt_fatal("no probes specified\n");
	}

	for (i = 0; i < ncmds; i++) {
		struct cmd *cm = &cmds[i];

		if (cm->kind == K_FILE) {
			cm->text = read_file(cm->arg);
			cm->name = cm->arg;
		} else {
			size_t n = strcspn(cm->arg, "{/;");

			cm->text = spec_to_d(cm->arg, cm->kind);
			cm->name = dt_xzalloc(n + 1);
			memcpy(cm->name, cm->arg, n);
		}
		/* what earlier programs declared is known, as in DTrace */
		prelude = i ? join_programs(i) : NULL;
		compile_one(cm, target, flags, prelude);
		free(prelude);
		/* the prelude compiles to the earlier programs' statements */
		cm->nstmts = cm->prog->nstmts - before;
		before += cm->nstmts;
		apply_pragmas(cm->prog, cm->name);
	}

	firsts = dt_xzalloc(sizeof(int) * ncmds);
	if (ncmds == 1)
		run.prog = cmds[0].prog;
	else
		run.prog = merge(target, flags, firsts);
	dt_desc_argtype_done();
	run.nsources = ncmds;
	run.sources = dt_xzalloc(sizeof(*run.sources) * ncmds);
	for (i = 0; i < ncmds; i++) {
		run.sources[i].desc = cmds[i].kind == K_FILE ? "script" :
			"description";
		run.sources[i].name = cmds[i].name;
		run.sources[i].spec = cmds[i].arg;
		run.sources[i].first_stmt = ncmds == 1 ? 0 : firsts[i];
		run.sources[i].nstmts = ncmds == 1 ? run.prog->nstmts :
			cmds[i].nstmts;
	}

	if (print_dif)
		dt_disassemble(stderr, run.prog);
	if (exec_only) {
		if (run.child > 0)
			kill(run.child, SIGKILL);
		return E_SUCCESS;
	}

	run.verbose = verbose;
	run.fd = dt_dev_open();
	{
		struct dtrace_probedesc *d;
		int j, nc = run.prog->nclauses;

		d = dt_xzalloc(sizeof(*d) * (nc + 1));
		for (j = 0; j < nc; j++)
			d[j] = run.prog->clauses[j].desc;
		/* n == 0 would mean "all": no clause, nothing to supply */
		if (nc) {
			dt_fbt_supply(run.fd, d, nc);
			dt_sdt_supply(run.fd, d, nc);
		}
		free(d);
	}
	i = dt_consume_run(&run);
	fflush(dt_out);
	if (dt_out != stdout)
		fclose(dt_out);
	return i;
}
