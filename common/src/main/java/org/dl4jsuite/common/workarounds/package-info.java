/** Fixes for DL4J 1.0.0-M2.1, each with the test that shows the flaw: the updater without its empty regularisation pass, layer replacement, native-memory collection. */
package org.dl4jsuite.common.workarounds;
