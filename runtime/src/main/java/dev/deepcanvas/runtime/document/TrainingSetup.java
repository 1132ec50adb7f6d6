package dev.deepcanvas.runtime.document;

/**
 * How the network is trained. The loss of each output is a parameter of its Output node, so it
 * travels with the node when that is copied, renamed or deleted (see docs/decisions/0003).
 *
 * @param momentum used by {@link Optimizer#NESTEROV} and as RMSProp's decay
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon the small constant of Adam, RMSProp and AdaGrad
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
        long seed) {

    /** Keras' defaults for the course's example network: Adam 0.001, batch 32. */
    public static TrainingSetup defaults() {
        return new TrainingSetup(Optimizer.ADAM, 0.001, 0.9, 0.9, 0.999, 1e-7, 32, 10, 42);
    }

    public TrainingSetup withOptimizer(Optimizer o, double lr) {
        return new TrainingSetup(o, lr, momentum, beta1, beta2, epsilon, batchSize, epochs, seed);
    }

    public TrainingSetup withBatchSize(int b) {
        return new TrainingSetup(optimizer, learningRate, momentum, beta1, beta2, epsilon, b, epochs, seed);
    }

    public TrainingSetup withEpochs(int e) {
        return new TrainingSetup(optimizer, learningRate, momentum, beta1, beta2, epsilon, batchSize, e, seed);
    }

    public TrainingSetup withSeed(long s) {
        return new TrainingSetup(optimizer, learningRate, momentum, beta1, beta2, epsilon, batchSize, epochs, s);
    }
}
