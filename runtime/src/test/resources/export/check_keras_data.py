"""Runs an exported Keras file's data loading without TensorFlow, which cannot be installed here:
a stand-in `tensorflow` package provides only what load_splits() calls (keras.utils.to_categorical)
and the base classes the file subclasses. The model itself is not built. Prints JSON."""
import importlib.util
import json
import sys
import types

import numpy as np


def to_categorical(labels, num_classes):
    out = np.zeros((len(labels), num_classes), dtype="float32")
    out[np.arange(len(labels)), labels] = 1.0
    return out


tf = types.ModuleType("tensorflow")
keras = types.ModuleType("tensorflow.keras")
layers = types.ModuleType("tensorflow.keras.layers")
layers.Layer = object
keras.utils = types.SimpleNamespace(to_categorical=to_categorical)
keras.callbacks = types.SimpleNamespace(Callback=object)
keras.layers = layers
tf.keras = keras
sys.modules.update({"tensorflow": tf, "tensorflow.keras": keras, "tensorflow.keras.layers": layers})

spec = importlib.util.spec_from_file_location("exported", sys.argv[1] + "/keras_model.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
(x_train, y_train), (x_validation, y_validation), (x_test, y_test) = module.load_splits()
json.dump({"sizes": [len(x_train), len(x_validation), len(x_test)], "first": x_train[0].tolist(), "first_label": y_train[0].tolist()}, sys.stdout)
