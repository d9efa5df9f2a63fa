# Third-party libraries, as targets named cadenced_dep_*.
#
# With CADENCED_STATIC_DEPS (the default outside sanitizer builds) the
# libraries are linked into the executable instead of loaded at run time:
# every `cadenced --export` would otherwise spend more time in the dynamic
# loader (24 libraries, 20,000 relocations) than on the export itself, and
# the daemon would carry their relocated pages. libc and libm stay shared;
# libsystemd is loaded only under systemd (daemon/service/libsystemd.cpp).

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)

# The static archive `name` (libname.a) from the system library directories.
function(cadenced_find_static out name)
  find_library(${out} NAMES lib${name}.a REQUIRED NO_CACHE)
  set(${out} ${${out}} PARENT_SCOPE)
endfunction()

# toml++: the parser is compiled once, in config/toml_implementation.cpp.
add_library(cadenced_dep_toml INTERFACE)
target_include_directories(cadenced_dep_toml SYSTEM INTERFACE $<TARGET_PROPERTY:tomlplusplus::tomlplusplus,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_definitions(cadenced_dep_toml INTERFACE TOML_HEADER_ONLY=0)

# spdlog and fmt used from their headers.
add_library(cadenced_dep_spdlog INTERFACE)
target_compile_definitions(cadenced_dep_spdlog INTERFACE SPDLOG_FMT_EXTERNAL FMT_HEADER_ONLY=1)
target_link_libraries(cadenced_dep_spdlog INTERFACE Threads::Threads)

find_package(OpenSSL REQUIRED)
# For the tests, which make keys: the executable loads libcrypto at run time.
add_library(cadenced_dep_crypto INTERFACE)
target_link_libraries(cadenced_dep_crypto INTERFACE OpenSSL::Crypto)

add_library(cadenced_dep_libical INTERFACE)
add_library(cadenced_dep_sqlite INTERFACE)
add_library(cadenced_dep_zlib INTERFACE)
if(CADENCED_STATIC_DEPS)
  set(Boost_USE_STATIC_LIBS ON)
  cadenced_find_static(ical_a ical)
  cadenced_find_static(icui18n_a icui18n)
  cadenced_find_static(icuuc_a icuuc)
  cadenced_find_static(icudata_a icudata)
  cadenced_find_static(sqlite3_a sqlite3)
  cadenced_find_static(z_a z)
  target_include_directories(cadenced_dep_libical SYSTEM INTERFACE ${LIBICAL_INCLUDE_DIRS})
  # libical needs ICU only for RSCALE recurrences; its code is linked in,
  # its 30 MB of data stay in the shared libicudata, mapped but untouched.
  target_link_libraries(cadenced_dep_libical INTERFACE ${ical_a} ${icui18n_a} ${icuuc_a} ${icudata_a}
                        Threads::Threads ${CMAKE_DL_LIBS} m)
  target_link_libraries(cadenced_dep_sqlite INTERFACE ${sqlite3_a} Threads::Threads ${CMAKE_DL_LIBS} m)
  target_include_directories(cadenced_dep_sqlite SYSTEM INTERFACE ${SQLite3_INCLUDE_DIRS})
  target_link_libraries(cadenced_dep_zlib INTERFACE ${z_a})

  target_include_directories(cadenced_dep_zlib SYSTEM INTERFACE ${ZLIB_INCLUDE_DIRS})
else()
  target_link_libraries(cadenced_dep_libical INTERFACE PkgConfig::LIBICAL)
  target_link_libraries(cadenced_dep_sqlite INTERFACE SQLite::SQLite3)
  target_link_libraries(cadenced_dep_zlib INTERFACE ZLIB::ZLIB)
endif()
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)

# For the executables: libstdc++ and libgcc built in too, and code nothing
# calls left out (most of ICU, which libical links for RSCALE only), so
# that fewer pages are mapped in when the code that runs is faulted in.
# Linked at a fixed address (-no-pie): the loader then has some 300
# relocations to apply at start rather than 19,000, each one a write that
# dirties a page; a one-off export is short enough for that to show.
function(cadenced_static_runtime target)
  if(CADENCED_STATIC_DEPS)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc -Wl,--gc-sections -no-pie)
  endif()
endfunction()
