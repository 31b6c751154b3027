if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.25) # policies (IN_LIST) when run with cmake -P
endif()
# zc_test_folders(<out-var> <dir> [FIRST <folders...>] [DATA <folders...>])
# Every subfolder of <dir> holding tests must have a CMakeLists.txt: a folder without one is a
# configure error (its tests would silently never run). DATA folders (fixtures) are exempt;
# FIRST folders come first in the result. Usable in script mode (cmake -P) too.
function(zc_test_folders out dir)
  cmake_parse_arguments(F "" "" "FIRST;DATA" ${ARGN})
  file(GLOB _entries LIST_DIRECTORIES true RELATIVE ${dir} ${dir}/*)
  list(SORT _entries)
  set(_result ${F_FIRST})
  foreach(_d IN LISTS _entries)
    if(IS_DIRECTORY ${dir}/${_d} AND NOT _d IN_LIST F_DATA AND NOT _d IN_LIST F_FIRST)
      list(APPEND _result ${_d})
    endif()
  endforeach()
  foreach(_d IN LISTS _result)
    if(NOT EXISTS ${dir}/${_d}/CMakeLists.txt)
      message(FATAL_ERROR "${dir}/${_d}/ has no CMakeLists.txt: its tests would never run. "
                          "Add one, or name the folder as DATA in its parent's zc_test_folders() if it holds no tests.")
    endif()
  endforeach()
  set(${out} ${_result} PARENT_SCOPE)
endfunction()

# cmake -DZC_CHECK_DIR=<dir> -P cmake/TestFolders.cmake: the same check on its own (build_guards).
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED ZC_CHECK_DIR)
  zc_test_folders(_f ${ZC_CHECK_DIR})
  message(STATUS "test folders: ${_f}")
endif()
