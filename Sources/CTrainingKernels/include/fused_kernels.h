#ifndef DESCENT_FUSED_KERNELS_H
#define DESCENT_FUSED_KERNELS_H

/// The one-thin-hidden-layer kernels of `FusedOneHiddenLayer` (d, k in 1...4, hidden size hp a
/// multiple of 4; W1 transposed to d x hp, W2 k x hp, padding units zero). Four hidden units per
/// vector; built twice on x86-64 and picked at run time: AVX2 with fused multiply-adds, and
/// baseline x86-64 with a multiply and an add, so the last bits can differ between CPUs (as
/// OpenBLAS's do).

/// z2[r*k + c] = b2[c] + sum_j W2[c][j] f(W1[j] . x_r + b1[j]) for rows row0..<row1.
void descent_fused_forward(int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2,
                           const double *b2, const double *x, long row0, long row1, double *z2);

/// dW1^T, db1, dW2 for hidden units j0..<j1 (multiples of 4) from delta (n x k), sums in row order.
void descent_fused_backward(int d, int k, long hp, int relu, const double *w1t, const double *b1, const double *w2,
                            const double *x, long n, const double *delta, long j0, long j1,
                            double *gw1t, double *gb1, double *gw2);

#endif
