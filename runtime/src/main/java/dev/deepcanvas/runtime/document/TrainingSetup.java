package dev.deepcanvas.runtime.document;

/**
 * How the network is trained. The loss of each output is a parameter of its Output node, so it
 * travels with the node when that is copied, renamed or deleted (docs/decisions/0003).
 *
 * @param momentum Nesterov momentum; RMSProp's decay
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon the small constant of Adam, RMSProp and AdaGrad
 * @param l2 weight decay (L2 penalty); 0 for none
 * @param gradientClip largest L2 norm of each layer's gradient; 0 for no clipping
 * @param decay how the learning rate falls per epoch
 * @param decayRate factor per step (STEP) or per epoch (EXPONENTIAL)
 * @param decayEvery epochs between steps (STEP)
 * @param patience stop after this many epochs without a better validation loss; 0 never stops early
 * @param keepBest at the end, keep the weights of the epoch with the best validation loss
 */
public record TrainingSetup(
        Optimizer optimizer,
        double learningRate,
        double momentum,
        double beta1,
        double beta2,
        double epsilon,
        int batchSize,
        int epochs,
        long seed,
        double l2,
        double gradientClip,
        Decay decay,
        double decayRate,
        int decayEvery,
        int patience,
        boolean keepBest) {

    /** Learning-rate schedules, by epoch. */
    public enum Decay { NONE, STEP, EXPONENTIAL }

    /** Keras' defaults for the course's example network: Adam 0.001, batch 32. */
    public static TrainingSetup defaults() {
        return new TrainingSetup(Optimizer.ADAM, 0.001, 0.9, 0.9, 0.999, 1e-7, 32, 10, 42, 0, 0, Decay.NONE, 0.5, 10, 0, false);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few settings of an existing setup. */
    public static final class Builder {
        private Optimizer optimizer;
        private double learningRate;
        private double momentum;
        private double beta1;
        private double beta2;
        private double epsilon;
        private int batchSize;
        private int epochs;
        private long seed;
        private double l2;
        private double gradientClip;
        private Decay decay;
        private double decayRate;
        private int decayEvery;
        private int patience;
        private boolean keepBest;

        private Builder(TrainingSetup t) {
            optimizer = t.optimizer;
            learningRate = t.learningRate;
            momentum = t.momentum;
            beta1 = t.beta1;
            beta2 = t.beta2;
            epsilon = t.epsilon;
            batchSize = t.batchSize;
            epochs = t.epochs;
            seed = t.seed;
            l2 = t.l2;
            gradientClip = t.gradientClip;
            decay = t.decay;
            decayRate = t.decayRate;
            decayEvery = t.decayEvery;
            patience = t.patience;
            keepBest = t.keepBest;
        }

        public Builder optimizer(Optimizer o, double lr) {
            optimizer = o;
            learningRate = lr;
            return this;
        }

        public Builder momentum(double m) {
            momentum = m;
            return this;
        }

        public Builder adam(double b1, double b2, double eps) {
            beta1 = b1;
            beta2 = b2;
            epsilon = eps;
            return this;
        }

        public Builder epsilon(double eps) {
            epsilon = eps;
            return this;
        }

        public Builder batchSize(int b) {
            batchSize = b;
            return this;
        }

        public Builder epochs(int e) {
            epochs = e;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        public Builder gradientClip(double v) {
            gradientClip = v;
            return this;
        }

        public Builder decay(Decay d, double rate, int every) {
            decay = d;
            decayRate = rate;
            decayEvery = every;
            return this;
        }

        public Builder earlyStopping(int epochsWithoutImprovement, boolean keepBestWeights) {
            patience = epochsWithoutImprovement;
            keepBest = keepBestWeights;
            return this;
        }

        public TrainingSetup build() {
            return new TrainingSetup(optimizer, learningRate, momentum, beta1, beta2, epsilon, batchSize, epochs, seed,
                    l2, gradientClip, decay, decayRate, decayEvery, patience, keepBest);
        }
    }
}
