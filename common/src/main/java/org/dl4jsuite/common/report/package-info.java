/** What a run shows: line plots, image grids, confusion matrices, markdown and text tables, report.md. */
package org.dl4jsuite.common.report;
