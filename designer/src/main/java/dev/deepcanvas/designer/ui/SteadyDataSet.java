package dev.deepcanvas.designer.ui;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * A chart data set that leaves its limits alone while it is empty. ChartFX 11.3.1 gives an empty
 * data set the range NaN..NaN, and as NaN never equals NaN it reports a changed range on every
 * pulse: a chart holding an empty data set then redraws 60 times a second for as long as it stays
 * empty (the validation curve before the first epoch ends, or a run without a validation split),
 * which costs a training run several per cent of its speed. Use this instead of {@link DoubleDataSet}.
 */
public final class SteadyDataSet extends DoubleDataSet {

    public SteadyDataSet(String name) {
        super(name);
    }

    /** A copy of the first {@code n} points (the arrays are copied). */
    public SteadyDataSet(String name, double[] x, double[] y, int n) {
        super(name, x, y, n, true);
    }

    @Override
    public DataSet recomputeLimits(int dimIndex) {
        return getDataCount() == 0 ? this : super.recomputeLimits(dimIndex);
    }
}
