// The system zlib (Debian zlib1g-dev): inflating gzip and deflate response bodies.
#include <zlib.h>
