package dev.deepcanvas.designer.files;

/** Questions and notices in plain words; the desktop shows dialogs. */
public interface Prompts {

    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** "Save changes to X before ...?" */
    SaveChoice askSave(String documentName, String beforeWhat);

    /** A problem the user must know about (never a stack trace). */
    void error(String title, String message);

    /** Offers to restore unsaved work found after a crash; true to recover it. */
    boolean askRecover(String description);

    /** A yes-or-no question before something is replaced; true to go ahead. */
    boolean confirm(String question, String detail);
}
