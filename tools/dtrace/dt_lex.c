// SPDX-License-Identifier: GPL-2.0
/*
 * dt_lex.c - the D lexer: tokens, comments, #pragma and cpp line markers,
 * macro variables ($1..$9, $$1, $pid, $target, ...), integer, character
 * and string constants, and raw probe descriptions at the top level.
 *
 * The parser pulls one token at a time through dt_lex_next(); at the top
 * level, before a clause, it calls dt_lex_pdesc_start() which decides
 * whether a probe description or a declaration follows.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_cc.h"

static const struct {
	const char *s;
	int op;
} ops[] = {
	{ "...", OP_ELLIPSIS }, { "<<=", OP_SHL_EQ }, { ">>=", OP_SHR_EQ },
	{ "->", OP_ARROW }, { "++", OP_INC }, { "--", OP_DEC },
	{ "<<", OP_SHL }, { ">>", OP_SHR }, { "<=", OP_LE }, { ">=", OP_GE },
	{ "==", OP_EQ }, { "!=", OP_NE }, { "&&", OP_LAND }, { "||", OP_LOR },
	{ "^^", OP_LXOR }, { "+=", OP_ADD_EQ }, { "-=", OP_SUB_EQ },
	{ "*=", OP_MUL_EQ }, { "/=", OP_DIV_EQ }, { "%=", OP_MOD_EQ },
	{ "&=", OP_AND_EQ }, { "|=", OP_OR_EQ }, { "^=", OP_XOR_EQ },
	{ "(", OP_LPAR }, { ")", OP_RPAR }, { "[", OP_LBRACK },
	{ "]", OP_RBRACK }, { "{", OP_LBRACE }, { "}", OP_RBRACE },
	{ ",", OP_COMMA }, { ";", OP_SEMI }, { ":", OP_COLON },
	{ "?", OP_QUEST }, { ".", OP_DOT }, { "+", OP_PLUS }, { "-", OP_MINUS },
	{ "*", OP_STAR }, { "/", OP_SLASH }, { "%", OP_MOD }, { "&", OP_AMP },
	{ "|", OP_BOR }, { "^", OP_XOR }, { "~", OP_TILDE }, { "!", OP_NOT },
	{ "<", OP_LT }, { ">", OP_GT }, { "=", OP_ASSIGN },
};

const char *dt_op_name(int op)
{
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].op == op)
			return ops[i].s;
	switch (op) {
	case OP_NEG:
		return "-";
	case OP_POS:
		return "+";
	case OP_DEREF:
		return "*";
	case OP_ADDROF:
		return "&";
	case OP_PREINC:
	case OP_POSTINC:
		return "++";
	case OP_PREDEC:
	case OP_POSTDEC:
		return "--";
	}
	return "?";
}

void dt_lex_init(struct dt_cc *cc)
{
	cc->p = cc->src;
	cc->line = 1;
	cc->npeek = 0;
	cc->parens = 0;
	cc->brackets = 0;
	memset(&cc->tok, 0, sizeof(cc->tok));
	/* "#!/usr/sbin/dtrace -s" first line */
	if (cc->p[0] == '#' && cc->p[1] == '!') {
		while (*cc->p && *cc->p != '\n')
			cc->p++;
	}
}

uint64_t dt_lex_strtoull(const char *s, int base, int *ovf)
{
	uint64_t v = 0;
	int d;

	*ovf = 0;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			d = *s - '0';
		else if (isxdigit((unsigned char)*s))
			d = tolower((unsigned char)*s) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (UINT64_MAX - d) / base)
			*ovf = 1;
		v = v * base + d;
	}
	return v;
}

