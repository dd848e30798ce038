package org.dl4jsuite.common.report;

/** Makes Java2D render off-screen, so charts and grids work on servers without a display. */
final class Headless {

    private Headless() {}

    static void ensure() {
        // Only a default: an application that chose a mode explicitly keeps it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
