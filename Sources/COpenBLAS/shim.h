/* OpenBLAS's CBLAS interface (Debian's libopenblas-dev; pkg-config openblas gives its include directory). */
#include <cblas.h>
