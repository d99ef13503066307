#!/usr/bin/env python3
"""Reference numbers from the course programs themselves, run with NumPy.

Writes Tests/TrainingTests/Fixtures/course-programs.json, read by CourseProgramTests and
NumPyRandomTests. Each block below is the course's own code (001 two-layer lab, 001 batch lab,
002 ch. 8 XOR program, 001 MNIST lab solution via ../shared/anchors/np_mnist.py's loop), with only
the OCR slips of the course text mended and the printed values collected instead of printed;
nothing of descent is used.
usage: python3 scripts/make-course-fixtures.py [FASHION_MNIST_DIR]   (needs `pip install numpy`)
"""
import gzip, json, os, sys
import numpy as np

out = {"numpy_version": np.__version__}

# --- NumPy's legacy stream: first values after np.random.seed(n) -------------------------------
streams = []
for seed in [0, 1, 42, 12345, 2**32 - 1]:
    np.random.seed(seed); random = np.random.random_sample(8).tolist()
    np.random.seed(seed); randn = np.random.randn(1400).tolist()   # crosses MT19937's 624-word refill
    np.random.seed(seed); uniform = np.random.uniform(-10, 10, size=(3, 2)).ravel().tolist()
    np.random.seed(seed); mixed = [np.random.randn(), np.random.random_sample(), np.random.randn(), np.random.randn()]
    streams.append({"seed": seed, "random_sample": random, "randn_first": randn[:8], "randn_1390": randn[1390:],
                    "uniform_m10_10": uniform, "randn_random_randn_randn": mixed})
out["streams"] = streams


# --- 001: the two-layer lab (2 -> 3 ReLU -> 3, one sample, lr 0.1, 20 epochs) -------------------
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

    def forward(self, x):
        z1 = x @ self.W1.T + self.b1
        h = relu(z1)
        z2 = h @ self.W2.T + self.b2
        y_hat = z2
        cache = {"x": x, "z1": z1, "h": h, "z2": z2, "y_hat": y_hat, "W2": self.W2.copy()}
        return y_hat, cache

    def backward(self, y, cache):
        x, z1, h, z2, y_hat, W2 = (cache["x"], cache["z1"], cache["h"], cache["z2"], cache["y_hat"], cache["W2"])
        diff = y_hat - y
        loss = 0.5 * np.sum(diff**2)
        delta2 = diff
        dW2 = np.outer(delta2, h)
        db2 = delta2
        dh = delta2 @ W2
        delta1 = dh * relu_grad(z1)
        dW1 = np.outer(delta1, x)
        db1 = delta1
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, loss

    def step(self, grads, lr=0.01):
        self.W1 -= lr * grads["W1"]
        self.b1 -= lr * grads["b1"]
        self.W2 -= lr * grads["W2"]
        self.b2 -= lr * grads["b2"]


net = TwoLayerNet(seed=0)
start = np.concatenate([net.W1.ravel(), net.b1, net.W2.ravel(), net.b2]).tolist()
x = np.array([1.0, 2.0]); y = np.array([1.0, 4.0, 4.0]); lr = 0.1
losses, printed = [], []
for epoch in range(20):
    y_hat, cache = net.forward(x)
    grads, loss = net.backward(y, cache)
    net.step(grads, lr=lr)
    losses.append(float(loss)); printed.append(f"Epoch {epoch+1:02d} | Loss: {loss:.4f}")
out["two_layer_lab"] = {"start": start, "losses": losses, "printed": printed}


