/** LeNet-5 trained beyond one thread: on Apache Spark with parameter averaging, and on local cores with ParallelWrapper. */
package org.dl4jsuite.distributed;
