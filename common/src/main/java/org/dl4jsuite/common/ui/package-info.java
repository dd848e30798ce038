/** DL4J's training UI: recording a run's stats into its folder and serving them in a browser. */
package org.dl4jsuite.common.ui;
