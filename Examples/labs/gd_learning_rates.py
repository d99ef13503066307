"""Full-batch gradient descent on least squares, y = w1 x1 + w2 x2 + noise (256 samples),
with a chosen learning rate. Writes a CSV log `step,loss` to stdout: step 0 is the start.
A learning rate above 2 / lambda_max of the Hessian diverges: the loss overflows to inf,
then becomes nan, and the log keeps those values (they are data, not errors).

Usage: python3 gd_learning_rates.py LR [STEPS]
"""
import sys
import numpy as np

lr = float(sys.argv[1])
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = np.random.default_rng(0)
X = rng.normal(size=(256, 2)) * np.array([3.0, 0.5])
y = X @ np.array([2.0, -1.0]) + 0.3 * rng.normal(size=256)
w = np.array([-4.0, 4.0])
print("step,loss,grad_norm")
with np.errstate(over="ignore", invalid="ignore"):
    for step in range(steps + 1):
        r = X @ w - y
        loss = 0.5 * np.mean(r ** 2)
        g = X.T @ r / len(y)
        print(f"{step},{loss:.6g},{np.linalg.norm(g):.6g}")
        w = w - lr * g
