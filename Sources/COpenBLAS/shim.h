/* OpenBLAS's CBLAS interface (Debian's libopenblas-dev; pkg-config openblas gives its include directory). */
#include <cblas.h>
#include <stddef.h>

/* LAPACK's symmetric eigensolver (divide and conquer), which OpenBLAS carries. Declared here
   because Debian's OpenBLAS headers leave LAPACK out; the two trailing lengths are gfortran's
   hidden lengths of the character arguments. */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);
