# CPack .deb (filled in with the desktop integration files).
set(CPACK_PACKAGE_NAME zconsole)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_CONTACT "zconsole maintainers <zconsole@example.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
include(CPack)
