# What `cmake --install` puts where (FHS places, GNUInstallDirs):
#   bin/                      renkei-server, renkei, renkei-import
#   share/renkei/thesaurus/   the thesaurus (the server finds it from its binary)
#   share/renkei/web/         the pages (likewise)
#   share/renkei/demo/        the demo data (built in too; --demo_dir takes this)
#   share/renkei/resolve/     the place readings (built in; kept for reference)
#   share/renkei/renkei.conf  the service's environment, copied to /etc/renkei
#   lib/systemd/system/       renkei-server.service, for this prefix
#   share/doc/renkei/         README.md and docs/
# The programs' install rules are beside their targets.
set(RENKEI_DATA ${CMAKE_INSTALL_DATADIR}/renkei)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/thesaurus/ DESTINATION ${RENKEI_DATA}/thesaurus
        PATTERN "*.py" EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/ DESTINATION ${RENKEI_DATA}/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/demo/ DESTINATION ${RENKEI_DATA}/demo
        PATTERN "*.py" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/data/resolve/place_readings.tsv
        DESTINATION ${RENKEI_DATA}/resolve)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/renkei.conf DESTINATION ${RENKEI_DATA})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The unit names the binary under the prefix given at install time (CPack's
# /usr, or `cmake --install --prefix DIR`), so it is written then.
install(CODE "
  set(RENKEI_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  set(RENKEI_DOCDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/deploy/systemd/renkei-server.service.in\"
                 \"${PROJECT_BINARY_DIR}/deploy/renkei-server.service\" @ONLY)")
install(FILES ${PROJECT_BINARY_DIR}/deploy/renkei-server.service
        DESTINATION lib/systemd/system)
