"""A logistic neuron (course text 000) trained by mini-batch SGD on a two-feature
"toxic / non-toxic plant" set, logging JSON Lines: one record per step with the training
loss, and every 25 steps also the validation loss and accuracy (a sparse log).

Usage: python3 logistic_jsonl.py [STEPS]
"""
import json
import sys
import numpy as np

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 400
rng = np.random.default_rng(7)
n = 400
toxic = rng.normal([2.0, 1.0], 0.9, size=(n // 2, 2))
safe = rng.normal([-1.0, -0.5], 0.9, size=(n // 2, 2))
X = np.vstack([toxic, safe]); y = np.r_[np.ones(n // 2), np.zeros(n // 2)]
order = rng.permutation(n); X, y = X[order], y[order]
Xtr, ytr, Xva, yva = X[:300], y[:300], X[300:], y[300:]
w = np.zeros(2); b = 0.0; lr = 0.1


def loss_of(X, y):
    a = 1 / (1 + np.exp(-(X @ w + b)))
    a = np.clip(a, 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))), a


print(json.dumps({"type": "header", "model": "logistic", "optimizer": "sgd", "lr": lr, "batch_size": 16, "seed": 7}))
for step in range(steps + 1):
    idx = rng.choice(300, 16, replace=False)
    loss, a = loss_of(Xtr[idx], ytr[idx])
    record = {"type": "step", "step": step, "loss": round(loss, 6)}
    if step % 25 == 0:
        vloss, va = loss_of(Xva, yva)
        record["val_loss"] = round(vloss, 6)
        record["val_accuracy"] = float(np.mean((va > 0.5) == yva))
    print(json.dumps(record))
    g = a - ytr[idx]                      # dL/dz = a - y, as derived in 000
    w -= lr * (Xtr[idx].T @ g) / 16
    b -= lr * g.mean()
