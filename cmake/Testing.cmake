# zc_add_test(<name> SOURCES <files...> [LIBS <targets...>] [NO_KEYRING] [XVFB]
#             [TIMEOUT <s>] [LABELS <labels...>] [ARGS <args...>])
# Builds one Qt Test executable and registers it with CTest, run through
# tests/run-isolated.sh: throw-away HOME, private D-Bus + unlocked gnome-keyring (unless
# NO_KEYRING), offscreen Qt (or Xvfb with XVFB).
find_program(ZC_DBUS_RUN_SESSION dbus-run-session REQUIRED)
find_program(ZC_GNOME_KEYRING gnome-keyring-daemon REQUIRED)

function(zc_add_test name)
  cmake_parse_arguments(T "NO_KEYRING;XVFB" "TIMEOUT" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE zconsole_options Qt6::Test ${T_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    ZC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ZC_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
    ZC_BINARY_DIR="${PROJECT_BINARY_DIR}")
  zc_register_test(${name} $<TARGET_FILE:${name}> ${ARGN})
endfunction()

# zc_register_test(<name> <command> [NO_KEYRING] [XVFB] [TIMEOUT s] [LABELS ...] [ARGS ...])
function(zc_register_test name command)
  cmake_parse_arguments(T "NO_KEYRING;XVFB" "TIMEOUT" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
  set(_wrap ${PROJECT_SOURCE_DIR}/tests/run-isolated.sh)
  if(T_NO_KEYRING)
    list(APPEND _wrap --no-keyring)
  endif()
  if(T_XVFB)
    list(APPEND _wrap --xvfb)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  add_test(NAME ${name} COMMAND sh ${_wrap} ${command} ${T_ARGS})
  # A QSKIP ("SKIP   : Class::function() reason") makes the whole test "Skipped", not passed;
  # .ci/run fails on any skipped test that is not in its allow-list.
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
    SKIP_REGULAR_EXPRESSION "SKIP   : "
    ENVIRONMENT "ZC_BINARY_DIR=${PROJECT_BINARY_DIR};ASAN_OPTIONS=detect_leaks=0")
  # Benchmarks measure wall time: never run them beside other tests.
  if("bench" IN_LIST T_LABELS)
    set_tests_properties(${name} PROPERTIES RUN_SERIAL TRUE)
  endif()
endfunction()
