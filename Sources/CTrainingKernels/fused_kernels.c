#include "fused_kernels.h"
#include <string.h>

#pragma STDC FP_CONTRACT OFF
// The helpers below are always inlined: the vector-ABI note does not apply.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double v4 __attribute__((vector_size(32), aligned(8)));

#if defined(__x86_64__) && defined(__clang__)
#define CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CLONES
#endif

static inline __attribute__((always_inline)) v4 load4(const double *p) {
    v4 v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline __attribute__((always_inline)) void store4(double *p, v4 v) { memcpy(p, &v, sizeof v); }

static inline __attribute__((always_inline)) v4 splat(double s) { return (v4){s, s, s, s}; }

typedef long long m4 __attribute__((vector_size(32), aligned(8)));

/// z where z > 0, else 0 (NaN gives 0, as the general loops).
static inline __attribute__((always_inline)) v4 relu4(v4 z) { return (v4)((m4)z & (m4)(z > splat(0))); }

/// g where z > 0, else 0: ReLU's derivative applied.
static inline __attribute__((always_inline)) v4 mask_positive(v4 g, v4 z) { return (v4)((m4)g & (m4)(z > splat(0))); }

static inline __attribute__((always_inline)) void forward_dk(const int d, const int k, long hp, int relu,
                                                             const double *w1t, const double *b1, const double *w2,
                                                             const double *b2, const double *x, long row0, long row1,
                                                             double *z2) {
    for (long r = row0; r < row1; r++) {
        v4 xs[4], acc[4];
        for (int q = 0; q < d; q++) xs[q] = splat(x[r * d + q]);
        for (int c = 0; c < k; c++) acc[c] = splat(0);
        for (long j = 0; j < hp; j += 4) {
            v4 z = load4(b1 + j);
            for (int q = 0; q < d; q++) z = z + xs[q] * load4(w1t + q * hp + j);
            if (relu) z = relu4(z);
            for (int c = 0; c < k; c++) acc[c] = acc[c] + load4(w2 + c * hp + j) * z;
        }
        for (int c = 0; c < k; c++) z2[r * k + c] = b2[c] + ((acc[c][0] + acc[c][1]) + (acc[c][2] + acc[c][3]));
    }
}

static inline __attribute__((always_inline)) void backward_dk(const int d, const int k, long hp, int relu,
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
            for (int q = 0; q < d; q++) z = z + splat(x[r * d + q]) * w1c[q];
            v4 h = relu ? relu4(z) : z;
            v4 g = splat(0);
            for (int c = 0; c < k; c++) {
                v4 dc = splat(delta[r * k + c]);
                gw2c[c] = gw2c[c] + dc * h;
                g = g + dc * w2c[c];
            }
            if (relu) g = mask_positive(g, z);
            for (int q = 0; q < d; q++) gw1[q] = gw1[q] + g * splat(x[r * d + q]);
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

CLONES
void descent_fused_forward(int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2,
                           const double *b2, const double *x, long row0, long row1, double *z2) {
#define FWD(D, K) \
    (relu ? forward_dk(D, K, hp, 1, w1t, b1, w2, b2, x, row0, row1, z2) \
          : forward_dk(D, K, hp, 0, w1t, b1, w2, b2, x, row0, row1, z2))
    CASES(FWD)
#undef FWD
}

CLONES
void descent_fused_backward(int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2,
                            const double *x, long n, const double *delta, long j0, long j1,
                            double *gw1t, double *gb1, double *gw2) {
#define BWD(D, K) \
    (relu ? backward_dk(D, K, hp, 1, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2) \
          : backward_dk(D, K, hp, 0, w1t, b1, w2, x, n, delta, j0, j1, gw1t, gb1, gw2))
    CASES(BWD)
#undef BWD
}
