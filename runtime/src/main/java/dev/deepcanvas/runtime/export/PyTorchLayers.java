package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.export.ExportGraph.Step;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each catalog kind as PyTorch: the module its constructor builds (if it has one) and the
 * expression of its forward pass. Tensors are laid out as PyTorch's own layers want them: vectors
 * (batch, features), images (batch, channels, height, width), sequences (batch, time, features),
 * token ids (batch, time). A kind PyTorch cannot express exactly is refused by name.
 */
final class PyTorchLayers {

    /** Code the generated file defines once when some layer needs it. */
    enum Helper { MASKED_POOLING, LAST_STEP, RUN_RECURRENT, POSITION_EMBEDDING, SELF_ATTENTION, AVG_POOL_SAME, RATIONAL_TANH }

    /**
     * @param module the constructor expression of {@code self.<name>}, or null for a layer without one
     * @param forward the expression of the layer's output
     * @param trainable PyTorch's trainable parameter count for the layer
     * @param note what differs from DeepCanvas's count or layout, for the line's comment; empty if nothing
     * @param mask whether the output carries its input's padding mask on (a sequence of the same length)
     */
    record Layer(String module, String forward, long trainable, String note, boolean mask) {}

    final Set<Helper> helpers = EnumSet.noneOf(Helper.class);

