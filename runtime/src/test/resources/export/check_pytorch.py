"""Checks exported PyTorch modules for the export test: imports each, counts its trainable
parameters, runs a forward pass on random input and reports the output shapes; or trains an
exported project for one epoch. Reads a JSON job on stdin, writes a JSON answer on stdout."""
import contextlib
import importlib.util
import json
import sys

import torch


def load(folder):
    spec = importlib.util.spec_from_file_location("exported_" + str(abs(hash(folder))), folder + "/model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(case):
    module = load(case["dir"])
    torch.manual_seed(0)
    model = module.build_model().eval()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    inputs = []
    for spec in case["inputs"]:
        shape = [case["batch"]] + spec["shape"]
        if spec["tokens"]:
            ids = torch.randint(1, spec["vocabulary"], shape)
            if shape[1] >= 3:
                ids[0, -2:] = 0  # the first text is padded: masks, packing and the last real step are exercised
            inputs.append(ids)
        else:
            inputs.append(torch.randn(shape))
    with torch.no_grad():
        out = model(*inputs)
    outs = out if isinstance(out, tuple) else (out,)
    return {"dir": case["dir"], "trainable": trainable, "outputs": [list(o.shape) for o in outs]}


def train(case):
    module = load(case["dir"])
    module.EPOCHS = 1
    torch.manual_seed(module.SEED)
    model = module.build_model()
    train_set, validation_set, test_set = module.load_splits()
    with contextlib.redirect_stdout(sys.stderr):  # the loop's progress lines; stdout is the answer
        module.train(model, train_set, validation_set)
    scores = module.evaluate(model, test_set, module.loss_function())
    return {"dir": case["dir"], "sizes": [len(train_set), len(validation_set), len(test_set)], "test": scores,
            "first": train_set[0][0].tolist(), "first_label": train_set[0][1].tolist()}


job = json.load(sys.stdin)
torch.set_num_threads(1)
answer = [check(c) for c in job.get("check", [])] + [train(c) for c in job.get("train", [])]
json.dump(answer, sys.stdout)
