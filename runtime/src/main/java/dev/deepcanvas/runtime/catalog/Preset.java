package dev.deepcanvas.runtime.catalog;

import java.util.Map;

/** A named palette entry that adds a kind with some parameters already set. */
public record Preset(String key, Map<String, Object> params) {}