/* Skip white space, comments and preprocessor lines. */
static void skip_ws(struct dt_cc *cc)
{
	const char *p;
	int bol;

	for (;;) {
		p = cc->p;
		if (*p == '\n') {
			cc->line++;
			cc->p++;
			continue;
		}
		if (isspace((unsigned char)*p)) {
			cc->p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*' && cc->pred_ok) {
			/*
			 * After a probe description a slash-star may open a
			 * predicate that starts with a dereference: it is a
			 * comment only if star-slash closes it before '{'.
			 */
			const char *ce = strstr(p + 2, "*/");
			const char *br = strchr(p + 2, '{');

			if (!ce || (br && br < ce))
				return;
		}
		if (p[0] == '/' && p[1] == '*') {
			/* DTrace's messages, at the line where it stops */
			p += 2;
			while (*p && !(p[0] == '*' && p[1] == '/')) {
				if (*p == '\n')
					cc->line++;
				if (p[0] == '/' && p[1] == '*')
					dt_cc_error(cc, cc->line, D_SYNTAX,
						    "/* encountered inside a comment");
				p++;
			}
			if (!*p)
				dt_cc_error(cc, cc->line, D_SYNTAX,
					    "end-of-file encountered before matching */");
			cc->p = p + 2;
			continue;
		}
		if (p[0] == '\\' && p[1] == '\n') {
			/* a backslash-newline between tokens is white space */
			cc->line++;
			cc->p += 2;
			continue;
		}
		if (p[0] == '/' && p[1] == '/' && !cc->pred_ok) {
			while (*p && *p != '\n')
				p++;
			cc->p = p;
			continue;
		}
		if (*p == '#') {
			/* only at the beginning of a line (after blanks) */
			const char *q = p;

			bol = 1;
			while (q > cc->src && q[-1] != '\n') {
				q--;
				if (!isspace((unsigned char)*q)) {
					bol = 0;
					break;
				}
			}
			if (!bol)
				return;
			{
				const char *e = p;
				char *text;
				int line = cc->line;

				while (*e && *e != '\n') {
					/* backslash continuation */
					if (e[0] == '\\' && e[1] == '\n') {
						e += 2;
						cc->line++;
						continue;
					}
					e++;
				}
				text = dt_strndup(cc, p + 1, e - p - 1);
				cc->p = e;
				dt_pragma(cc, text, line);
			}
			continue;
		}
		return;
	}
}

static int macro_arg(struct dt_cc *cc, int n, const char **val)
{
	const struct dt_compile_opts *o = cc->opts;

	if (n < o->argc) {
		*val = o->argv[n];
		if (n < 32)
			cc->macro_used |= 1u << n;
		return 1;
	}
	if (cc->defaultargs) {
		*val = NULL;
		return 1;
	}
	return 0;
}

