/* The table of nianbao-ofd.so; see ofd_module.h. */
#include "ofd_module.h"

#include "module.h"

const struct ofd_module ofd_module = {.stamp = MODULE_STAMP, .render = render_ofd};
