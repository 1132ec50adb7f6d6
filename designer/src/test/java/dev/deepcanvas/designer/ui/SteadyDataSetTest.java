package dev.deepcanvas.designer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import org.junit.jupiter.api.Test;

/**
 * A chart asks an empty data set for its limits on every layout. ChartFX's own data set then reports
 * a change each time (its range is NaN, and NaN never equals NaN), so the chart lays itself out
 * again on the next pulse, for ever; the steady one stays quiet until it has points.
 */
class SteadyDataSetTest {

    /** Recomputes the limits the way a chart's layout does, twice, and says whether the second time changed anything. */
    private static boolean secondRecomputeChanges(DoubleDataSet data) {
        data.recomputeLimits(DataSet.DIM_Y);
        // the chart clears the bits after drawing
        data.getBitState().clear();
        data.getAxisDescription(DataSet.DIM_Y).getBitState().clear();
        data.recomputeLimits(DataSet.DIM_Y);
        return data.getBitState().isDirty() || data.getAxisDescription(DataSet.DIM_Y).getBitState().isDirty();
    }

    @Test
    void chartfx_reports_a_change_on_every_recompute_of_an_empty_data_set() {
        assertTrue(secondRecomputeChanges(new DoubleDataSet("validation")), "the ChartFX behaviour this class works around");
    }

    @Test
    void an_empty_steady_data_set_reports_no_change() {
        assertFalse(secondRecomputeChanges(new SteadyDataSet("validation")));
    }

    @Test
    void with_points_it_computes_limits_as_usual() {
        SteadyDataSet data = new SteadyDataSet("loss", new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0.75}, 3);
        data.recomputeLimits(DataSet.DIM_Y);
        assertEquals(0.25, data.getAxisDescription(DataSet.DIM_Y).getMin());
        assertEquals(0.75, data.getAxisDescription(DataSet.DIM_Y).getMax());
        assertFalse(secondRecomputeChanges(data));
    }
}
