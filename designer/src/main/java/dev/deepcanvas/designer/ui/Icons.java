package dev.deepcanvas.designer.ui;

import dev.deepcanvas.runtime.catalog.Group;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icons of the designer (Ikonli Material 2), by what they mean rather than how they look. */
public final class Icons {

    public static final String NEW = "mdal-insert_drive_file";
    public static final String TEMPLATE = "mdal-dashboard";
    public static final String OPEN = "mdal-folder_open";
    public static final String SAVE = "mdmz-save";
    public static final String SAVE_AS = "mdmz-save_alt";
    public static final String UNDO = "mdmz-undo";
    public static final String REDO = "mdmz-redo";
    public static final String CUT = "mdal-content_cut";
    public static final String COPY = "mdal-content_copy";
    public static final String PASTE = "mdal-content_paste";
    public static final String DUPLICATE = "mdal-file_copy";
    public static final String DELETE = "mdal-delete_outline";
    public static final String ZOOM_IN = "mdmz-zoom_in";
    public static final String ZOOM_OUT = "mdmz-zoom_out";
    public static final String FIT = "mdmz-zoom_out_map";
    public static final String LAYOUT = "mdal-account_tree";
    public static final String DARK = "mdmz-nights_stay";
    public static final String PRESENTATION = "mdmz-slideshow";
    public static final String ERROR = "mdal-error";
    public static final String WARNING = "mdmz-warning";
    public static final String VALID = "mdal-check_circle";
    public static final String SEARCH = "mdmz-search";
    public static final String BACKEND = "mdmz-memory";
    public static final String PARAMS = "mdmz-tune";
    public static final String FIX = "mdal-build";
    public static final String TRAIN = "mdmz-play_arrow";
    public static final String PAUSE = "mdmz-pause";
    public static final String RESUME = "mdmz-play_circle_outline";
    public static final String STOP = "mdmz-stop";
    public static final String SAVE_MODEL = "mdal-archive";
    public static final String IMAGE = "mdal-image";
    public static final String TABLE = "mdmz-table_chart";
    public static final String FROZEN = "mdal-lock";

    private Icons() {}

    public static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("dc-icon");
        return icon;
    }

    /** The icon of a palette group; every kind in the group shares it. */
    public static String of(Group group) {
        return switch (group) {
            case INPUTS -> "mdal-input";
            case CORE -> "mdal-blur_on";
            case CONVOLUTION -> "mdmz-view_module";
            case RECURRENT -> "mdal-autorenew";
            case ATTENTION -> "mdal-center_focus_strong";
            case MERGE -> "mdmz-merge_type";
            case OUTPUTS -> "mdal-flag";
        };
    }
}
