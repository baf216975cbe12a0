#include <exception>
#include <iostream>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  try {
    return pmlint::app::run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "pmlint: internal error: " << error.what() << '\n';
    return pmlint::app::k_exit_error;
  }
}
