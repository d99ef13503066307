# Writes N scalars (two tags, N/2 steps) to a TensorBoard event file with tensorboardX, for scripts/bench-events.
import sys, time, os
from tensorboardX import SummaryWriter
n = int(sys.argv[2]); d = sys.argv[1]
t = time.time()
w = SummaryWriter(d, max_queue=10000, flush_secs=600)
for k in range(n // 2):
    w.add_scalar("train/loss", (2.5 * 0.99999 ** k + 0.05) * (1 + 0.2 * ((k * 7919) % 100) / 100), k, walltime=1.7e9 + k * 0.1)
    w.add_scalar("val/loss", 2.6 * 0.99999 ** k + 0.08, k, walltime=1.7e9 + k * 0.1)
w.close()
print(f"wrote {n} scalars in {time.time() - t:.1f} s", file=sys.stderr)
