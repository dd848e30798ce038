package org.dl4jsuite.common.report;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.io.AtomicFiles;

/** Writes a rendered image as a PNG file, atomically. */
final class PngFile {
    private PngFile() {
    }

    static void write(Path target, RenderedImage image) {
        AtomicFiles.write(target, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available in this JRE");
            }
        });
    }
}