static int is_integer_text(const char *s)
{
	char *end;

	if (!*s)
		return 0;
	if (*s == '-' || *s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	strtoull(s, &end, 0);
	return *end == '\0';
}

static int is_ident_text(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* Value of a named macro variable ($pid, $target ...). */
static int macro_named(struct dt_cc *cc, const char *name, int64_t *v)
{
	if (!strcmp(name, "pid"))
		*v = getpid();
	else if (!strcmp(name, "ppid"))
		*v = getppid();
	else if (!strcmp(name, "uid"))
		*v = getuid();
	else if (!strcmp(name, "gid"))
		*v = getgid();
	else if (!strcmp(name, "euid"))
		*v = geteuid();
	else if (!strcmp(name, "egid"))
		*v = getegid();
	else if (!strcmp(name, "pgid"))
		*v = getpgrp();
	else if (!strcmp(name, "sid"))
		*v = getsid(0);
	else if (!strcmp(name, "target")) {
		if (cc->opts->target_pid < 0)
			dt_cc_error(cc, cc->line, D_MACRO_UNDEF,
				    "macro variable $target is not defined");
		*v = cc->opts->target_pid;
	} else
		return 0;
	return 1;
}

static void set_int(struct dt_token *t, uint64_t v)
{
	t->kind = T_INT;
	t->ival = v;
	t->isuns = 0;
	t->islong = v > 0x7fffffff;
}

/* $N, $$N, $name at p (pointing at '$'); fills t. */
static const char *lex_macro(struct dt_cc *cc, const char *p,
			     struct dt_token *t)
{
	int dollar2 = p[1] == '$';
	const char *q = p + 1 + dollar2;
	const char *val;
	char name[64];
	size_t n = 0;
	int64_t v;

	if (isdigit((unsigned char)*q)) {
		int num = 0;

		while (isdigit((unsigned char)*q))
			num = num * 10 + (*q++ - '0');
		if (!macro_arg(cc, num, &val))
			dt_cc_error(cc, cc->line, D_MACRO_UNDEF,
				    "macro argument %.*s is not defined",
				    (int)(q - p), p);
		if (dollar2) {
			t->kind = T_STR;
			t->str = dt_strdup(cc, val ? val : "");
			t->len = strlen(t->str);
			return q;
		}
		if (!val) {
			set_int(t, 0);
			return q;
		}
		if (is_integer_text(val)) {
			int neg = *val == '-';

			v = (int64_t)strtoull(val + (neg || *val == '+'),
					      NULL, 0);
			set_int(t, neg ? (uint64_t)-v : (uint64_t)v);
			if (neg)
				t->islong = 1;
			return q;
		}
		if (is_ident_text(val)) {
			t->kind = T_IDENT;
			t->str = dt_strdup(cc, val);
			return q;
		}
		/* anything else is a string in DTrace's -n "$1" usage */
		t->kind = T_STR;
		t->str = dt_strdup(cc, val);
		t->len = strlen(val);
		return q;
	}
	while ((isalnum((unsigned char)*q) || *q == '_') && n < sizeof(name) - 1)
		name[n++] = *q++;
	name[n] = '\0';
	if (!n || !macro_named(cc, name, &v))
		dt_cc_error(cc, cc->line, D_MACRO_UNDEF,
			    "macro variable $%s is not defined", name);
	if (dollar2) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%lld", (long long)v);
		t->kind = T_STR;
		t->str = dt_strdup(cc, buf);
		t->len = strlen(buf);
	} else {
		set_int(t, (uint64_t)v);
	}
	return q;
}

static int escape(const char **pp)
{
	const char *p = *pp;
	int c = *p++;
	int v, i;

	switch (c) {
	case 'n': c = '\n'; break;
	case 't': c = '\t'; break;
	case 'r': c = '\r'; break;
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'v': c = '\v'; break;
	case '\\': case '\'': case '"': case '?':
		break;
	case 'x':
		v = 0;
		for (i = 0; i < 2 && isxdigit((unsigned char)*p); i++, p++)
			v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' :
				      tolower((unsigned char)*p) - 'a' + 10);
		c = v;
		break;
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7':
		v = c - '0';
		for (i = 0; i < 2 && *p >= '0' && *p <= '7'; i++, p++)
			v = v * 8 + (*p - '0');
		c = v;
		break;
	default:
		break;		/* unknown escapes stand for themselves */
	}
	*pp = p;
	return c;
}

/* Does a '/' before p close a predicate?  Yes if '{' or the end follows. */
static int pred_end(const char *p)
{
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (p[0] == '/' && p[1] == '*') {
			p = strstr(p + 2, "*/");
			if (!p)
				return 1;
			p += 2;
			continue;
		}
		if (p[0] == '/' && p[1] == '/') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		break;
	}
	return *p == '{' || *p == '\0' || *p == ';' || *p == '}';
}

/*
 * Parentheses and brackets are counted as they are read, as DTrace's lexer
 * does: a closing one without an opening one is an error of the lexer, and
 * so is a '/' that ends a predicate (white space, then ';', '{', '/' or
 * the end) while one is still open.
 */
static void count_nesting(struct dt_cc *cc, const struct dt_token *t)
{
	const char *p = t->end;

	switch (t->op) {
	case OP_LPAR:
		cc->parens++;
		break;
	case OP_RPAR:
		if (--cc->parens < 0)
			dt_cc_error(cc, t->line, D_SYNTAX,
				    "extra ) in input stream");
		break;
	case OP_LBRACK:
		cc->brackets++;
		break;
	case OP_RBRACK:
		if (--cc->brackets < 0)
			dt_cc_error(cc, t->line, D_SYNTAX,
				    "extra ] in input stream");
		break;
	case OP_SLASH:
		while (*p && strchr("\f\n\r\t\v ", *p))
			p++;
		if (*p && *p != ';' && *p != '{' && *p != '/')
			break;
		if (cc->parens)
			dt_cc_error(cc, t->line, D_SYNTAX,
				    "closing ) expected in predicate before /");
		if (cc->brackets)
			dt_cc_error(cc, t->line, D_SYNTAX,
				    "closing ] expected in predicate before /");
		break;
	}
}

