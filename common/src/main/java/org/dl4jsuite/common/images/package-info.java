/** Reading image files as network input. */
package org.dl4jsuite.common.images;
