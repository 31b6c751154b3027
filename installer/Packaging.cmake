# Desktop integration files and the CPack .deb (cpack -G DEB in the build folder).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.zconsole.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.zconsole.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.zconsole.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME zconsole)
set(CPACK_PACKAGE_VENDOR "zconsole developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Console and offline credential manager for Zscaler tenants")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_CONTACT "zconsole maintainers <zconsole@example.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dlopen()ed at run time, so invisible to dpkg-shlibdeps:
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
include(CPack)

if(BUILD_TESTING)
  find_program(ZC_DESKTOP_VALIDATE desktop-file-validate)
  find_program(ZC_APPSTREAMCLI appstreamcli)
  if(ZC_DESKTOP_VALIDATE)
    add_test(NAME metadata_desktop_file
             COMMAND ${ZC_DESKTOP_VALIDATE} ${CMAKE_CURRENT_LIST_DIR}/io.github.zconsole.desktop)
  endif()
  if(ZC_APPSTREAMCLI)
    add_test(NAME metadata_appstream
             COMMAND ${ZC_APPSTREAMCLI} validate --no-net ${CMAKE_CURRENT_LIST_DIR}/io.github.zconsole.metainfo.xml)
  endif()
  add_test(NAME installer_idempotent COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/setup-debian.sh --dry-run)
  set_tests_properties(installer_idempotent PROPERTIES PASS_REGULAR_EXPRESSION "all [0-9]+ packages present")
endif()