static void lex_one(struct dt_cc *cc, struct dt_token *t)
{
	const char *p;
	size_t i;

	memset(t, 0, sizeof(*t));
	skip_ws(cc);
	p = cc->p;
	t->line = cc->line;
	t->start = p;
	if (!*p) {
		t->kind = T_EOF;
		t->end = p;
		return;
	}
	if (*p == '$') {
		cc->p = lex_macro(cc, p, t);
		t->end = cc->p;
		return;
	}
	if (isalpha((unsigned char)*p) || *p == '_' ||
	    (*p == '`' && (isalpha((unsigned char)p[1]) || p[1] == '_'))) {
		const char *q = p + 1;

		/* D's scoped names: `sym and mod`sym (kernel symbols) */
		for (;;) {
			while (isalnum((unsigned char)*q) || *q == '_')
				q++;
			if (*q != '`' || !(isalpha((unsigned char)q[1]) ||
					   q[1] == '_'))
				break;
			q++;
		}
		t->kind = T_IDENT;
		t->str = dt_strndup(cc, p, q - p);
		cc->p = q;
		t->end = q;
		return;
	}
	if (*p == '@') {
		const char *q = p + 1;

		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		t->kind = T_AGG;
		t->str = dt_strndup(cc, p, q - p);
		cc->p = q;
		t->end = q;
		return;
	}
	if (isdigit((unsigned char)*p) ||
	    (*p == '.' && isdigit((unsigned char)p[1]))) {
		const char *q = p, *e;
		int base = 10, ovf, u = 0, l = 0;
		size_t ilen, flen;
		uint64_t v;

		/*
		 * DTrace's lexer takes the longer of an integer
		 * ([0-9]+ or 0x[0-9a-f]+, then [uU]?[lL]?[lL]?) and a
		 * floating-point constant ([0-9]+.?[0-9]* or .[0-9]+, an
		 * exponent, [fFlL]?), the integer on a tie; what follows the
		 * token is lexed on its own (an identifier, which the parser
		 * refuses: "0x1g", "1lu").
		 */
		e = p;
		if (e[0] == '0' && (e[1] == 'x' || e[1] == 'X') &&
		    isxdigit((unsigned char)e[2])) {
			base = 16;
			for (e += 2; isxdigit((unsigned char)*e); e++)
				;
		} else {
			while (isdigit((unsigned char)*e))
				e++;
			if (p[0] == '0')
				base = 8;
		}
		if (*e == 'u' || *e == 'U')
			e++, u++;
		if (*e == 'l' || *e == 'L')
			e++, l++;
		if (*e == 'l' || *e == 'L')
			e++, l++;
		ilen = e - p;
		q = p;
		if (*q == '.') {
			for (q++; isdigit((unsigned char)*q); q++)
				;
		} else {
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '.')
				q++;
			while (isdigit((unsigned char)*q))
				q++;
		}
		if (*q == 'e' || *q == 'E') {
			const char *x = q + 1;

			if (*x == '+' || *x == '-')
				x++;
			if (isdigit((unsigned char)*x)) {
				while (isdigit((unsigned char)*x))
					x++;
				q = x;
			}
		}
		if (*q && strchr("fFlL", *q))
			q++;
		flen = q - p;
		if (flen > ilen)
			dt_cc_error(cc, cc->line, D_SYNTAX,
				    "floating-point constants are not permitted");
		q = base == 16 ? p + 2 : p;
		v = dt_lex_strtoull(q, base, &ovf);
		if (ovf)
			dt_cc_error(cc, cc->line, D_INT_OFLOW,
				    "constant %.*s results in integer overflow",
				    (int)ilen, p);
		while (base == 16 ? isxdigit((unsigned char)*q) :
		       isdigit((unsigned char)*q)) {
			if (base == 8 && (*q == '8' || *q == '9'))
				dt_cc_error(cc, cc->line, D_INT_DIGIT,
					    "constant %.*s contains invalid digit %c",
					    (int)ilen, p, *q);
			q++;
		}
		q = e;
		t->kind = T_INT;
		t->ival = v;
		/* C's rules for the type of an integer constant */
		t->isuns = u;
		t->islong = l;
		if (!l && v > (u || base != 10 ? 0xffffffffULL : 0x7fffffffULL))
			t->islong = 1;
		if (!u && v > 0x7fffffff && v <= 0xffffffff && base != 10 &&
		    !l)
			t->isuns = 1, t->islong = 0;
		if (!u && v > 0x7fffffffffffffffULL)
			t->isuns = 1;
		cc->p = q;
		t->end = q;
		return;
	}
	if (*p == '\'') {
		const char *q = p + 1;
		uint64_t v = 0;
		int n = 0, c;

		while (*q && *q != '\'') {
			if (*q == '\n')
				dt_cc_error(cc, cc->line + 1, D_CHR_NL,
					    "newline encountered in character constant");
			if (q[0] == '\\' && q[1] == '\n')
				dt_cc_error(cc, cc->line, D_SYNTAX,
					    "syntax error near \"'\"");
			if (*q == '\\') {
				q++;
				c = escape(&q);
			} else {
				c = (unsigned char)*q++;
			}
			v = (v << 8) | (c & 0xff);
			n++;
		}
		if (!*q)
			dt_cc_error(cc, cc->line, D_SYNTAX,
				    "end-of-file encountered in character constant");
		if (n == 0)
			dt_cc_error(cc, cc->line, D_CHR_NULL,
				    "empty character constant");
		if (n > 8)
			dt_cc_error(cc, cc->line, D_CHR_OFLOW,
				    "character constant is too long");
		if (n == 1)
			v = (uint64_t)(int64_t)(signed char)v;
		t->kind = T_INT;
		t->ival = v;
		t->ischar = 1;
		cc->p = q + 1;
		t->end = cc->p;
		return;
	}
	if (*p == '"') {
		const char *q = p + 1;
		size_t cap = 64, n = 0;
		char *s = malloc(cap);
		int c;

		if (!s)
			dt_cc_error(cc, cc->line, D_UNKNOWN, "out of memory");
		while (*q && *q != '"') {
			if (*q == '\n') {
				free(s);
				/* DTrace has read the newline: the next line */
				dt_cc_error(cc, cc->line + 1, D_STR_NL,
					    "newline encountered in string literal");
			}
			if (q[0] == '\\' && q[1] == '\n') {
				/*
				 * DTrace's lexer has no rule for a literal
				 * continued by backslash-newline (only cpp,
				 * with -C, joins the lines): its catch-all
				 * rule reports the opening quote.
				 */
				free(s);
				dt_cc_error(cc, cc->line, D_SYNTAX,
					    "syntax error near \"\"\"");
			}
			if (*q == '\\') {
				q++;
				c = escape(&q);
			} else {
				c = (unsigned char)*q++;
			}
			if (n + 2 > cap) {
				char *ns;

				cap *= 2;
				ns = realloc(s, cap);
				if (!ns) {
					free(s);
					dt_cc_error(cc, cc->line, D_UNKNOWN,
						    "out of memory");
				}
				s = ns;
			}
			s[n++] = (char)c;
		}
		if (!*q) {
			free(s);
			dt_cc_error(cc, cc->line, D_SYNTAX,
				    "end-of-file encountered in string literal");
		}
		s[n] = '\0';
		t->kind = T_STR;
		t->str = dt_strndup(cc, s, n);
		t->len = n;
		free(s);
		cc->p = q + 1;
		t->end = cc->p;
		return;
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i].s);

		if (!strncmp(p, ops[i].s, n)) {
			t->kind = T_OP;
			t->op = ops[i].op;
			cc->p = p + n;
			t->end = cc->p;
			if (t->op == OP_SLASH && cc->in_pred)
				t->epred = pred_end(cc->p);
			count_nesting(cc, t);
			return;
		}
	}
	if (*p == '`')
		dt_cc_error(cc, cc->line, D_SYM_BADREF,
			    "kernel symbol references (`) are not supported");
	dt_cc_error(cc, cc->line, D_SYNTAX, "syntax error near \"%c\"", *p);
}

