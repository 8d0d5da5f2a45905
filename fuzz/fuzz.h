/* libFuzzer entry points of the fuzz targets (fuzz/fuzz_*.c). Each target
 * defines LLVMFuzzerTestOneInput; fuzz/replay.c is a main() that feeds it
 * the files of corpus directories, so gcc builds replay the corpora. */
#ifndef ALQ_FUZZ_H
#define ALQ_FUZZ_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif
