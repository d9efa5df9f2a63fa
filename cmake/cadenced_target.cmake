# Shared settings for every target of ours: C++20 and a strict warning set,
# applied per target so that third-party code is never built with them.
function(cadenced_target_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-qual -Wundef -Wimplicit-fallthrough -Wmissing-declarations)
  if(CADENCED_STATIC_DEPS)
    # One section per function, so the executable's --gc-sections can drop
    # what is never called.
    target_compile_options(${target} PRIVATE -ffunction-sections -fdata-sections)
  endif()
  if(CADENCED_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
