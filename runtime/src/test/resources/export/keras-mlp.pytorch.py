"""Keras example MLP, exported from DeepCanvas as PyTorch.

Each layer is one line, with its DeepCanvas id and output shape in Keras' order (H×W×C for
images, T×F for sequences); PyTorch itself keeps images as channels × height × width.
Trainable parameters: DeepCanvas 6,154, this module 6,154.
Weights start from PyTorch's own initialisation, not DL4J's.

Import it, or run: python3 model.py   (builds the model and prints its size)
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader

SEED = 42
BATCH_SIZE = 32
EPOCHS = 10
LEARNING_RATE = 0.001


class KerasExampleMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense_1 = nn.Linear(20, 64)  # dense_1: 64
        self.dropout_1 = nn.Dropout(p=0.5)  # dropout_1: 64
        self.dense_2 = nn.Linear(64, 64)  # dense_2: 64
        self.dropout_2 = nn.Dropout(p=0.5)  # dropout_2: 64
        self.output_1 = nn.Linear(64, 10)  # output_1: 10; logits: CrossEntropyLoss applies the softmax

    def forward(self, vector_input_1):
        # vector_input_1: (batch, 20) vectors
        dense_1 = F.relu(self.dense_1(vector_input_1))  # dense_1: 64
        dropout_1 = self.dropout_1(dense_1)  # dropout_1: 64
        dense_2 = F.relu(self.dense_2(dropout_1))  # dense_2: 64
        dropout_2 = self.dropout_2(dense_2)  # dropout_2: 64
        output_1 = self.output_1(dropout_2)  # output_1: 10
        return output_1


def build_model():
    return KerasExampleMlp()


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1.0e-7)
    schedule = None
    return optimizer, schedule


def loss_function():
    return nn.CrossEntropyLoss()


def evaluate(model, dataset, loss_fn):
    """Mean loss and accuracy over a dataset."""
    model.eval()
    total, score, count = 0.0, 0.0, 0
    with torch.no_grad():
        for x, y in DataLoader(dataset, batch_size=256):
            out = model(x)
            total += loss_fn(out, y).item() * len(y)
            score += (out.argmax(dim=-1) == y).sum().item()
            count += len(y)
    return {"loss": total / count, "accuracy": score / count}


def train(model, train_set, validation_set):
    """Trains as DeepCanvas does: shuffled batches, the validation split scored after every epoch."""
    generator = torch.Generator().manual_seed(SEED)
    loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True, generator=generator)
    optimizer, schedule = make_optimizer(model)
    loss_fn = loss_function()
    for epoch in range(1, EPOCHS + 1):
        model.train()
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
        if schedule is not None:
            schedule.step()
        scores = evaluate(model, validation_set if len(validation_set) else train_set, loss_fn)  # without validation examples DeepCanvas watches the training loss
        print(f"epoch {epoch}: validation {scores}")
    return model


if __name__ == "__main__":
    torch.manual_seed(SEED)
    model = build_model()
    print(sum(p.numel() for p in model.parameters() if p.requires_grad), "trainable parameters")
