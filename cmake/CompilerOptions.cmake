# One INTERFACE target carries the language level, the warnings and the Qt strictness.
add_library(zconsole_options INTERFACE)
target_compile_features(zconsole_options INTERFACE cxx_std_20)
target_compile_options(zconsole_options INTERFACE
  -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual -Wshadow=local)
target_compile_definitions(zconsole_options INTERFACE
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  ZCONSOLE_VERSION="${PROJECT_VERSION}")

option(ZCONSOLE_WERROR "Treat warnings as errors" OFF)
if(ZCONSOLE_WERROR)
  target_compile_options(zconsole_options INTERFACE -Werror)
endif()

# AddressSanitizer + UndefinedBehaviorSanitizer (the `asan` preset).
option(ZCONSOLE_SANITIZE "Build with ASan and UBSan" OFF)
if(ZCONSOLE_SANITIZE)
  target_compile_options(zconsole_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(zconsole_options INTERFACE -fsanitize=address,undefined)
endif()
