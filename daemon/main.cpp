#include "daemon/cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return cadenced::cli::run_cli(argc, argv, std::cout, std::cerr, cadenced::cli::environment::from_process());
}
