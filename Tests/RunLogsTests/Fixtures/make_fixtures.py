"""Writes the framework-log fixtures with the frameworks' own writers.

  python3 make_fixtures.py   (needs: pip install tensorboard tensorboardX transformers)

Values follow formulas the tests recompute: at step k (k = 0..19)
  train/loss = 2 * 0.9**k,  val/loss = 3 * 0.8**k (every 5th step),  train/accuracy = k / 20,
and wall time 1700000000 + 10 k seconds.
"""
import glob, os, shutil
import tensorboard, tensorboardX, transformers
from tensorboard.summary import Writer
from tensorboardX import SummaryWriter
from transformers import TrainerState

here = os.path.dirname(os.path.abspath(__file__))
STEPS = range(20)
WALL = 1700000000.0


def fresh(name):
    path = os.path.join(here, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def rename_events(path, stem):
    # Writers put host names and times in the file name; keep names stable for the repository.
    for i, f in enumerate(sorted(glob.glob(os.path.join(path, "**", "events.out.tfevents.*"), recursive=True))):
        os.rename(f, os.path.join(os.path.dirname(f), f"events.out.tfevents.{stem}.{i}"))


# 1. tensorboardX, TF1-style simple_value (float32), two runs in one log directory.
root = fresh("tensorboardX-simple")
for run, scale in (("adam", 1.0), ("sgd", 1.5)):
    w = SummaryWriter(os.path.join(root, run))
    for k in STEPS:
        w.add_scalar("train/loss", scale * 2 * 0.9 ** k, k, walltime=WALL + 10 * k)
        w.add_scalar("train/accuracy", k / 20, k, walltime=WALL + 10 * k)
        if k % 5 == 0:
            w.add_scalar("val/loss", scale * 3 * 0.8 ** k, k, walltime=WALL + 10 * k)
    w.close()
rename_events(root, "tensorboardX-" + tensorboardX.__version__)

# 2. TF2-style float64 scalar tensors, as tf.summary.scalar writes for float64 data: Event
#    protos built with tensorboardX's protobuf classes (TensorFlow's .proto files), framed by
#    tensorboardX's EventFileWriter. Even steps carry the value in double_val, odd ones in tensor_content.
import struct
from tensorboardX.proto.event_pb2 import Event
from tensorboardX.proto.summary_pb2 import Summary, SummaryMetadata
from tensorboardX.proto.tensor_pb2 import TensorProto
from tensorboardX.proto import types_pb2
from tensorboardX.event_file_writer import EventFileWriter
root = fresh("tf2-double")
w = EventFileWriter(root)
meta = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name="scalars"))
for k in STEPS:
    v = 2 * 0.9 ** k
    t = TensorProto(dtype=types_pb2.DT_DOUBLE, double_val=[v]) if k % 2 == 0 else \
        TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_content=struct.pack("<d", v))
    w.add_event(Event(wall_time=WALL + 10 * k, step=k, summary=Summary(value=[Summary.Value(tag="train/loss", tensor=t, metadata=meta)])))
w.close()
rename_events(root, "tensorboardX-" + tensorboardX.__version__)

# 3. tensorboard's own writer: TF2 scalar tensors (float32).
root = fresh("tensorboard-writer")
w = Writer(root)
for k in STEPS:
    w.add_scalar("train/loss", 2 * 0.9 ** k, k, wall_time=WALL + 10 * k)
w.close()
rename_events(root, "tensorboard-" + tensorboard.__version__)

# 4. Hugging Face transformers' TrainerState.save_to_json.
state = TrainerState(global_step=19, max_steps=19, num_train_epochs=2)
for k in STEPS:
    state.log_history.append({"loss": 2 * 0.9 ** k, "learning_rate": 5e-5 * (1 - k / 20), "epoch": k / 10, "step": k})
    if k % 5 == 0:
        state.log_history.append({"eval_loss": 3 * 0.8 ** k, "eval_runtime": 1.5, "epoch": k / 10, "step": k})
state.save_to_json(os.path.join(here, "trainer_state.json"))

with open(os.path.join(here, "WRITERS.txt"), "w") as f:
    f.write(f"tensorboardX {tensorboardX.__version__}: tensorboardX-simple/; tf2-double/ (its protos and EventFileWriter, TF2 float64 scalar tensors)\n")
    f.write(f"tensorboard {tensorboard.__version__} (tensorboard.summary.Writer): tensorboard-writer/\n")
    f.write(f"transformers {transformers.__version__} (TrainerState.save_to_json): trainer_state.json\n")
    f.write("by hand, in the formats the tools document (their writers need torch or a web UI):\n")
    f.write("  keras-csvlogger.csv, lightning-metrics.csv, wandb-export.csv, run-train-tag-loss.csv\n")

# 5. Formats whose writers need torch or a web UI, written here as the tools document them.
def write(name, lines):
    with open(os.path.join(here, name), "w") as f:
        f.write("\n".join(lines) + "\n")

# Keras CSVLogger: sorted keys after "epoch" (0-based), "NA" where a value is missing.
write("keras-csvlogger.csv", ["epoch,accuracy,loss,val_accuracy,val_loss"] + [
    f"{k},{k / 20},{2 * 0.9 ** k},{'NA' if k % 5 else k / 25},{'NA' if k % 5 else 3 * 0.8 ** k}" for k in STEPS])
# Lightning CSVLogger metrics.csv: training rows and validation rows, each sparse.
lines = ["epoch,step,train_loss,val_loss"]
for k in STEPS:
    lines.append(f"{k // 10},{k},{2 * 0.9 ** k},")
    if k % 5 == 4:
        lines.append(f"{k // 10},{k},,{3 * 0.8 ** k}")
write("lightning-metrics.csv", lines)
# Weights & Biases "Export CSV" of a loss panel with two runs: min/max companions per run.
write("wandb-export.csv", ['"Step","adam - loss","adam - loss__MIN","adam - loss__MAX","sgd - loss","sgd - loss__MIN","sgd - loss__MAX"'] + [
    f"{k},{2 * 0.9 ** k},{1.9 * 0.9 ** k},{2.1 * 0.9 ** k},{3 * 0.9 ** k},{2.8 * 0.9 ** k},{3.2 * 0.9 ** k}" for k in STEPS])
# TensorBoard's "download CSV" of the run "train", tag "loss".
write("run-train-tag-loss.csv", ["Wall time,Step,Value"] + [f"{WALL + 10 * k},{k},{2 * 0.9 ** k}" for k in STEPS])
