// kclint entry point.
#include "analyzer/cli.h"

int main(int argc, char** argv) { return kclint::cli_main(argc, argv); }
