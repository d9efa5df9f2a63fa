// toml++'s parser, compiled once into this library (TOML_HEADER_ONLY=0
// everywhere else) instead of being loaded from libtomlplusplus.so.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
