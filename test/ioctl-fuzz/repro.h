/* SPDX-License-Identifier: GPL-2.0 */
/*
 * repro.h - named reproducers of the fuzzer's findings (repro.c).
 */
#ifndef FUZZ_REPRO_H
#define FUZZ_REPRO_H

#include <stddef.h>

void repro_list(void);
/* Run case NAME against the device, or with save != NULL write its blob. */
int repro_run(const char *name, const char *save);
/* ENABLE/GO/STOP a blob read from a file. */
int repro_file(const char *path);
int repro_run_blob(const void *blob, size_t len);

#endif /* FUZZ_REPRO_H */
