/* Probe-description glob matching: '*', '?', '[...]', '\' */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DTrace matches each field of a probe description against the probe's
 * name with shell-style patterns: '*' any string, '?' any character,
 * '[...]' a set with ranges (a-z) and '!' or '^' negation, '\' quotes
 * the next character.  An empty pattern matches anything.
 *
 * The matcher is iterative and remembers only the last '*' (the classic
 * greedy algorithm): its work is bounded by len(pattern) * len(string),
 * there is no recursion and no allocation.  Fields are bounded strings
 * (the caller checks the NUL inside the field).
 *
 * Owns: dtrace_glob_match, dtrace_glob_is_pattern, dtrace_desc_match.
 * Calls nothing.
 */

/*
 * Match the set starting at p (just after '[') against c.  Returns the
 * position after the closing ']' and sets *ok, or NULL if the set is not
 * terminated (then '[' is an ordinary character).
 */
static const char *dtrace_glob_set(const char *p, char c, bool *ok)
{
	bool neg = false, hit = false, first = true;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	for (;;) {
		char lo, hi;

		if (*p == '\0')
			return NULL;
		if (*p == ']' && !first)
			break;
		first = false;
		lo = *p++;
		if (lo == '\\') {
			if (*p == '\0')
				return NULL;
			lo = *p++;
		}
		hi = lo;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			hi = *p++;
			if (hi == '\\') {
				if (*p == '\0')
					return NULL;
				hi = *p++;
			}
		}
		if ((unsigned char)c >= (unsigned char)lo &&
		    (unsigned char)c <= (unsigned char)hi)
			hit = true;
	}
	*ok = hit != neg;
	return p + 1;
}

static bool dtrace_glob_match(const char *pat, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	if (*pat == '\0')
		return true;
	for (;;) {
		const char *np;
		bool ok;

		switch (*pat) {
		case '\0':
			if (*s == '\0')
				return true;
			goto backtrack;
		case '*':
			while (*pat == '*')
				pat++;
			if (*pat == '\0')
				return true;
			star_p = pat;
			star_s = s;
			continue;
		case '?':
			if (*s == '\0')
				return false;
			pat++;
			s++;
			continue;
		case '[':
			if (*s == '\0')
				return false;
			np = dtrace_glob_set(pat + 1, *s, &ok);
			if (!np) {
				/* An unterminated '[' is a literal. */
				if (*s != '[')
					goto backtrack;
				pat++;
				s++;
				continue;
			}
			if (!ok)
				goto backtrack;
			pat = np;
			s++;
			continue;
		case '\\':
			if (pat[1] != '\0')
				pat++;
			fallthrough;
		default:
			if (*s == '\0' || *s != *pat)
				goto backtrack;
			pat++;
			s++;
			continue;
		}
backtrack:
		if (!star_p || *star_s == '\0')
			return false;
		star_s++;
		pat = star_p;
		s = star_s;
	}
}

/* True if s contains a glob metacharacter (it is not a literal name). */
static bool dtrace_glob_is_pattern(const char *s)
{
	for (; *s; s++)
		if (*s == '*' || *s == '?' || *s == '[' || *s == '\\')
			return true;
	return false;
}

/* Does probe description pattern pat match the probe named d? */
static bool dtrace_desc_match(const struct dtrace_probedesc *pat,
			      const struct dtrace_probedesc *d)
{
	return dtrace_glob_match(pat->provider, d->provider) &&
	       dtrace_glob_match(pat->mod, d->mod) &&
	       dtrace_glob_match(pat->func, d->func) &&
	       dtrace_glob_match(pat->name, d->name);
}

/* All four fields of a description received from user space end in NUL. */
static bool dtrace_desc_terminated(const struct dtrace_probedesc *d)
{
	return dtrace_str_terminated(d->provider, sizeof(d->provider)) &&
	       dtrace_str_terminated(d->mod, sizeof(d->mod)) &&
	       dtrace_str_terminated(d->func, sizeof(d->func)) &&
	       dtrace_str_terminated(d->name, sizeof(d->name));
}
