package dev.deepcanvas.designer.canvas;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.transform.Affine;

/**
 * The view onto the canvas: a zoom and an offset, mapping canvas units to screen pixels. In
 * presentation mode everything is drawn 1.5 times larger at the same zoom.
 */
final class Camera {

    static final double MIN_ZOOM = 0.002;
    static final double MAX_ZOOM = 4;
    static final double PRESENTATION_SCALE = 1.5;

    private final Affine transform = new Affine();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private double tx;
    private double ty;
    private double boost = 1;
    private final Runnable onChange;

    Camera(Runnable onChange) {
        this.onChange = onChange;
    }

    Affine transform() {
        return transform;
    }

    /** The user's zoom, 1 = 100 %. */
    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    double zoom() {
        return zoom.get();
    }

    /** Screen pixels per canvas unit. */
    double scale() {
        return zoom.get() * boost;
    }

    void setPresentation(boolean on) {
        boost = on ? PRESENTATION_SCALE : 1;
        apply();
    }

    Point2D toScreen(double x, double y) {
        return new Point2D(x * scale() + tx, y * scale() + ty);
    }

    Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - tx) / scale(), (sy - ty) / scale());
    }

    /** The canvas area a screen of this size shows. */
    Rectangle2D visible(double width, double height) {
        Point2D a = toWorld(0, 0);
        return new Rectangle2D(a.getX(), a.getY(), width / scale(), height / scale());
    }

    /** Zooms by a factor keeping the canvas point under (sx, sy) where it is. */
    void zoomAt(double factor, double sx, double sy) {
        Point2D pivot = toWorld(sx, sy);
        zoom.set(clamp(zoom.get() * factor));
        tx = sx - pivot.getX() * scale();
        ty = sy - pivot.getY() * scale();
        apply();
    }

    void panBy(double dx, double dy) {
        tx += dx;
        ty += dy;
        apply();
    }

    void set(double newZoom, double newTx, double newTy) {
        zoom.set(clamp(newZoom));
        tx = newTx;
        ty = newTy;
        apply();
    }

    double offsetX() {
        return tx;
    }

    double offsetY() {
        return ty;
    }

    /** Shows the canvas area {@code area} centred in a screen of this size, at most at {@code maxScale}. */
    void fit(Rectangle2D area, double width, double height, double maxScale) {
        double s = Math.min(maxScale, Math.min(width / area.getWidth(), height / area.getHeight()));
        zoom.set(clamp(s / boost));
        tx = width / 2 - (area.getMinX() + area.getWidth() / 2) * scale();
        ty = height / 2 - (area.getMinY() + area.getHeight() / 2) * scale();
        apply();
    }

    /** Puts the canvas point at the centre of the screen. */
    void centre(double x, double y, double width, double height) {
        tx = width / 2 - x * scale();
        ty = height / 2 - y * scale();
        apply();
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    private void apply() {
        double s = scale();
        transform.setToTransform(s, 0, tx, 0, s, ty);
        onChange.run();
    }
}
