"""Keras example MLP, exported from DeepCanvas as Keras (TensorFlow 2, tf.keras).

Each layer is one line, with its DeepCanvas id and output shape. Keras counts parameters as
DeepCanvas does: 6,154 trainable. Weights start from Keras' own initialisation.

Import it, or run: python3 keras_model.py   (builds the model and prints its summary)
"""

from tensorflow import keras
from tensorflow.keras import layers

SEED = 42
BATCH_SIZE = 32
EPOCHS = 10
LEARNING_RATE = 0.001


def build_model():
    model = keras.Sequential(name="keras_example_mlp")
    model.add(keras.Input(shape=(20,), name="vector_input_1"))  # vector_input_1: 20
    model.add(layers.Dense(64, activation="relu", name="dense_1"))  # dense_1: 64
    model.add(layers.Dropout(0.5, name="dropout_1"))  # dropout_1: 64
    model.add(layers.Dense(64, activation="relu", name="dense_2"))  # dense_2: 64
    model.add(layers.Dropout(0.5, name="dropout_2"))  # dropout_2: 64
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