const struct dt_token *dt_lex_peek(struct dt_cc *cc, int n)
{
	while (cc->npeek <= n)
		lex_one(cc, &cc->peek[cc->npeek++]);
	return &cc->peek[n];
}

void dt_lex_next(struct dt_cc *cc)
{
	if (cc->npeek) {
		cc->tok = cc->peek[0];
		memmove(cc->peek, cc->peek + 1,
			(cc->npeek - 1) * sizeof(cc->peek[0]));
		cc->npeek--;
		return;
	}
	lex_one(cc, &cc->tok);
}

void dt_tok_desc(const struct dt_token *t, char *buf, size_t len)
{
	switch (t->kind) {
	case T_EOF:
		snprintf(buf, len, "end of input");
		return;
	case T_STR:
		snprintf(buf, len, "\"%s\"", t->str);
		return;
	default:
		snprintf(buf, len, "\"%.*s\"", (int)(t->end - t->start),
			 t->start);
	}
}

/* Characters of a probe description (DTrace's set). */
static int pdesc_first(int c)
{
	return isalpha(c) || c == '_' || c == '-' || c == '$' || c == ':' ||
	       c == '.' || c == '?' || c == '*' || c == '\\' || c == '[' ||
	       c == ']' || c == '!';
}

static int pdesc_char(int c)
{
	return pdesc_first(c) || isdigit(c) || c == '`' || c == '^';
}

