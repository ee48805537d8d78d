# The Debian package, renkei_<version>_amd64.deb (`cpack` in the build
# directory; scripts/package_test.sh builds, installs and checks it). Its
# Depends are worked out from the programs' shared libraries (dpkg-shlibdeps)
# plus what they load by name. The maintainer scripts make the user renkei
# and start renkei-server.service (deploy/debian/).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME renkei)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "renkei maintainers <renkei@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "database and matching service of a region's industry-academia-government-finance network")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded by name, not linked: MeCab's dictionary, the pages' scripts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "mecab-ipadic-utf8, libjs-bootstrap5, libjs-chart.js")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
    ${PROJECT_SOURCE_DIR}/deploy/debian/prerm
    ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
