/** Adversarial attacks (FGSM, BIM, PGD, C&W, targeted Adam) on ImageNet networks (AlexNet with imported weights, TFLite imports, the DL4J zoo) and on LeNet, with receptive-field arithmetic. */
package org.dl4jsuite.adversarial;
