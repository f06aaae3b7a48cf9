# Writes a C file holding every DIR/*.yaml file (or those matching
# PATTERN) as a byte array, so that the nianbao binary carries its forms
# and text and page templates.  The table
# NAME[] of struct embedded_file (src/base/embedded_file.h) is declared
# in NAME.h; files
# sort by name, last first (forms: newest format first, by year).
#   cmake -DDIR=... -DNAME=forms_builtin -DOUTPUT=... -P embed-files.cmake
if(NOT PATTERN)
  set(PATTERN "*.yaml")
endif()
file(GLOB definitions "${DIR}/${PATTERN}")
list(SORT definitions ORDER DESCENDING)
set(body "/* Generated from ${NAME} by scripts/embed-files.cmake. */\n#include \"${NAME}.h\"\n\n")
set(table "")
set(index 0)
foreach(path IN LISTS definitions)
  get_filename_component(id "${path}" NAME_WE)
  file(READ "${path}" hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR size "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
  string(APPEND body "static const unsigned char file_${index}[] = {\n${bytes}0x00};\n\n")
  string(APPEND table "\t{\"${id}\", (const char *)file_${index}, ${size}},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "const struct embedded_file ${NAME}[] = {\n${table}\t{0, 0, 0},\n};\n")
string(APPEND body "const size_t ${NAME}_count = ${index};\n")
file(WRITE "${OUTPUT}.new" "${body}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
