package dev.deepcanvas.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), with the Java it runs on. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "DeepCanvas " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
