#!/usr/bin/env python3
"""Reference optimizer trajectories from PyTorch (float64) on the 2D test functions.

Writes Tests/TrainingTests/Fixtures/torch-trajectories.json, read by
TorchTrajectoryTests. Gradients come from torch.autograd on the formulas below, the
updates from torch.optim itself: nothing of descent is used.
usage: python3 scripts/make-torch-trajectories.py   (needs `pip install torch`)
"""
import json, math, os, sys
import torch

torch.set_default_dtype(torch.float64)


def quadratic(condition, rotation):
    t = math.radians(rotation)
    c, s = math.cos(t), math.sin(t)
    hxx, hxy, hyy = c * c + condition * s * s, (1 - condition) * c * s, s * s + condition * c * c
    return lambda x, y: 0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y)


F = {
    "rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    "himmelblau": lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    "beale": lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    "booth": lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    "rastrigin": lambda x, y: 20 + x * x - 10 * torch.cos(2 * math.pi * x) + y * y - 10 * torch.cos(2 * math.pi * y),
    "ackley": lambda x, y: -20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x * x + y * y)))
    - torch.exp(0.5 * (torch.cos(2 * math.pi * x) + torch.cos(2 * math.pi * y))) + math.e + 20,
    "six-hump-camel": lambda x, y: (4 - 2.1 * x * x + x ** 4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y,
    "goldstein-price": lambda x, y: (1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y))
    * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)),
    "saddle": lambda x, y: x * x - y * y,
    "quadratic": quadratic(10, 30),
}

# (function, start, optimizer, torch keyword arguments)
CASES = [
    ("rosenbrock", (-1.5, 2.0), "sgd", dict(lr=1e-3, momentum=0.9)),
    ("rosenbrock", (-1.5, 2.0), "adam", dict(lr=0.05)),
    ("rosenbrock", (-1.5, 2.0), "rmsprop", dict(lr=0.01)),
    ("rosenbrock", (-1.5, 2.0), "adagrad", dict(lr=0.5)),
    ("himmelblau", (0.0, 0.0), "sgd", dict(lr=0.01, momentum=0.5, nesterov=True)),
    ("himmelblau", (0.0, 0.0), "adam", dict(lr=0.1, amsgrad=True, weight_decay=0.01)),
    ("beale", (1.0, 1.0), "adam", dict(lr=0.01, betas=(0.8, 0.99))),
    ("beale", (1.0, 1.0), "rmsprop", dict(lr=0.001, centered=True, momentum=0.5)),
    ("booth", (-5.0, 5.0), "sgd", dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)),
    ("rastrigin", (2.2, -1.3), "adam", dict(lr=0.01)),
    ("ackley", (1.5, 1.2), "sgd", dict(lr=0.01, momentum=0.9)),
    ("six-hump-camel", (-1.5, 1.0), "rmsprop", dict(lr=0.01, momentum=0.9, weight_decay=0.001)),
    ("goldstein-price", (0.5, 0.5), "adam", dict(lr=0.01)),
    ("goldstein-price", (0.5, 0.5), "adagrad", dict(lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1, weight_decay=0.01)),
    ("saddle", (1.0, 1e-3), "sgd", dict(lr=0.01)),
    ("quadratic", (1.5, 1.0), "sgd", dict(lr=0.15, momentum=0.5)),
    ("quadratic", (1.5, 1.0), "rmsprop", dict(lr=0.003, alpha=0.9)),
]
STEPS = 300
OPT = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad}


def run(name, start, opt, kwargs):
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    o = OPT[opt]([p], **kwargs)
    path = [list(map(float, p.detach()))]
    for _ in range(STEPS):
        o.zero_grad()
        F[name](p[0], p[1]).backward()
        o.step()
        path.append(list(map(float, p.detach())))
    return path


cases = []
for name, start, opt, kwargs in CASES:
    hyper = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
    cases.append(dict(function=name, start=list(start), optimizer=opt, hyper=hyper, trajectory=run(name, start, opt, kwargs)))

out = os.path.join(os.path.dirname(__file__), "..", "Tests", "TrainingTests", "Fixtures", "torch-trajectories.json")
with open(out, "w") as f:
    json.dump(dict(generator="scripts/make-torch-trajectories.py", torch=torch.__version__, dtype="float64",
                   steps=STEPS, cases=cases), f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} trajectories of {STEPS} steps with torch {torch.__version__}", file=sys.stderr)
