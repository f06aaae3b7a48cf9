# cmake -DIN=nianbao.1.in -DSYNOPSIS=FILE -DOUT=nianbao.1 -DPROJECT_VERSION=V -P man-page.cmake
# The man page: its source with the synopsis nianbao-synopsis wrote from
# the command table put in place of @NIANBAO_SYNOPSIS@.
file(READ "${SYNOPSIS}" NIANBAO_SYNOPSIS)
string(STRIP "${NIANBAO_SYNOPSIS}" NIANBAO_SYNOPSIS)
configure_file("${IN}" "${OUT}" @ONLY)
