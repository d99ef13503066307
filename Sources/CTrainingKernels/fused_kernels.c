#include "fused_kernels.h"
#include <string.h>

#pragma STDC FP_CONTRACT OFF
// The helpers below are always inlined: the vector-ABI note does not apply.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double v4 __attribute__((vector_size(32), aligned(8)));


static inline __attribute__((always_inline)) v4 load4(const double *p) {
    v4 v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline __attribute__((always_inline)) void store4(double *p, v4 v) { memcpy(p, &v, sizeof v); }

static inline __attribute__((always_inline)) v4 splat(double s) { return (v4){s, s, s, s}; }

/// a * b + c: rounded once (one FMA instruction) when `fused`, else a multiply and an add.
static inline __attribute__((always_inline)) v4 madd(int fused, v4 a, v4 b, v4 c) {
    return fused ? __builtin_elementwise_fma(a, b, c) : a * b + c;
}

typedef long long m4 __attribute__((vector_size(32), aligned(8)));

/// z where z > 0, else 0 (NaN gives 0, as the general loops).
static inline __attribute__((always_inline)) v4 relu4(v4 z) { return (v4)((m4)z & (m4)(z > splat(0))); }

/// g where z > 0, else 0: ReLU's derivative applied.
static inline __attribute__((always_inline)) v4 mask_positive(v4 g, v4 z) { return (v4)((m4)g & (m4)(z > splat(0))); }

/// One row's outputs from its accumulators: z2 = b2 + the four lanes summed pairwise.
static inline __attribute__((always_inline)) void finish_row(const int k, const double *b2, const v4 *acc, double *z2) {
    for (int c = 0; c < k; c++) z2[c] = b2[c] + ((acc[c][0] + acc[c][1]) + (acc[c][2] + acc[c][3]));
}

static inline __attribute__((always_inline)) void forward_dk(const int fused, const int d, const int k, long hp, int relu,
                                                             const double *w1t, const double *b1, const double *w2,
                                                             const double *b2, const double *x, long row0, long row1,
                                                             double *z2) {
    long r = row0;
    // Two rows at a time share each weight load, and their two sets of accumulators keep the
    // multiply-add units busy while each sum waits for its previous step. Each row's sums
    // run in the same order as one row alone.
    for (; r + 1 < row1; r += 2) {
        v4 xa[4], xb[4], acca[4], accb[4];
        for (int q = 0; q < d; q++) { xa[q] = splat(x[r * d + q]); xb[q] = splat(x[(r + 1) * d + q]); }
        for (int c = 0; c < k; c++) { acca[c] = splat(0); accb[c] = splat(0); }
        for (long j = 0; j < hp; j += 4) {
            v4 za = load4(b1 + j), zb = za;
            for (int q = 0; q < d; q++) {
                v4 w = load4(w1t + q * hp + j);
                za = madd(fused, xa[q], w, za);
                zb = madd(fused, xb[q], w, zb);
            }
            if (relu) { za = relu4(za); zb = relu4(zb); }
            for (int c = 0; c < k; c++) {
                v4 w = load4(w2 + c * hp + j);
                acca[c] = madd(fused, w, za, acca[c]);
                accb[c] = madd(fused, w, zb, accb[c]);
            }
        }
        finish_row(k, b2, acca, z2 + r * k);
        finish_row(k, b2, accb, z2 + (r + 1) * k);
    }
    for (; r < row1; r++) {
        v4 xs[4], acc[4];
        for (int q = 0; q < d; q++) xs[q] = splat(x[r * d + q]);
        for (int c = 0; c < k; c++) acc[c] = splat(0);
        for (long j = 0; j < hp; j += 4) {
            v4 z = load4(b1 + j);
            for (int q = 0; q < d; q++) z = madd(fused, xs[q], load4(w1t + q * hp + j), z);
            if (relu) z = relu4(z);
            for (int c = 0; c < k; c++) acc[c] = madd(fused, load4(w2 + c * hp + j), z, acc[c]);
        }
        finish_row(k, b2, acc, z2 + r * k);
    }
}

static inline __attribute__((always_inline)) void backward_dk(const int fused, const int d, const int k, long hp, int relu,
                                                              const double *w1t, const double *b1, const double *w2,
                                                              const double *x, long n, const double *delta, long j0,
                                                              long j1, double *gw1t, double *gb1, double *gw2) {
    for (long j = j0; j < j1; j += 4) {
        v4 w1c[4], w2c[4], gw1[4], gw2c[4];
        for (int q = 0; q < d; q++) { w1c[q] = load4(w1t + q * hp + j); gw1[q] = splat(0); }
        for (int c = 0; c < k; c++) { w2c[c] = load4(w2 + c * hp + j); gw2c[c] = splat(0); }
        v4 b1c = load4(b1 + j), gb = splat(0);
        for (long r = 0; r < n; r++) {
            v4 z = b1c;
            for (int q = 0; q < d; q++) z = madd(fused, splat(x[r * d + q]), w1c[q], z);
            v4 h = relu ? relu4(z) : z;
            v4 g = splat(0);
            for (int c = 0; c < k; c++) {
                v4 dc = splat(delta[r * k + c]);
                gw2c[c] = madd(fused, dc, h, gw2c[c]);
                g = madd(fused, dc, w2c[c], g);
            }
            if (relu) g = mask_positive(g, z);
            for (int q = 0; q < d; q++) gw1[q] = madd(fused, g, splat(x[r * d + q]), gw1[q]);
            gb = gb + g;
        }
        for (int q = 0; q < d; q++) store4(gw1t + q * hp + j, gw1[q]);
        store4(gb1 + j, gb);
        for (int c = 0; c < k; c++) store4(gw2 + c * hp + j, gw2c[c]);
    }
}

#define CASES(CALL) \
    switch (d * 8 + k) { \
    case 9: CALL(1, 1); break; case 10: CALL(1, 2); break; case 11: CALL(1, 3); break; case 12: CALL(1, 4); break; \
    case 17: CALL(2, 1); break; case 18: CALL(2, 2); break; case 19: CALL(2, 3); break; case 20: CALL(2, 4); break; \
    case 25: CALL(3, 1); break; case 26: CALL(3, 2); break; case 27: CALL(3, 3); break; case 28: CALL(3, 4); break; \
    case 33: CALL(4, 1); break; case 34: CALL(4, 2); break; case 35: CALL(4, 3); break; case 36: CALL(4, 4); break; \
    default: break; \
    }

#define FWD_1(D, K) \
    (relu ? forward_dk(1, D, K, hp, 1, w1t, b1, w2, b2, x, row0, row1, z2) \
          : forward_dk(1, D, K, hp, 0, w1t, b1, w2, b2, x, row0, row1, z2))
#define FWD_0(D, K) \
    (relu ? forward_dk(0, D, K, hp, 1, w1t, b1, w2, b2, x, row0, row1, z2) \
          : forward_dk(0, D, K, hp, 0, w1t, b1, w2, b2, x, row0, row1, z2))
#define BWD_1(D, K) \
    (relu ? backward_dk(1, D, K, hp, 1, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2) \
          : backward_dk(1, D, K, hp, 0, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2))
#define BWD_0(D, K) \
    (relu ? backward_dk(0, D, K, hp, 1, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2) \
          : backward_dk(0, D, K, hp, 0, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2))

#define FORWARD_ARGS int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2, \
                     const double *b2, const double *x, long row0, long row1, double *z2
#define BACKWARD_ARGS int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2, \
                      const double *x, long n, const double *delta, long j0, long j1, double *gw1t, double *gb1, double *gw2

#if defined(__x86_64__) && defined(__clang__)
/* Two builds of each kernel, picked at run time: AVX2 with FMA (every multiply-add rounded
   once, as OpenBLAS does on such CPUs), and baseline x86-64 (a multiply and an add). */
__attribute__((target("avx2,fma"))) static void forward_fma(FORWARD_ARGS) { CASES(FWD_1) }
static void forward_plain(FORWARD_ARGS) { CASES(FWD_0) }
__attribute__((target("avx2,fma"))) static void backward_fma(BACKWARD_ARGS) { CASES(BWD_1) }
static void backward_plain(BACKWARD_ARGS) { CASES(BWD_0) }

static int has_fma(void) { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); }

void descent_fused_forward(FORWARD_ARGS) {
    if (has_fma()) forward_fma(d, k, hp, relu, w1t, b1, w2, b2, x, row0, row1, z2);
    else forward_plain(d, k, hp, relu, w1t, b1, w2, b2, x, row0, row1, z2);
}

void descent_fused_backward(BACKWARD_ARGS) {
    if (has_fma()) backward_fma(d, k, hp, relu, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2);
    else backward_plain(d, k, hp, relu, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2);
}
#else
/* Elsewhere (arm64 has FMA throughout) one build, multiply-adds fused. */
void descent_fused_forward(FORWARD_ARGS) { CASES(FWD_1) }
void descent_fused_backward(BACKWARD_ARGS) { CASES(BWD_1) }
#endif
