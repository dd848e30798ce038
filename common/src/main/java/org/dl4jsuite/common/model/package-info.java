/** Model files: the suite's model zip with its typed metadata, and the checks every zip passes before DL4J loads it. */
package org.dl4jsuite.common.model;
