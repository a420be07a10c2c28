// libFuzzer's driver, for a fuzz target that has a main of its own (SwiftPM gives every
// executable one). Defined by the fuzzer runtime that -sanitize=fuzzer links in.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
