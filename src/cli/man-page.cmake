# cmake -DIN=nianbao.1.in -DSYNOPSIS=FILE -DKEYS=FILE -DRULES=FILE -DOUT=nianbao.1 -DPROJECT_VERSION=V -P man-page.cmake
# The man page: its source with the synopsis nianbao-synopsis wrote from
# the command table put in place of @NIANBAO_SYNOPSIS@, the form's keys
# it wrote from the key table in place of @NIANBAO_KEYS@, and the rules
# it wrote from the form definition in place of @NIANBAO_RULES@.
file(READ "${SYNOPSIS}" NIANBAO_SYNOPSIS)
string(STRIP "${NIANBAO_SYNOPSIS}" NIANBAO_SYNOPSIS)
file(READ "${KEYS}" NIANBAO_KEYS)
string(STRIP "${NIANBAO_KEYS}" NIANBAO_KEYS)
file(READ "${RULES}" NIANBAO_RULES)
string(STRIP "${NIANBAO_RULES}" NIANBAO_RULES)
configure_file("${IN}" "${OUT}" @ONLY)
