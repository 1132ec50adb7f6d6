package dev.deepcanvas.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void no_arguments_open_the_window_and_any_argument_runs_the_command_line() {
        assertTrue(Main.opensWindow(new String[0]));
        assertFalse(Main.opensWindow(new String[] {"summary", "x.deepcanvas"}));
        assertFalse(Main.opensWindow(new String[] {"--help"}));
    }
}
