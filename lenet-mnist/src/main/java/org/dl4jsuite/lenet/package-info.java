/** LeNet-5 on MNIST and Fashion-MNIST: summary, train, evaluate, predict. */
package org.dl4jsuite.lenet;