    /** The layer for {@code s}; {@code in} are its inputs' variable names, {@code mask} the padding mask's (or null). */
    Layer of(Step s, List<String> in, String mask) throws ExportException {
        Params p = s.params();
        String self = "self." + s.name();
        String x = in.isEmpty() ? s.name() : in.get(0);
        long trainable = s.info().trainable();
        return switch (s.kind().id()) {
            case "Dense" -> {
                int f = features(s.inputShape());
                yield new Layer(String.format(Locale.ROOT, "nn.Linear(%d, %d%s)", f, p.integer("units"), p.bool("useBias") ? "" : ", bias=False"),
                        activation(s, p.choice("activation"), self + "(" + x + ")", s.shape()), trainable, "", true);
            }
            case "Dropout" -> new Layer("nn.Dropout(p=" + PythonCode.num(p.decimal("rate")) + ")", self + "(" + x + ")", 0, "", true);
            case "Activation" -> new Layer(null, activation(s, p.choice("function"), x, s.shape()), 0, "", true);
            case "BatchNorm" -> batchNorm(s, p, self, x);
            case "LayerNormalization" -> new Layer(String.format(Locale.ROOT, "nn.LayerNorm(%d, eps=%s)", features(s.inputShape()),
                    PythonCode.num(p.decimal("epsilon"))), self + "(" + x + ")", trainable, "", true);
            case "Flatten" -> new Layer(null, "torch.flatten(" + x + ", 1)", 0, "", false);
            case "ZeroPadding2D" -> new Layer(String.format(Locale.ROOT, "nn.ZeroPad2d((%d, %d, %d, %d))", p.integer("left"), p.integer("right"),
                    p.integer("top"), p.integer("bottom")), self + "(" + x + ")", 0, "", false);
            case "Conv2D" -> conv2d(s, p, self, x);
            case "MaxPool2D", "AvgPool2D" -> pool2d(s, p, self, x);
            case "GlobalPooling" -> globalPooling(s, p, x, mask);
            case "LocalResponseNormalization" -> {
                // DL4J sums depth / 2 channels on each side: a window of 2 × (depth / 2) + 1 channels, which PyTorch's size names
                int window = 2 * (p.integer("depth") / 2) + 1;
                yield new Layer(String.format(Locale.ROOT, "nn.LocalResponseNorm(%d, alpha=%s, beta=%s, k=%s)", window,
                        PythonCode.num(p.decimal("alpha") * window), PythonCode.num(p.decimal("beta")), PythonCode.num(p.decimal("k"))),
                        self + "(" + x + ")", 0, "PyTorch divides alpha by the window: alpha × " + window + " here", false);
            }
            case "Conv1D" -> conv1d(s, p, self, x);
            case "SimpleRNN", "LSTM" -> recurrent(s, p, self, x, mask, s.kind().id().equals("LSTM") ? "lstm" : "simple_rnn", false);
            case "Bidirectional" -> recurrent(s, p, self, x, mask, p.choice("cell"), true);
            case "LastTimeStep" -> {
                helpers.add(Helper.LAST_STEP);
                yield new Layer(null, "last_step(" + x + ", " + maskArg(mask) + ")", 0, "", false);
            }
            case "Embedding" -> new Layer(String.format(Locale.ROOT, "nn.Embedding(%d, %d)", p.integer("vocabulary"), p.integer("dimension")),
                    self + "(" + x + ")", trainable, "", true);
            case "PositionEmbedding" -> {
                helpers.add(Helper.POSITION_EMBEDDING);
                Shape.Sequence q = sequence(s);
                yield new Layer(String.format(Locale.ROOT, "PositionEmbedding(%d, %d)", q.timeSteps(), q.features()), self + "(" + x + ")", trainable,
                        "", true);
            }
            case "SelfAttention" -> {
                helpers.add(Helper.SELF_ATTENTION);
                boolean project = p.bool("projectInput");
                int f = features(s.inputShape());
                String module = project
                        ? String.format(Locale.ROOT, "SelfAttention(%d, heads=%d, head_size=%d, units=%d)", f, p.integer("heads"), p.integer("headSize"),
                                p.integer("units"))
                        : String.format(Locale.ROOT, "SelfAttention(%d, heads=1, head_size=%d, units=%d, project=False)", f, f, f);
                yield new Layer(module, self + "(" + x + ", " + maskArg(mask) + ")", trainable, "", true);
            }
            case "Add" -> new Layer(null, String.join(" + ", in), 0, "", true);
            case "Concatenate" -> new Layer(null, "torch.cat([" + String.join(", ", in) + "], dim=" + (s.shape() instanceof Shape.Image ? 1 : -1) + ")", 0,
                    "", true);
            case "Output" -> output(s, p, self, x);
            default -> throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") has no PyTorch export yet.");
        };
    }

    private Layer batchNorm(Step s, Params p, String self, String x) throws ExportException {
        // DL4J keeps momentum × running + (1 − momentum) × batch; PyTorch's momentum is the batch's weight
        String args = String.format(Locale.ROOT, "eps=%s, momentum=%s", PythonCode.num(p.decimal("epsilon")), PythonCode.num(1 - p.decimal("momentum")));
        if (s.inputShape() instanceof Shape.Image i) {
            return new Layer("nn.BatchNorm2d(" + i.channels() + ", " + args + ")", self + "(" + x + ")", s.info().trainable(),
                    "running mean and variance are buffers in PyTorch, not parameters", false);
        }
        return new Layer("nn.BatchNorm1d(" + features(s.inputShape()) + ", " + args + ")", self + "(" + x + ")", s.info().trainable(),
                "running mean and variance are buffers in PyTorch, not parameters", false);
    }

    private Layer conv2d(Step s, Params p, String self, String x) throws ExportException {
        Shape.Image in = image(s);
        int k = p.integer("kernel");
        int stride = p.integer("stride");
        int dilation = p.integer("dilation");
        String conv = "nn.Conv2d(%d, %d, kernel_size=%d%s%s%s%s)";
        String strideArg = stride == 1 ? "" : ", stride=" + stride;
        String dilationArg = dilation == 1 ? "" : ", dilation=" + dilation;
        String bias = p.bool("useBias") ? "" : ", bias=False";
        String module;
        if ("same".equals(p.choice("padding")) && stride == 1) {
            module = String.format(Locale.ROOT, conv, in.channels(), p.integer("filters"), k, "", ", padding=\"same\"", dilationArg, bias);
        } else {
            module = String.format(Locale.ROOT, conv, in.channels(), p.integer("filters"), k, strideArg, "", dilationArg, bias);
            if ("same".equals(p.choice("padding"))) {
                int[] pads = samePads(in, k, stride, dilation);
                module = "nn.Sequential(nn.ZeroPad2d(" + tuple(pads) + "), " + module + ")";
            }
        }
        return new Layer(module, activation(s, p.choice("activation"), self + "(" + x + ")", s.shape()), s.info().trainable(), "", false);
    }

    private Layer pool2d(Step s, Params p, String self, String x) throws ExportException {
        Shape.Image in = image(s);
        int k = p.integer("pool");
        int stride = p.integer("stride");
        boolean max = s.kind().id().equals("MaxPool2D");
        int[] pads = "same".equals(p.choice("padding")) ? samePads(in, k, stride, 1) : new int[4];
        boolean padded = pads[0] + pads[1] + pads[2] + pads[3] > 0;
        String pool = String.format(Locale.ROOT, max ? "nn.MaxPool2d(%d, stride=%d)" : "nn.AvgPool2d(%d, stride=%d)", k, stride);
        if (!padded) {
            return new Layer(pool, self + "(" + x + ")", 0, "", false);
        }
        if (max) {
            // padding that can never be the maximum, as 'same' pooling treats the border
            return new Layer("nn.Sequential(nn.ConstantPad2d(" + tuple(pads) + ", float(\"-inf\")), " + pool + ")", self + "(" + x + ")", 0, "", false);
        }
        helpers.add(Helper.AVG_POOL_SAME);
        return new Layer(String.format(Locale.ROOT, "AvgPoolSame(%d, %d, %s)", k, stride, tuple(pads)), self + "(" + x + ")", 0,
                "the border's padding is left out of each average, as DL4J does", false);
    }

    private Layer globalPooling(Step s, Params p, String x, String mask) {
        boolean max = "max".equals(p.choice("type"));
        if (s.inputShape() instanceof Shape.Image) {
            return new Layer(null, max ? x + ".amax(dim=(2, 3))" : x + ".mean(dim=(2, 3))", 0, "", false);
        }
        helpers.add(Helper.MASKED_POOLING);
        return new Layer(null, (max ? "masked_max(" : "masked_mean(") + x + ", " + maskArg(mask) + ")", 0, "", false);
    }

    private Layer conv1d(Step s, Params p, String self, String x) throws ExportException {
        Shape.Sequence in = sequence(s);
        int k = p.integer("kernel");
        int stride = p.integer("stride");
        int dilation = p.integer("dilation");
        StringBuilder conv = new StringBuilder(String.format(Locale.ROOT, "nn.Conv1d(%d, %d, kernel_size=%d", in.features(), p.integer("filters"), k));
        if (stride != 1) {
            conv.append(", stride=").append(stride);
        }
        boolean same = "same".equals(p.choice("padding"));
        if (same && stride == 1) {
            conv.append(", padding=\"same\"");
        }
        if (dilation != 1) {
            conv.append(", dilation=").append(dilation);
        }
        if (!p.bool("useBias")) {
            conv.append(", bias=False");
        }
        conv.append(')');
        String module = conv.toString();
        if (same && stride > 1) {
            if (in.timeSteps() == Shape.VARIABLE) {
                throw new ExportException("Layer '" + s.id() + "' (Conv1D): 'same' padding with stride " + stride
                        + " on sequences of any length has no fixed padding in PyTorch; give the input a length or use stride 1.");
            }
            int[] pad = same1d(in.timeSteps(), k, stride, dilation);
            module = "nn.Sequential(nn.ConstantPad1d((" + pad[0] + ", " + pad[1] + "), 0.0), " + module + ")";
        }
        // nn.Conv1d wants (batch, features, time)
        String forward = self + "(" + x + ".transpose(1, 2)).transpose(1, 2)";
        boolean keepsLength = same && stride == 1;
        return new Layer(module, activation(s, p.choice("activation"), forward, s.shape()), s.info().trainable(), "", keepsLength);
    }

    private Layer recurrent(Step s, Params p, String self, String x, String mask, String cell, boolean bidirectional) throws ExportException {
        int f = features(s.inputShape());
        int units = p.integer("units");
        String activation = p.choice("activation");
        boolean lstm = "lstm".equals(cell);
        String module;
        if (lstm) {
            if (!"tanh".equals(activation)) {
                throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") uses activation '" + activation
                        + "'; PyTorch's nn.LSTM has tanh only. Set the activation to tanh to export it.");
            }
            module = String.format(Locale.ROOT, "nn.LSTM(%d, %d, batch_first=True%s)", f, units, bidirectional ? ", bidirectional=True" : "");
        } else {
            if (!"tanh".equals(activation) && !"relu".equals(activation)) {
                throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") uses activation '" + activation
                        + "'; PyTorch's nn.RNN has tanh and relu only.");
            }
            module = String.format(Locale.ROOT, "nn.RNN(%d, %d, batch_first=True%s%s)", f, units, "relu".equals(activation) ? ", nonlinearity=\"relu\"" : "",
                    bidirectional ? ", bidirectional=True" : "");
        }
        int directions = bidirectional ? 2 : 1;
        long extra = (long) directions * (lstm ? 4 : 1) * units;
        String note = String.format(Locale.ROOT, "PyTorch's %s has a second bias: %,d more parameters than Keras and DL4J", lstm ? "LSTM" : "RNN", extra);
        helpers.add(Helper.RUN_RECURRENT);
        String run = "run_recurrent(" + self + ", " + x + ", " + maskArg(mask) + ")";
        if (bidirectional) {
            String merge = p.choice("merge");
            String both = switch (merge) {
                case "concat" -> run;
                case "add" -> "sum(" + run + ".chunk(2, dim=-1))";
                case "mul" -> "torch.mul(*" + run + ".chunk(2, dim=-1))";
                case "average" -> "sum(" + run + ".chunk(2, dim=-1)) / 2";
                default -> throw new ExportException("Layer '" + s.id() + "' (Bidirectional): merge '" + merge + "' has no PyTorch export.");
            };
            return new Layer(module, both, s.info().trainable() + extra, note + "; forward and backward " + merge, true);
        }
        return new Layer(module, run, s.info().trainable() + extra, note, true);
    }

    private Layer output(Step s, Params p, String self, String x) throws ExportException {
        int f = features(s.inputShape());
        String linear = String.format(Locale.ROOT, "nn.Linear(%d, %d)", f, p.integer("units"));
        String activation = p.choice("activation");
        String loss = p.choice("loss");
        String logits = self + "(" + x + ")";
        return switch (loss) {
            case "cross_entropy" -> {
                if (!"softmax".equals(activation)) {
                    throw new ExportException("Layer '" + s.id() + "' (Output): cross-entropy needs softmax, not '" + activation + "'.");
                }
                yield new Layer(linear, logits, s.info().trainable(), "logits: CrossEntropyLoss applies the softmax", false);
            }
            case "binary_cross_entropy" -> {
                if (!"sigmoid".equals(activation)) {
                    throw new ExportException("Layer '" + s.id() + "' (Output): binary cross-entropy needs sigmoid, not '" + activation + "'.");
                }
                yield new Layer(linear, logits, s.info().trainable(), "logits: BCEWithLogitsLoss applies the sigmoid", false);
            }
            default -> new Layer(linear, activation(s, activation, logits, s.shape()), s.info().trainable(), "", false);
        };
    }

    /** {@code fn} applied to {@code x}, as DL4J defines it (its leaky ReLU slope, its hard sigmoid). */
    String activation(Step s, String fn, String x, Shape shape) throws ExportException {
        return switch (fn) {
            case "identity" -> x;
            case "relu" -> "F.relu(" + x + ")";
            case "leaky_relu" -> "F.leaky_relu(" + x + ", 0.01)";
            case "randomized_relu" -> "F.rrelu(" + x + ", 1 / 8, 1 / 3, training=self.training)";
            case "thresholded_relu" -> "F.threshold(" + x + ", 1.0, 0.0)";
            case "elu" -> "F.elu(" + x + ")";
            case "selu" -> "F.selu(" + x + ")";
            case "gelu" -> "F.gelu(" + x + ")";
            case "swish" -> "F.silu(" + x + ")";
            case "mish" -> "F.mish(" + x + ")";
            case "relu6" -> "F.relu6(" + x + ")";
            case "sigmoid" -> "torch.sigmoid(" + x + ")";
            case "hard_sigmoid" -> "torch.clamp(0.2 * " + x + " + 0.5, 0.0, 1.0)";
            case "tanh" -> "torch.tanh(" + x + ")";
            case "hard_tanh" -> "F.hardtanh(" + x + ")";
            case "rectified_tanh" -> "F.relu(torch.tanh(" + x + "))";
            case "rational_tanh" -> {
                helpers.add(Helper.RATIONAL_TANH);
                yield "rational_tanh(" + x + ")";
            }
            case "softmax" -> "torch.softmax(" + x + ", dim=" + (shape instanceof Shape.Image ? 1 : -1) + ")";
            case "softplus" -> "F.softplus(" + x + ")";
            case "softsign" -> "F.softsign(" + x + ")";
            case "cube" -> "torch.pow(" + x + ", 3)";
            default -> throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + "): activation '" + fn + "' has no PyTorch export.");
        };
    }

    /** The Python source of the helpers in use, in a fixed order. */
    String helperSource() {
        List<String> parts = new ArrayList<>();
        for (Helper h : helpers) {
            parts.add(switch (h) {
                case MASKED_POOLING -> """
                        def masked_mean(x, mask):
                            \"\"\"The mean over time of the real steps (every step without a mask), as DeepCanvas pools padded text.\"\"\"
                            if mask is None:
                                return x.mean(dim=1)
                            keep = mask.unsqueeze(-1).to(x.dtype)
                            return (x * keep).sum(dim=1) / keep.sum(dim=1).clamp(min=1)


                        def masked_max(x, mask):
                            \"\"\"The maximum over time of the real steps.\"\"\"
                            if mask is None:
                                return x.amax(dim=1)
                            return x.masked_fill(~mask.unsqueeze(-1), float("-inf")).amax(dim=1)
                        """;
                case LAST_STEP -> """
                        def last_step(x, mask):
                            \"\"\"Each sequence's output at its last real step.\"\"\"
                            if mask is None:
                                return x[:, -1]
                            last = mask.long().sum(dim=1).clamp(min=1) - 1
                            return x[torch.arange(x.size(0), device=x.device), last]
                        """;
                case RUN_RECURRENT -> """
                        def run_recurrent(layer, x, mask):
                            \"\"\"Every step's output of an nn.RNN or nn.LSTM, run over the real steps only (padding packed away).\"\"\"
                            if mask is None:
                                return layer(x)[0]
                            lengths = mask.long().sum(dim=1).clamp(min=1).cpu()
                            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                            out = layer(packed)[0]
                            return nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.size(1))[0]
                        """;
                case POSITION_EMBEDDING -> """
                        class PositionEmbedding(nn.Module):
                            \"\"\"A learned vector per position, added to the input (as Keras-NLP's PositionEmbedding).\"\"\"

                            def __init__(self, steps, features):
                                super().__init__()
                                self.weight = nn.Parameter(torch.empty(steps, features))
                                nn.init.xavier_uniform_(self.weight)

                            def forward(self, x):
                                return x + self.weight[: x.size(1)]
                        """;
                case SELF_ATTENTION -> """
                        class SelfAttention(nn.Module):
                            \"\"\"Multi-head scaled dot-product self-attention as DL4J's SelfAttentionLayer: projections without bias.\"\"\"

                            def __init__(self, features, heads, head_size, units, project=True):
                                super().__init__()
                                self.heads, self.head_size, self.project = heads, head_size, project
                                if project:
                                    self.query = nn.Linear(features, heads * head_size, bias=False)
                                    self.key = nn.Linear(features, heads * head_size, bias=False)
                                    self.value = nn.Linear(features, heads * head_size, bias=False)
                                    self.output = nn.Linear(heads * head_size, units, bias=False)

                            def forward(self, x, mask=None):
                                batch, steps, _ = x.shape
                                if not self.project:
                                    q = k = v = x.unsqueeze(1)
                                else:
                                    def heads(t):
                                        return t.view(batch, steps, self.heads, self.head_size).transpose(1, 2)

                                    q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
                                scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_size)
                                if mask is not None:
                                    scores = scores.masked_fill(~mask[:, None, None, :], float("-inf"))
                                mixed = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(batch, steps, -1)
                                return self.output(mixed) if self.project else mixed
                        """;
                case AVG_POOL_SAME -> """
                        class AvgPoolSame(nn.Module):
                            \"\"\"Average pooling with 'same' padding whose averages leave the padding out, as DL4J's and Keras' do.\"\"\"

                            def __init__(self, size, stride, pads):
                                super().__init__()
                                self.size, self.stride, self.pads = size, stride, pads

                            def forward(self, x):
                                total = F.avg_pool2d(F.pad(x, self.pads), self.size, self.stride)
                                count = F.avg_pool2d(F.pad(torch.ones_like(x[:1, :1]), self.pads), self.size, self.stride)
                                return total / count
                        """;
                case RATIONAL_TANH -> """
                        def rational_tanh(x):
                            \"\"\"DL4J's rational approximation of 1.7159 × tanh(2x / 3).\"\"\"
                            y = 2.0 * x / 3.0
                            a = y.abs()
                            return 1.7159 * torch.sign(y) * (1.0 - 1.0 / (1.0 + a + y * y + 1.41645 * y ** 4))
                        """;
            });
        }
        return String.join("\n\n", parts);
    }

    private static String maskArg(String mask) {
        return mask == null ? "None" : mask;
    }

    static int features(Shape s) throws ExportException {
        if (s instanceof Shape.Flat f) {
            return f.features();
        }
        if (s instanceof Shape.Sequence q) {
            return q.features();
        }
        throw new ExportException("expected a vector or a sequence, not " + s.family());
    }

    private static Shape.Image image(Step s) throws ExportException {
        if (s.inputShape() instanceof Shape.Image i) {
            return i;
        }
        throw new ExportException("Layer '" + s.id() + "' expects an image, not " + s.inputShape().family() + ".");
    }

    private static Shape.Sequence sequence(Step s) throws ExportException {
        if (s.inputShape() instanceof Shape.Sequence q) {
            return q;
        }
        throw new ExportException("Layer '" + s.id() + "' expects a sequence, not " + s.inputShape().family() + ".");
    }

    /** Keras' and DL4J's 'same' padding as (left, right, top, bottom), the extra pixel after. */
    static int[] samePads(Shape.Image in, int kernel, int stride, int dilation) {
        int[] h = same1d(in.height(), kernel, stride, dilation);
        int[] w = same1d(in.width(), kernel, stride, dilation);
        return new int[] {w[0], w[1], h[0], h[1]};
    }

    static int[] same1d(int size, int kernel, int stride, int dilation) {
        int out = (size + stride - 1) / stride;
        int reach = (kernel - 1) * dilation + 1;
        int total = Math.max((out - 1) * stride + reach - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    private static String tuple(int[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(v[i]);
        }
        return b.append(')').toString();
    }
}
