# Desktop integration, documentation and the installers, made by CPack from the install rules:
# a .deb on Linux (`installer/package.sh`; an .rpm too where rpmbuild is installed), NSIS (or
# WiX: `cpack -G WIX`) on Windows, a DragNDrop .dmg on macOS.
set(ZC_APP_ID io.github.zconsole)
set(ZC_PKG_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ZC_PKG_BIN ${CMAKE_BINARY_DIR}/installer)

if(UNIX AND NOT APPLE)
  install(FILES ${ZC_PKG_DIR}/${ZC_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${ZC_PKG_DIR}/${ZC_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${ZC_PKG_DIR}/${ZC_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${ZC_PKG_DIR}/zconsole-cli.bash-completion
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME zconsole-cli)
  install(FILES ${ZC_PKG_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

  # Generated at build time (target zconsole_package_data, part of `all`): the PNG icons from
  # the SVG, the man pages from the programs' own --help, the compressed changelog.
  find_program(ZC_RSVG_CONVERT rsvg-convert)
  find_program(ZC_HELP2MAN help2man)
  find_program(ZC_GZIP gzip)
  set(_zc_generated)
  if(ZC_RSVG_CONVERT)
    foreach(size 16 24 32 48 64 128 256)
      set(_png ${ZC_PKG_BIN}/icons/${size}x${size}/${ZC_APP_ID}.png)
      add_custom_command(OUTPUT ${_png}
                         COMMAND ${CMAKE_COMMAND} -E make_directory ${ZC_PKG_BIN}/icons/${size}x${size}
                         COMMAND ${ZC_RSVG_CONVERT} -w ${size} -h ${size} -o ${_png} ${ZC_PKG_DIR}/${ZC_APP_ID}.svg
                         DEPENDS ${ZC_PKG_DIR}/${ZC_APP_ID}.svg VERBATIM)
      install(FILES ${_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
      list(APPEND _zc_generated ${_png})
    endforeach()
  else()
    message(WARNING "rsvg-convert (librsvg2-bin) not found: the package gets no PNG icons")
  endif()

  if(ZC_HELP2MAN AND ZC_GZIP)
    # HOME=~ so that the help's default config folder reads ~/.config/zconsole, not the builder's.
    set(_zc_help_env ${CMAKE_COMMAND} -E env HOME=~ QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0)
    set(_zc_man_zconsole "desktop console and offline credential manager for Zscaler tenants")
    set(_zc_man_zconsole-cli "command-line face of zconsole: Zscaler tenants, API credentials and APIs")
    foreach(prog zconsole zconsole-cli)
      set(_man ${ZC_PKG_BIN}/man/${prog}.1)
      add_custom_command(OUTPUT ${_man}.gz
                         COMMAND ${CMAKE_COMMAND} -E make_directory ${ZC_PKG_BIN}/man
                         COMMAND ${_zc_help_env} ${ZC_HELP2MAN} --no-info --section=1
                                 --name=${_zc_man_${prog}} --include=${ZC_PKG_DIR}/${prog}.h2m
                                 --output=${_man} $<TARGET_FILE:${prog}>
                         COMMAND ${ZC_GZIP} -9nf ${_man}
                         DEPENDS ${prog} ${ZC_PKG_DIR}/${prog}.h2m VERBATIM)
      install(FILES ${_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
      list(APPEND _zc_generated ${_man}.gz)
    endforeach()
  else()
    message(WARNING "help2man or gzip not found: the package gets no man pages")
  endif()

  if(ZC_GZIP)
    add_custom_command(OUTPUT ${ZC_PKG_BIN}/changelog.gz
                       COMMAND ${ZC_GZIP} -9nc ${ZC_PKG_DIR}/changelog > ${ZC_PKG_BIN}/changelog.gz
                       DEPENDS ${ZC_PKG_DIR}/changelog)
    install(FILES ${ZC_PKG_BIN}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
    list(APPEND _zc_generated ${ZC_PKG_BIN}/changelog.gz)
  endif()
  add_custom_target(zconsole_package_data ALL DEPENDS ${_zc_generated})
endif()

# Windows and macOS: Qt's libraries and plugins next to the programs (windeployqt/macdeployqt).
if(WIN32 OR APPLE)
  foreach(prog zconsole zconsole-cli)
    qt_generate_deploy_app_script(TARGET ${prog} FILENAME_VARIABLE _zc_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${_zc_deploy})
  endforeach()
endif()

set(CPACK_PACKAGE_NAME zconsole)
set(CPACK_PACKAGE_VENDOR "zconsole developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Console and offline credential manager for Zscaler tenants")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/zconsole/zconsole")
set(CPACK_PACKAGE_CONTACT "zconsole maintainers <zconsole@example.invalid>")
set(CPACK_PACKAGE_INSTALL_DIRECTORY zconsole)
set(CPACK_PACKAGE_EXECUTABLES zconsole zconsole)
set(CPACK_RESOURCE_FILE_LICENSE ${ZC_PKG_DIR}/copyright)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

if(WIN32)
  set(CPACK_GENERATOR NSIS)
  set(CPACK_NSIS_DISPLAY_NAME zconsole)
  set(CPACK_NSIS_PACKAGE_NAME zconsole)
  set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_MODIFY_PATH ON) # zconsole-cli on PATH, if the user wants it
  set(CPACK_NSIS_CREATE_ICONS_EXTRA
      "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\zconsole demo.lnk' '$INSTDIR\\\\bin\\\\zconsole.exe' '--demo'")
  set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\zconsole demo.lnk'")
  # `cpack -G WIX`: the same program, upgrades in place (keep this GUID for ever).
  set(CPACK_WIX_UPGRADE_GUID "6B1C5E2A-3F4D-4E8B-9A27-5C0D8E1F7A93")
  set(CPACK_WIX_PROGRAM_MENU_FOLDER zconsole)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_DMG_VOLUME_NAME zconsole)
  set(CPACK_DMG_FORMAT UDZO)
else()
  set(CPACK_GENERATOR DEB)
  find_program(ZC_RPMBUILD rpmbuild)
  if(ZC_RPMBUILD)
    list(APPEND CPACK_GENERATOR RPM)
  endif()
  set(CPACK_PACKAGE_DESCRIPTION
      "zconsole keeps the API credentials of many Zscaler (ZPA, ZIA, ZIdentity and
OneAPI) and Palo Alto Networks SaaS Security tenants in the OS keychain, shows
every access token's life at a glance, lists and edits ZPA application
segments, and shows and triggers ZIA activation. A built-in simulator of the
APIs lets you try everything without a tenant (zconsole --demo). zconsole-cli
does the same for scripts.")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION admin)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
  # dlopen()ed at run time, so invisible to dpkg-shlibdeps: libsecret (qtkeychain's Secret
  # Service backend), the Qt platform plugins (xcb, wayland), the SVG image and icon plugins.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins, libqt6svg6")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
  set(CPACK_RPM_PACKAGE_LICENSE MIT)
  set(CPACK_RPM_PACKAGE_REQUIRES "libsecret")
endif()
include(CPack)

if(BUILD_TESTING)
  find_program(ZC_DESKTOP_VALIDATE desktop-file-validate REQUIRED)
  find_program(ZC_APPSTREAMCLI appstreamcli REQUIRED)
  add_test(NAME metadata_desktop_file
           COMMAND ${ZC_DESKTOP_VALIDATE} ${ZC_PKG_DIR}/${ZC_APP_ID}.desktop)
  add_test(NAME metadata_appstream
           COMMAND ${ZC_APPSTREAMCLI} validate --no-net ${ZC_PKG_DIR}/${ZC_APP_ID}.metainfo.xml)
  add_test(NAME installer_idempotent COMMAND bash ${ZC_PKG_DIR}/setup-debian.sh --dry-run)
  set_tests_properties(metadata_desktop_file metadata_appstream PROPERTIES LABELS package)
  set_tests_properties(installer_idempotent PROPERTIES PASS_REGULAR_EXPRESSION "all [0-9]+ packages present")
  # The package itself (label `package`): made from this build by CPack (package_deb), checked
  # by lintian, installed into a fresh Debian 12 root and purged again (installer/test-package.sh).
  set(_zc_tp bash ${ZC_PKG_DIR}/test-package.sh --build-dir ${CMAKE_BINARY_DIR})
  add_test(NAME package_deb COMMAND ${_zc_tp} --only make)
  add_test(NAME package_lintian COMMAND ${_zc_tp} --only lintian)
  add_test(NAME package_clean_root COMMAND ${_zc_tp} --only root)
  add_test(NAME package_bash_completion
           COMMAND bash ${ZC_PKG_DIR}/test-completion.sh $<TARGET_FILE:zconsole-cli>)
  set_tests_properties(package_deb PROPERTIES LABELS package FIXTURES_SETUP zc_deb RUN_SERIAL ON TIMEOUT 600)
  set_tests_properties(package_lintian PROPERTIES LABELS package FIXTURES_REQUIRED zc_deb TIMEOUT 600)
  set_tests_properties(package_clean_root PROPERTIES LABELS package FIXTURES_REQUIRED zc_deb TIMEOUT 1200)
  set_tests_properties(package_bash_completion PROPERTIES LABELS package)
endif()
