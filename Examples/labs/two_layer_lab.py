"""The two-layer lab of course text 001 (2 -> 3 ReLU -> 3, MSE with the 1/2 convention).

Usage:
  python3 two_layer_lab.py single [EPOCHS] [LR]   single sample x = [1, 2], y = [1, 4, 4]
  python3 two_layer_lab.py batch  [EPOCHS] [LR]   hidden 1000, n = 1000 samples, inputs / 20

Prints the course's progress line, `Epoch 01 | Loss: 32.5000`, once per epoch.
The code follows the course listing; only its OCR typos are fixed.
"""
import sys
import numpy as np


def relu(u):
    return np.maximum(0.0, u)


def relu_grad(u):
    return (u > 0).astype(u.dtype)


class TwoLayerNet:
    def __init__(self, in_dim=2, hidden_dim=3, out_dim=3, seed=0):
        np.random.seed(seed)
        self.W1 = np.random.randn(hidden_dim, in_dim)
        self.b1 = np.zeros(hidden_dim)
        self.W2 = np.random.randn(out_dim, hidden_dim)
        self.b2 = np.zeros(out_dim)

    def forward(self, X):
        Z1 = X @ self.W1.T + self.b1
        H = relu(Z1)
        Z2 = H @ self.W2.T + self.b2
        return Z2, {"X": X, "Z1": Z1, "H": H, "W2": self.W2.copy()}

    def backward(self, Y_hat, Y, cache):
        X, Z1, H, W2 = cache["X"], cache["Z1"], cache["H"], cache["W2"]
        m = X.shape[0]
        Diff = Y_hat - Y
        loss = 0.5 / m * np.sum(Diff ** 2)
        dW2 = (Diff.T @ H) / m
        db2 = Diff.mean(axis=0)
        Delta1 = (Diff @ W2) * relu_grad(Z1)
        dW1 = (Delta1.T @ X) / m
        db1 = Delta1.mean(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, loss

    def step(self, grads, lr):
        self.W1 -= lr * grads["W1"]
        self.b1 -= lr * grads["b1"]
        self.W2 -= lr * grads["W2"]
        self.b2 -= lr * grads["b2"]


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "single"
    if mode == "single":
        epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
        lr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
        net = TwoLayerNet(seed=0)
        X = np.array([[1.0, 2.0]])
        Y = np.array([[1.0, 4.0, 4.0]])
    else:
        epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
        lr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
        net = TwoLayerNet(seed=0, hidden_dim=1000)
        n = 1000
        X = np.random.uniform(-10, 10, size=(n, 2))
        Y = np.column_stack((X[:, 0] ** 2, X[:, 1] ** 2, 2 * X[:, 0] * X[:, 1]))
        X = X / 20
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            Y_hat, cache = net.forward(X)
            grads, loss = net.backward(Y_hat, Y, cache)
            net.step(grads, lr)
            print(f"Epoch {epoch+1:02d} | Loss: {loss:.4f}")


if __name__ == "__main__":
    main()
