"""Keras simple MNIST convnet, exported from DeepCanvas as Keras (TensorFlow 2, tf.keras).

Each layer is one line, with its DeepCanvas id and output shape. Keras counts parameters as
DeepCanvas does: 34,826 trainable. Weights start from Keras' own initialisation.

Import it, or run: python3 keras_model.py   (builds the model and prints its summary)
"""

from tensorflow import keras
from tensorflow.keras import layers

SEED = 42
BATCH_SIZE = 32
EPOCHS = 10
LEARNING_RATE = 0.001


def build_model():
    model = keras.Sequential(name="keras_simple_mnist_convnet")
    model.add(keras.Input(shape=(28, 28, 1), name="image_input_1"))  # image_input_1: 28×28×1
    model.add(layers.Conv2D(32, 3, activation="relu", name="conv2d_1"))  # conv2d_1: 26×26×32
    model.add(layers.MaxPooling2D(2, strides=2, name="max_pool2d_1"))  # max_pool2d_1: 13×13×32
    model.add(layers.Conv2D(64, 3, activation="relu", name="conv2d_2"))  # conv2d_2: 11×11×64
    model.add(layers.MaxPooling2D(2, strides=2, name="max_pool2d_2"))  # max_pool2d_2: 5×5×64
    model.add(layers.Flatten(name="flatten_1"))  # flatten_1: 1600; Keras flattens channels last (H×W×C), DL4J channels first: the same values in another order
    model.add(layers.Dropout(0.5, name="dropout_1"))  # dropout_1: 1600
    model.add(layers.Dense(10, activation="softmax", name="output_1"))  # output_1: 10
    return model


def compile_model(model):
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999, epsilon=1.0e-7),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )


def callbacks(monitor="val_loss"):
    """The schedule and early stopping DeepCanvas trains with; without validation examples it watches the training loss."""
    result = []
    return result


if __name__ == "__main__":
    keras.utils.set_random_seed(SEED)
    model = build_model()
    compile_model(model)
    model.summary()
