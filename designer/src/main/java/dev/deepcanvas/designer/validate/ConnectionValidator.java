package dev.deepcanvas.designer.validate;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;

/** Decides, while a wire is being dragged, whether it may be dropped; pluggable into the canvas. */
@FunctionalInterface
public interface ConnectionValidator {

    Verdict check(NetworkDocument doc, Edge proposed);
}