# --- 001: the batch lab (2 -> 1000 ReLU -> 3, n = 1000, X / 20, lr 0.01) --------------------------
class BatchTwoLayerNet(TwoLayerNet):
    def backward(self, Y, cache):
        X, Z1, H, W2 = cache["x"], cache["z1"], cache["h"], cache["W2"]
        m = X.shape[0]
        Diff = cache["y_hat"] - Y
        loss = 0.5 / m * np.sum(Diff**2)
        Delta2 = Diff
        dW2 = (Delta2.T @ H) / m
        db2 = Delta2.mean(axis=0)
        dH = Delta2 @ W2
        Delta1 = dH * relu_grad(Z1)
        dW1 = (Delta1.T @ X) / m
        db1 = Delta1.mean(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, loss


net = BatchTwoLayerNet(seed=0, hidden_dim=1000)
n = 1000
X = np.random.uniform(-10, 10, size=(n, 2))
Y = np.column_stack((X[:, 0]**2, X[:, 1]**2, 2 * X[:, 0] * X[:, 1]))
epochs = int(os.environ.get("BATCH_LAB_EPOCHS", "10000"))
losses = []
for epoch in range(epochs):
    Y_hat, cache = net.forward(X / 20)
    grads, loss = net.backward(Y, cache)
    net.step(grads, lr=0.01)
    losses.append(float(loss))
Y_hat, _ = net.forward(np.array([[3 / 20, -1 / 20]]))  # Expected [9, 1, -6]
out["batch_lab"] = {"epochs": epochs, "losses_first_200": losses[:200], "losses_every_500": losses[499::500],
                    "final_loss": losses[-1], "prediction_3_m1": Y_hat.ravel().tolist(), "course_expected": [9, 1, -6]}


# --- 002 ch. 8: the XOR program (3 -> 4 -> 1 sigmoid, no biases, U[0,1) weights, summed loss, lr 1)
np.random.seed(1)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def derv_sigmoid(x):
    return sigmoid(x) * (1 - sigmoid(x))


learningRate = 1
x = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0, 1, 1, 0]]).T
weight1 = np.random.random((3, 4))
weight2 = np.random.random((4, 1))
a0 = x
trajectory, losses, initial = [], [], None
for iter in range(0, 1000):
    trajectory.append({"iteration": iter, "weight1": weight1.tolist(), "weight2": weight2.ravel().tolist()})
    z1 = np.dot(x, weight1)
    a1 = sigmoid(z1)
    z2 = np.dot(a1, weight2)
    a2 = sigmoid(z2)
    if iter == 0:
        initial = a2.ravel().tolist()
    losses.append(float(np.sum((y - a2) ** 2) / 2))
    delta2 = (a2 - y)
    dC_dw2_1 = delta2 * derv_sigmoid(z2)
    dC_dw2 = a1.T.dot(dC_dw2_1)
    dC_dw1 = np.dot(dC_dw2_1, weight2.T) * derv_sigmoid(z1)
    dC_dw1 = a0.T.dot(dC_dw1)
    weight2 = weight2 - learningRate * (dC_dw2)
    weight1 = weight1 - learningRate * (dC_dw1)
new_output = a2.ravel().tolist()   # print("New output", a2): the last iteration's forward pass
z1 = np.dot(np.array([[1, 0, 1]]), weight1); after = sigmoid(np.dot(sigmoid(z1), weight2)).ravel().tolist()
out["xor_program"] = {"initial_output": initial, "new_output": new_output, "output_after_training_101": after,
                      "course_printed_initial": [0.758, 0.771, 0.791, 0.801], "course_printed_new": [0.028, 0.925, 0.925, 0.090],
                      "losses": losses, "trajectory_every_50": trajectory[::50],
                      "final_weight1": weight1.tolist(), "final_weight2": weight2.ravel().tolist()}

# --- 001: the MNIST lab solution's first epochs on Fashion-MNIST (when the files are there) -------
d = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
if os.path.exists(os.path.join(d, "train-images-idx3-ubyte.gz")) or os.path.exists(os.path.join(d, "train-images-idx3-ubyte")):
    def idx(name):
        p = os.path.join(d, name); f = gzip.open(p + ".gz") if os.path.exists(p + ".gz") else open(p, "rb")
        b = f.read(); nd = b[3]; dims = [int.from_bytes(b[4 + 4 * i: 8 + 4 * i], "big") for i in range(nd)]
        return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)

    def normalize_fit(X):
        mean = X.mean(axis=0, keepdims=True).astype(np.float32)
        std = X.std(axis=0, keepdims=True).astype(np.float32)
        std[std < 1e-6] = 1e-6
        return mean, std

    Xtr = idx("train-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255.0
    ytr = idx("train-labels-idx1-ubyte").astype(np.int64)
    mean, std = normalize_fit(Xtr)
    Xtr = (Xtr - mean) / std; Ytr = np.eye(10)[ytr]
    np.random.seed(0)
    W1 = np.random.randn(32, 784); b1 = np.zeros(32); W2 = np.random.randn(10, 32); b2 = np.zeros(10)
    losses = []
    for epoch in range(3):
        Z1 = Xtr @ W1.T + b1; H = np.maximum(0, Z1); Yh = H @ W2.T + b2; m = Xtr.shape[0]
        D = Yh - Ytr; losses.append(float(0.5 / m * np.sum(D ** 2)))
        dW2 = D.T @ H / m; db2 = D.mean(0); D1 = (D @ W2) * (Z1 > 0); dW1 = D1.T @ Xtr / m; db1 = D1.mean(0)
        W1 -= 0.0005 * dW1; b1 -= 0.0005 * db1; W2 -= 0.0005 * dW2; b2 -= 0.0005 * db2
    out["mnist_lab_fashion"] = {"directory": d, "losses_first_3": losses}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TrainingTests", "Fixtures", "course-programs.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {os.path.normpath(path)}")
