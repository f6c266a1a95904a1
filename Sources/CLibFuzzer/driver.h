// libFuzzer's entry for programs with their own main (compiler-rt FuzzerInterface.h). Declared only: the symbol
// comes from libclang_rt.fuzzer_no_main, which scripts/fuzz.sh links into the fuzzing build of conform-fuzz.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