/*
 * At the top level with no token buffered: if a probe description
 * follows, read it into cc->tok as T_PDESC and return 1; return 0 if the
 * caller should lex normally (declaration, EOF, other).
 */
int dt_lex_pdesc_start(struct dt_cc *cc)
{
	static const char *const declkw[] = {
		"struct", "union", "enum", "typedef", "inline", "self",
		"this", "const", "volatile", "extern", "static", "register",
		"signed", "unsigned", "translator", "provider", NULL
	};
	const char *p, *q;
	char word[128], buf[1024];
	size_t n = 0, i;

	if (cc->npeek)
		return cc->peek[0].kind == T_PDESC;
	skip_ws(cc);
	p = cc->p;
	if (!*p || !pdesc_first((unsigned char)*p))
		return 0;
	for (q = p; (isalnum((unsigned char)*q) || *q == '_') &&
	     n < sizeof(word) - 1; q++)
		word[n++] = *q;
	word[n] = '\0';
	if (n && (*q != ':' && *q != '-' && *q != '*' && *q != '?' &&
		  *q != '[' && *q != '$' && *q != '.')) {
		for (i = 0; declkw[i]; i++)
			if (!strcmp(word, declkw[i]))
				return 0;
		if (dt_type_lookup(cc, word))
			return 0;
	}
	/* read the description, expanding macro variables */
	n = 0;
	memset(&cc->peek[0], 0, sizeof(cc->peek[0]));
	cc->peek[0].line = cc->line;
	cc->peek[0].start = p;
	while (*p && pdesc_char((unsigned char)*p)) {
		if (*p == '$') {
			struct dt_token mt;
			char tmp[64];
			const char *s;

			memset(&mt, 0, sizeof(mt));
			p = lex_macro(cc, p, &mt);
			if (mt.kind == T_INT) {
				snprintf(tmp, sizeof(tmp), "%lld",
					 (long long)mt.ival);
				s = tmp;
			} else {
				s = mt.str;
			}
			while (*s && n < sizeof(buf) - 1)
				buf[n++] = *s++;
			continue;
		}
		if (*p == '\\' && p[1]) {
			if (n < sizeof(buf) - 2) {
				buf[n++] = *p;
				buf[n++] = p[1];
			}
			p += 2;
			continue;
		}
		if (n < sizeof(buf) - 1)
			buf[n++] = *p;
		p++;
	}
	buf[n] = '\0';
	cc->p = p;
	cc->peek[0].kind = T_PDESC;
	cc->peek[0].str = dt_strdup(cc, buf);
	cc->peek[0].len = n;
	cc->peek[0].end = p;
	cc->npeek = 1;
	return 1;
}
