package org.dl4jsuite.adversarial;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.io.AtomicFiles;

/** A labelled PNG: original | adversarial | perturbation amplified to the full gray range (0 = mid gray). */
final class AdversarialPanel {
    private static final int CAPTION = 36;
    private static final int GAP = 8;

    private AdversarialPanel() {
    }

    /**
     * Draws three panels of {@code rows×cols} (channels 1 or 3) enlarged to at least 224 pixels wide, with
     * the two captions and the perturbation's amplification written under them.
     */
    static void write(Path png, float[] original, float[] adversarial, int channels, int rows, int cols,
                      String originalCaption, String adversarialCaption) {
        float[] delta = new float[original.length];
        double max = 1e-12;
        for (int i = 0; i < delta.length; i++) {
            max = Math.max(max, Math.abs(adversarial[i] - original[i]));
        }
        double gain = 0.5 / max;
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) (0.5 + gain * (adversarial[i] - original[i]));
        }
        int scale = Math.max(1, 224 / cols);
        int w = cols * scale;
        int h = rows * scale;
        BufferedImage out = new BufferedImage(3 * w + 4 * GAP, h + CAPTION + 2 * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.BLACK);
            String[] captions = {originalCaption, adversarialCaption, String.format("perturbation ×%.0f", gain)};
            float[][] images = {original, adversarial, delta};
            for (int k = 0; k < 3; k++) {
                int x = GAP + k * (w + GAP);
                g.drawImage(PixelPng.image(images[k], channels, rows, cols), x, GAP, w, h, null);
                java.util.List<String> lines = wrap(g, captions[k], w, 2);
                for (int line = 0; line < lines.size(); line++) {
                    g.drawString(lines.get(line), x, GAP + h + 14 + 14 * line);
                }
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(png, tmp -> ImageIO.write(out, "png", tmp.toFile()));
    }

    /** {@code text} broken at spaces into at most {@code most} lines of {@code width}; the last one cut with "…". */
    static java.util.List<String> wrap(Graphics2D g, String text, int width, int most) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < most - 1) {
            int cut = rest.length();
            while (cut > 0 && g.getFontMetrics().stringWidth(rest.substring(0, cut)) > width) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            if (cut == rest.length()) {
                break;
            }
            lines.add(rest.substring(0, Math.max(cut, 1)));
            rest = rest.substring(Math.max(cut, 1)).strip();
        }
        if (!rest.isEmpty()) {
            String last = rest;
            if (g.getFontMetrics().stringWidth(last) > width) {
                while (last.length() > 1 && g.getFontMetrics().stringWidth(last + "…") > width) {
                    last = last.substring(0, last.length() - 1);
                }
                last = last + "…";
            }
            lines.add(last);
        }
        return lines;
    }
}
